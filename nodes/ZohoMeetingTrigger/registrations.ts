import type { IDataObject } from 'n8n-workflow';

import type { ApiRequest, ZohoClient } from '../ZohoMeeting/transport';
import { topicMatches } from './filters';
import { unlessNotFound } from './notFound';
import type { ListedPage, ListPlan } from './listPlan';
import { headerTimeMs, idOf, timeMs } from './objectTimes';
import type { ListPosition } from './triggerState';

/**
 * New Webinar Registration's pages. The contract lists registrations per webinar and has
 * no date filter for them (docs/api-contract.md), so the trigger lists the upcoming
 * webinars (`GET /webinars?status=scheduled`, from the window start), or reads the chosen
 * one, and then each webinar's registrations, in webinar-key order so that a pass split by
 * the time budget continues at the same webinar. Each registration carries its webinar's
 * topic and start (`webinar_topic`, `webinar_start_time`): the start places it in the
 * window, as a start time places a meeting.
 */

interface Webinar {
	key: string;
	topic: IDataObject[string];
	start: IDataObject[string];
}

const byKey = (a: Webinar, b: Webinar) => compareKeys(a.key, b.key);
const compareKeys = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

export async function* listRegistrationPages(
	zoho: ZohoClient,
	plan: ListPlan,
	window: { since: number; fromDate: string },
	from: ListPosition,
): AsyncGenerator<ListedPage> {
	const { webinars, serverMs } =
		plan.webinarKey === undefined ? await upcomingWebinars(zoho, window.fromDate) : await chosenWebinar(zoho, plan.webinarKey);
	// The first answer's clock, before any registration: it may place the first window again.
	yield { objects: [], serverMs };
	const watched = webinars
		.filter((webinar) => topicMatches({ topic: webinar.topic }, 'topic', plan.filters))
		// One that started before the window: its registrations would all be passed over.
		.filter((webinar) => !((timeMs(webinar.start) ?? Infinity) < window.since))
		.sort(byKey);
	for (const webinar of watched) {
		if (from.webinarKey !== undefined && compareKeys(webinar.key, from.webinarKey) < 0) continue;
		const firstPage = webinar.key === from.webinarKey ? from.page : 1;
		yield* registrationsOf(zoho, webinar, firstPage);
	}
}

function toWebinar(object: IDataObject): Webinar[] {
	const key = idOf(object, 'webinar_key');
	return key === undefined ? [] : [{ key, topic: object.topic, start: object.start_time }];
}

async function upcomingWebinars(zoho: ZohoClient, fromDate: string): Promise<{ webinars: Webinar[]; serverMs?: number }> {
	const request: ApiRequest = { method: 'GET', path: '/webinars', qs: { status: 'scheduled', from_date: fromDate } };
	let date: string | undefined;
	const webinars: Webinar[] = [];
	for await (const page of zoho.pages(request, { onPage: (answer) => (date = answer.date) })) {
		for (const object of page) webinars.push(...toWebinar(object));
	}
	return { webinars, serverMs: headerTimeMs(date) };
}

async function chosenWebinar(zoho: ZohoClient, webinarKey: string): Promise<{ webinars: Webinar[]; serverMs?: number }> {
	const webinar = await zoho.request({ method: 'GET', path: '/webinars/{webinarKey}', pathParams: { webinarKey } });
	return { webinars: toWebinar({ webinar_key: webinarKey, ...webinar }) };
}

async function* registrationsOf(zoho: ZohoClient, webinar: Webinar, firstPage: number): AsyncGenerator<ListedPage> {
	const request: ApiRequest = {
		method: 'GET',
		path: '/webinars/{webinarKey}/registrations',
		pathParams: { webinarKey: webinar.key },
	};
	const about = { webinar_topic: webinar.topic, webinar_start_time: webinar.start } as IDataObject;
	let date: string | undefined;
	const pages = zoho.pages(request, { firstPage, onPage: (answer) => (date = answer.date) });
	try {
		for (let page = firstPage + 1; ; page++) {
			// Deleted since the webinar was read: it has no registrations left to watch.
			const next = await unlessNotFound(pages.next(), undefined);
			if (next === undefined || next.done === true) return;
			const objects = next.value.map((registration) => ({ webinar_key: webinar.key, ...registration, ...about }));
			yield { objects, serverMs: headerTimeMs(date), next: { page, webinarKey: webinar.key } };
		}
	} finally {
		// A pass that stops early (the time budget) ends the pages it was reading.
		await pages.return(undefined);
	}
}
