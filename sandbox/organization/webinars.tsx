import type { ApiRoute } from '../api';
import { noContent } from '../http';
import type { WebinarInput, WebinarRecord } from '../model';
import type { Store } from '../store';
import { API_PATH, json, listTypePage, organizationRoute, scopes, sysIdOf } from './common';
import {
	presenterFields,
	readSchedule,
	scheduleFields,
	sessionOf,
	startLinkOf,
	WEBINAR_CREATE_BODY,
	WEBINAR_UPDATE_BODY,
} from './schedule';

/**
 * Webinars: `webinar.json` and `webinar/{key}.json` under the organization, with the
 * meeting API's `session` wrapper. Seen in client code only (Pipedream's zoho_meeting
 * component and another client), which disagree on the answers: the `webinarKey`
 * variant answers lists under `webinar` with the key as `webinarKey` (Pipedream), the
 * `meetingKey` variant lists under `session` with the key as `meetingKey`. No total is
 * documented for the list, so none is sent.
 */

const WEBINARS = `${API_PATH}/{zsoid}/webinar`;

function webinarObject(store: Store, webinar: WebinarRecord) {
	return {
		[store.config.organization.webinarKey]: Number(webinar.webinar_key),
		topic: webinar.topic,
		agenda: webinar.description,
		...presenterFields(),
		...scheduleFields(webinar),
		sysId: sysIdOf(webinar.webinar_key),
		joinLink: webinar.webinar_url,
		registrationLink: webinar.registration_url,
		startLink: startLinkOf(store, webinar.webinar_key),
	};
}

function webinarInput(store: Store, body: Record<string, unknown>, current?: WebinarRecord) {
	const session = sessionOf(body);
	const input: WebinarInput = {
		...readSchedule(store, session, current),
		topic: session.topic,
		description: session.agenda,
	};
	return input;
}

export const webinarRoutes: ApiRoute[] = [
	organizationRoute({
		method: 'GET',
		path: `${WEBINARS}.json`,
		scope: scopes('webinar', 'READ'),
		query: ['listtype', 'index', 'count'],
		handle: (request) => {
			const { store } = request;
			const { page } = listTypePage(
				request,
				store.listWebinars({}),
				(webinar) => ({
					start: webinar.start,
					ended: store.webinarStatus(webinar) === 'completed',
					upcoming: webinar.start > store.now(),
				}),
				{ defaultCount: 20 },
			);
			const list = store.config.organization.webinarKey === 'webinarKey' ? 'webinar' : 'session';
			return json(200, { [list]: page.map((webinar) => webinarObject(store, webinar)) });
		},
	}),
	organizationRoute({
		method: 'POST',
		path: `${WEBINARS}.json`,
		scope: scopes('webinar', 'CREATE'),
		body: { schema: WEBINAR_CREATE_BODY },
		handle: ({ store, body }) =>
			json(201, { session: webinarObject(store, store.createWebinar(webinarInput(store, body))) }),
	}),
	organizationRoute({
		method: 'GET',
		path: `${WEBINARS}/{webinarKey}.json`,
		scope: scopes('webinar', 'READ'),
		handle: ({ store, params }) =>
			json(200, { session: webinarObject(store, store.findWebinar(params.webinarKey)) }),
	}),
	organizationRoute({
		method: 'PUT',
		path: `${WEBINARS}/{webinarKey}.json`,
		scope: scopes('webinar', 'UPDATE'),
		body: { schema: WEBINAR_UPDATE_BODY },
		handle: ({ store, params, body }) => {
			const webinar = store.findWebinar(params.webinarKey);
			store.updateWebinar(webinar, webinarInput(store, body, webinar));
			return json(200, { session: webinarObject(store, webinar) });
		},
	}),
	organizationRoute({
		method: 'DELETE',
		path: `${WEBINARS}/{webinarKey}.json`,
		scope: scopes('webinar', 'DELETE'),
		handle: ({ store, params }) => {
			store.deleteWebinar(params.webinarKey);
			return noContent();
		},
	}),
];
