import { setTimeout as sleep } from 'node:timers/promises';

import type { PollContext as RealPollContext } from 'n8n-core';
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { TRIGGER_EVENTS } from '../../nodes/ZohoMeetingTrigger/events';
import type { TriggerEvent } from '../../nodes/ZohoMeetingTrigger/pollState';
import { capturedLogs, clearCapturedLogs } from '../harness';
import { emitted, HOUR_S, listRequests, trigger, useSandbox, zohoTime } from './fixture';

/**
 * Newer n8n gives a poll a time budget (`getPollBudgetMs`) and abandons a poll that
 * overruns it. The harness builds n8n-core's PollContext with the default budget of five
 * minutes; here the same class is given a budget of 1.5 s, as n8n's tick engine would.
 */
const mockBudgetMs = 1_500;
jest.mock('n8n-core', () => {
	const actual = jest.requireActual<typeof import('n8n-core')>('n8n-core');
	class BudgetedPollContext extends actual.PollContext {
		constructor(...args: ConstructorParameters<typeof RealPollContext>) {
			const [workflow, node, additionalData, mode, activation] = args;
			// The hooks in between (emit, emitError, cursor commit, run scope, static data) keep their defaults.
			const hooks = [undefined, undefined, undefined, undefined, undefined] as const;
			super(workflow, node, additionalData, mode, activation, ...hooks, () => mockBudgetMs);
		}
	}
	return { ...actual, PollContext: BudgetedPollContext };
});

// Each page takes 400 ms: after any page, less than three pages' time is left of the
// budget, and a page has over a second to spare before the budget's end (a loaded machine).
const handle = useSandbox({ latencyMs: 400 });

// The first poll of a process loads n8n-core's request helpers, which alone takes longer
// than this budget; n8n has long done so by the time a workflow polls.
beforeEach(async () => {
	await trigger(handle, 'meetingCompleted', { name: 'Warm-up' })
		.poll('manual')
		.catch(() => undefined);
});

async function seedCompleted(count: number, recording = false) {
	const now = (await handle.admin.clock()).nowMs;
	const { meetings } = await handle.admin.seed({
		meetings: Array.from({ length: count }, (_, i) => ({
			topic: `Review ${i + 1}`,
			start_time: zohoTime(now - (120 + i) * 60_000),
			duration: 15,
			recording_enabled: recording,
		})),
	});
	return meetings.map((meeting) => meeting.meeting_key);
}


const warnings = () => capturedLogs().filter((entry) => entry.level === 'warn').map((entry) => entry.message);

test('a poll stops listing before its time budget runs out and the next poll resumes', async () => {
	await seedCompleted(150);
	const completed = trigger(handle, 'meetingCompleted');

	// Activation: two pages of what already happened, one per poll, emitting nothing.
	expect((await completed.poll()).items).toBeNull();
	expect(completed.state()?.resume).toEqual({ page: 2, quiet: true, activatedAt: expect.any(String) });
	expect((await completed.poll()).items).toBeNull();
	expect(completed.state()?.resume).toEqual({ page: 3, quiet: true, activatedAt: expect.any(String) });
	expect((await completed.poll()).items).toBeNull();
	expect(completed.state()?.resume).toBeUndefined();
	expect(Object.keys(completed.state()?.seen ?? {})).toHaveLength(150);

	const fresh = await seedCompleted(90);
	await handle.admin.clearRequests();
	const found: string[] = [];
	for (let poll = 0; poll < 4; poll++) {
		found.push(...emitted((await completed.poll()).items).map((m) => String(m.meeting_key)));
	}

	expect(found.sort()).toEqual([...fresh].sort());
	expect((await listRequests(handle, 'meetingCompleted')).map((r) => r.query.page)).toEqual(['1', '2', '3', '4']);
});

test.each<TriggerEvent>(['meetingCompleted', 'recordingAvailable'])(
	'%s: what becomes eligible while the first pass is split over polls is emitted, what was there is not',
	async (event) => {
		// Two pages of history, one page per poll under this budget.
		await seedCompleted(150, true);
		const now = (await handle.admin.clock()).nowMs;
		const { meetings } = await handle.admin.seed({
			meetings: [{ topic: 'Running', start_time: zohoTime(now - 30 * 60_000), duration: 45, recording_enabled: true }],
		});
		const objects = trigger(handle, event);

		expect((await objects.poll()).items).toBeNull();
		expect(objects.state()?.resume).toMatchObject({ page: 2, quiet: true });
		// Before the pass reaches page 2, the running meeting ends and its recording is ready:
		// both sort after the history, onto page 2.
		await handle.admin.advanceClock(HOUR_S / 2);
		const running = meetings[0].meeting_key;
		const expected =
			event === 'meetingCompleted' ? running : handle.sandbox.state.findMeeting(running).sessions[0].recording_id;

		expect(emitted((await objects.poll()).items).map((o) => o[TRIGGER_EVENTS[event].idField])).toEqual([expected]);
		for (let poll = 0; poll < 3; poll++) expect((await objects.poll()).items).toBeNull();
		expect(Object.keys(objects.state()?.seen ?? {})).toHaveLength(151);
	},
);

test('a poll held past its budget gives up and says so in the log; overlapping polls wait, the next one runs', async () => {
	const completed = trigger(handle, 'meetingCompleted');
	expect((await completed.poll()).items).toBeNull();
	const [fresh] = await seedCompleted(1);
	// Longer than the budget: a server that answers, but too late.
	await handle.admin.injectFault({ path: '^/api/v2/meetings$', fault: { type: 'delay', ms: 4_000 } });
	clearCapturedLogs();

	const held = completed.poll();
	const overlapping = await completed.poll();
	const error: unknown = await held.catch((failure: unknown) => failure);

	expect(overlapping.items).toBeNull();
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error).toMatchObject({ message: "Zoho Meeting did not answer page 1 within the poll's time budget of 1.5 s" });
	expect(warnings()).toEqual([expect.stringMatching(/gave up: Zoho Meeting did not answer page 1 .* the next poll tries again$/)]);
	expect(emitted((await completed.poll()).items).map((m) => m.meeting_key)).toEqual([fresh]);
	// The given-up request is answered in the end, and nothing comes of it.
	while ((await listRequests(handle, 'meetingCompleted')).some((request) => request.status === null)) {
		await sleep(100);
	}
	expect((await completed.poll()).items).toBeNull();
});

test('a lease left by a poll that never finished holds until it expires, then the next poll takes over', async () => {
	const completed = trigger(handle, 'meetingCompleted');
	expect((await completed.poll()).items).toBeNull();
	const [fresh] = await seedCompleted(1);
	// As n8n saved it while a poll ran, before n8n was stopped.
	const nodeData = completed.staticData['node:Zoho Meeting Trigger'] as IDataObject;
	nodeData.pollLease = { holder: 'a poll of a stopped n8n', until: Date.now() + 60_000 };
	expect((await completed.poll()).items).toBeNull();

	nodeData.pollLease = { holder: 'a poll of a stopped n8n', until: Date.now() - 1 };
	clearCapturedLogs();
	expect(emitted((await completed.poll()).items).map((m) => m.meeting_key)).toEqual([fresh]);
	expect(warnings()).toEqual([expect.stringMatching(/the previous poll did not finish by .*; this poll takes over$/)]);
	expect(nodeData.pollLease).toBeUndefined();
});

test('a recording file still downloading when the budget runs out is left out, and its item says so', async () => {
	const recordings = trigger(handle, 'recordingAvailable', { parameters: { options: { downloadRecording: true } } });
	expect((await recordings.poll()).items).toBeNull();
	const now = (await handle.admin.clock()).nowMs;
	const { recordings: seeded } = await handle.admin.seed({
		recordings: [{ start_time: zohoTime(now - HOUR_S * 1000), duration: 15, file_size: 50_000 }],
	});
	const { recording_id: recordingId } = seeded[0];
	await handle.admin.injectFault({ path: `^/api/v2/recordings/${recordingId}/download$`, fault: { type: 'delay', ms: 4_000 } });
	clearCapturedLogs();

	const [item, ...more] = (await recordings.poll()).items?.[0] ?? [];

	expect(more).toEqual([]);
	expect(item.json).toMatchObject({
		recording_id: recordingId,
		download_error: { message: "The download did not finish within the poll's time budget" },
	});
	expect(item.binary).toBeUndefined();
	expect(warnings()).toEqual([expect.stringMatching(new RegExp(`passes recording ${recordingId} on without its file`))]);
	expect((await recordings.poll()).items).toBeNull();
});

test('New Webinar Registration: a first pass split over polls continues at the same webinar, and passes on what is new', async () => {
	const now = (await handle.admin.clock()).nowMs;
	const { webinars } = await handle.admin.seed({
		webinars: [{ start_time: zohoTime(now + 24 * HOUR_S * 1000) }, { start_time: zohoTime(now + 48 * HOUR_S * 1000) }],
	});
	const [first, second] = webinars.map((webinar) => webinar.webinar_key);
	await handle.admin.seed({
		registrations: [first, second].flatMap((key) => Array.from({ length: 150 }, () => ({ webinar_key: key }))),
	});
	const registrations = trigger(handle, 'newRegistration');

	expect((await registrations.poll()).items).toBeNull();
	expect(registrations.state()?.resume).toMatchObject({ webinarKey: first, page: 2, quiet: true });
	await handle.admin.advanceClock(60);
	const { registrations: fresh } = await handle.admin.seed({
		registrations: [{ webinar_key: first, email: 'late@example.com' }, { webinar_key: second, email: 'later@example.com' }],
	});
	const found: unknown[] = [];
	for (let poll = 0; poll < 6 && registrations.state()?.resume !== undefined; poll++) {
		found.push(...emitted((await registrations.poll()).items).map((r) => r.email));
	}

	expect(registrations.state()?.resume).toBeUndefined();
	expect(found.sort()).toEqual(fresh.map((r) => r.email).sort());
	expect(Object.keys(registrations.state()?.seen ?? {})).toHaveLength(302);
	expect((await registrations.poll()).items).toBeNull();
});
