import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { TRIGGER_EVENTS } from '../../nodes/ZohoMeetingTrigger/events';
import type { TriggerEvent } from '../../nodes/ZohoMeetingTrigger/pollState';
import type { Fault } from '../../sandbox/faults';
import type { DateFilter } from '../../sandbox/store';
import { count } from './ledger';
import { TEST_REQUEST_TIMEOUT_MS, useReliabilitySandbox } from './session';

/**
 * The Zoho Meeting Trigger through the same faults as the action node, poll after poll
 * of one active workflow: a poll the transport can save emits what is new; a poll it
 * cannot save fails with a clear error and leaves the stored state as it was; and over
 * all polls every object of the event (a completed, scheduled or cancelled meeting, an
 * available recording, a webinar registration) comes out exactly once.
 */
const zoho = useReliabilitySandbox({ fastPolicy: true });

/** The event's list requests; for registrations the list of webinars is request 1, a webinar's registrations follow. */
const LIST_PATH: Record<TriggerEvent, string> = {
	meetingCancelled: '^/api/v2/meetings$',
	meetingCompleted: '^/api/v2/meetings$',
	meetingScheduled: '^/api/v2/meetings$',
	newRegistration: '^/api/v2/webinars(/[^/]+/registrations)?$',
	recordingAvailable: '^/api/v2/recordings$',
};

type Step =
	/** Survivable: the poll must succeed and emit what is new. */
	| { kind: 'retried'; name: string; fault?: Fault; count?: number; page?: number; before?: () => Promise<void> }
	/** Not survivable: the poll must fail with this message and keep its state. */
	| {
			kind: 'failing';
			name: string;
			message: RegExp;
			fault?: Fault;
			count?: number;
			page?: number;
			before?: () => Promise<void>;
	  }
	/** An object listed on page 1 disappears while the poll is between pages 1 and 2. */
	| { kind: 'deleted'; name: string };

const STEPS: Step[] = [
	// First, while page 1 ends among new objects: the deletion shifts one of them from
	// page 2 onto page 1, already read, so this poll cannot see it and a later one must.
	{ kind: 'deleted', name: 'an object deleted between two pages' },
	{ kind: 'retried', name: '5xx burst', fault: { type: 'status', status: 503 }, count: 3 },
	{ kind: 'failing', name: '5xx outlasting the retries', fault: { type: 'status', status: 500 }, count: 4, message: /^INTERNAL_ERROR: / },
	{ kind: 'retried', name: '429 storm with reset headers', fault: { type: 'status', status: 429, retryAfterSeconds: 1 }, count: 3 },
	{ kind: 'retried', name: '429 storm without headers', fault: { type: 'status', status: 429, body: 'Too Many Requests' }, count: 3 },
	{
		kind: 'failing',
		name: '429 storm outlasting the tries',
		fault: { type: 'status', status: 429, retryAfterSeconds: 1 },
		count: 6,
		message: /^RATE_LIMIT_EXCEEDED: /,
	},
	{ kind: 'retried', name: 'slow answer past the timeout', fault: { type: 'delay', ms: TEST_REQUEST_TIMEOUT_MS * 3 } },
	{ kind: 'failing', name: 'no answer at all', fault: { type: 'hang' }, count: 4, message: /did not finish answering in time/ },
	{ kind: 'retried', name: 'connection reset', fault: { type: 'reset' }, count: 2 },
	{ kind: 'failing', name: 'connection reset every time', fault: { type: 'reset' }, count: 4, message: /ECONNRESET/ },
	{ kind: 'retried', name: 'malformed JSON', fault: { type: 'malformedJson' } },
	{ kind: 'failing', name: 'malformed JSON every time', fault: { type: 'malformedJson' }, count: 4, message: /unexpected response/ },
	{ kind: 'retried', name: 'HTML error page', fault: { type: 'html', status: 502 } },
	{ kind: 'failing', name: 'HTML error page every time', fault: { type: 'html', status: 502 }, count: 4, message: /HTTP 502 .*text\/html/ },
	{ kind: 'retried', name: 'answer cut off', fault: { type: 'truncate', bytes: 60 } },
	{ kind: 'failing', name: 'answer cut off every time', fault: { type: 'truncate', bytes: 60 }, count: 4, message: /broke off/ },
	{ kind: 'retried', name: '5xx on the second page', fault: { type: 'status', status: 502 }, page: 2 },
	{ kind: 'failing', name: 'second page failing', fault: { type: 'reset' }, count: 4, page: 2, message: /ECONNRESET/ },
	{ kind: 'retried', name: 'access token expired', before: async () => void (await zoho.admin.expireTokens()) },
	{
		kind: 'failing',
		name: 'token endpoint answering 200 {"error":"invalid_code"}',
		before: async () => {
			await zoho.admin.expireTokens();
			await zoho.admin.injectFault({ path: '^/oauth/v2/token$', fault: { type: 'tokenError' } });
		},
		message: /^INVALID_TOKEN: /,
	},
	{
		kind: 'failing',
		name: 'refresh token expired',
		before: async () => {
			await zoho.admin.revokeRefreshTokens();
			await zoho.admin.expireTokens();
		},
		message: /^INVALID_TOKEN: /,
	},
];

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The sandbox's time format for a virtual-clock instant. */
const zohoTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * New objects of the event: meetings started minutes ago (completed, their recordings
 * available), meetings two days ahead (scheduled, or cancelled), registrations for a
 * webinar three days ahead, made on the first arrival.
 */
function arrivals(event: TriggerEvent): (howMany: number) => Promise<string[]> {
	let webinarKey: string | undefined;
	return async (howMany) => {
		const now = (await zoho.admin.clock()).nowMs;
		const many = <T,>(make: () => T) => Array.from({ length: howMany }, make);
		if (event === 'recordingAvailable') {
			const { recordings } = await zoho.admin.seed({ recordings: many(() => ({ start_time: zohoTime(now - 30 * MINUTE_MS), duration: 15 })) });
			return recordings.map((recording) => recording.recording_id);
		}
		if (event === 'newRegistration') {
			webinarKey ??= (await zoho.admin.seed({ webinars: [{ start_time: zohoTime(now + 3 * DAY_MS) }] })).webinars[0].webinar_key;
			const { registrations } = await zoho.admin.seed({ registrations: many(() => ({ webinar_key: webinarKey })) });
			return registrations.map((registration) => registration.registration_id);
		}
		const past = event === 'meetingCompleted';
		const { meetings } = await zoho.admin.seed({
			meetings: many(() => ({
				start_time: zohoTime(past ? now - 30 * MINUTE_MS : now + 2 * DAY_MS),
				duration: 15,
				...(event === 'meetingCancelled' ? { status: 'cancelled' as const } : {}),
			})),
		});
		return meetings.map((meeting) => meeting.meeting_key);
	};
}

/** Arms `fault` for the list request of page `page` (earlier pages pass untouched). */
async function armOnPage(event: TriggerEvent, page: number, faultCount: number, fault: Fault): Promise<void> {
	const path = LIST_PATH[event];
	if (page > 1) await zoho.admin.injectFault({ path, count: page - 1, fault: { type: 'delay', ms: 0 } });
	await zoho.admin.injectFault({ path, count: faultCount, fault });
}

/**
 * While the poll is between pages 1 and 2 of the event's objects, deletes `id` (listed on
 * page 1) from the sandbox. For registrations those are the webinar's pages (requests 2 and 3).
 */
function deleteBetweenPages(event: TriggerEvent, id: string): () => void {
	const store = zoho.sandbox.state;
	if (event === 'newRegistration') {
		const findWebinar = store.findWebinar.bind(store);
		let calls = 0;
		const spy = jest.spyOn(store, 'findWebinar').mockImplementation((key: string) => {
			const webinar = findWebinar(key);
			if (++calls === 2) webinar.registrations.delete(id);
			return webinar;
		});
		return () => spy.mockRestore();
	}
	const method = event === 'recordingAvailable' ? 'listRecordings' : 'listMeetings';
	const original = store[method].bind(store) as (filter: DateFilter) => never;
	let calls = 0;
	const spy = jest.spyOn(store, method).mockImplementation((filter: DateFilter) => {
		calls += 1;
		if (calls === 2) {
			if (event === 'recordingAvailable') store.deleteRecording(id);
			else store.meetings.delete(id);
		}
		return original(filter);
	});
	return () => spy.mockRestore();
}

describe.each(Object.keys(TRIGGER_EVENTS) as TriggerEvent[])('trigger %s through faults', (event) => {
	it(`loses nothing and emits nothing twice across ${STEPS.length} faulty polls`, async () => {
		const staticData: IDataObject = {};
		const parameters = { event, options: { lookBackWindow: 24 } };
		const poll = async () => await zoho.poll(parameters, staticData);
		const emittedIds: string[] = [];
		const record = (items: Awaited<ReturnType<typeof poll>>['items']) => {
			for (const item of items?.[0] ?? []) emittedIds.push(String(item.json[TRIGGER_EVENTS[event].idField]));
		};

		// The faults bring their own 429s. The plan's real one-minute window would add waits in
		// real time (this suite shortens sleeps, not the clock the window is judged by).
		await zoho.admin.setLimits({ perWindow: 100_000, perDay: 10_000_000 });
		const arrive = arrivals(event);
		const atActivation = await arrive(2);
		expect((await poll()).items).toBeNull();
		const expected: string[] = [];
		const failures: string[] = [];

		for (const [index, step] of STEPS.entries()) {
			await zoho.admin.advanceClock(5 * 60);
			// Every third poll has more than a page to read; faults on page 2 need one.
			const burst = index % 3 === 0 || ('page' in step && step.page === 2) || step.kind === 'deleted';
			expected.push(...(await arrive(burst ? 105 : 3)));
			await zoho.admin.clearFaults();
			if (step.kind !== 'deleted') {
				await step.before?.();
				if (step.fault) await armOnPage(event, step.page ?? 1, step.count ?? 1, step.fault);
			}
			const stateBefore = JSON.stringify(staticData);

			if (step.kind === 'failing') {
				const error = await poll().then(
					() => undefined,
					(failure: unknown) => failure,
				);
				if (!(error instanceof NodeApiError) || !step.message.test(error.message)) {
					failures.push(`${step.name}: expected ${String(step.message)}, got ${String(error)}`);
				} else if (JSON.stringify(staticData) !== stateBefore) {
					failures.push(`${step.name}: the failed poll changed the stored state`);
				} else {
					count('faultsSurvived');
				}
				await zoho.reconnect();
				continue;
			}

			let restore: (() => void) | undefined;
			if (step.kind === 'deleted') restore = deleteBetweenPages(event, atActivation[0]);
			try {
				record((await poll()).items);
				count('faultsSurvived');
			} catch (error) {
				failures.push(`${step.name}: the poll failed: ${String(error)}`);
			} finally {
				restore?.();
			}
		}

		// Two clean polls after the storm: whatever a poll missed, the next one catches up.
		await zoho.admin.clearFaults();
		for (let i = 0; i < 2; i++) record((await poll()).items);

		expect(failures).toEqual([]);
		const counts = new Map<string, number>();
		for (const id of emittedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
		expect([...counts].filter(([, times]) => times > 1)).toEqual([]);
		expect(emittedIds.filter((id) => atActivation.includes(id))).toEqual([]);
		expect([...counts.keys()].sort()).toEqual([...expected].sort());
	});
});
