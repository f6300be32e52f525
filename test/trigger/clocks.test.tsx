import { capturedLogs, clearCapturedLogs } from '../harness';
import { holdEarly } from '../helpers/heldEarly';
import { emitted, HOUR_S, listRequests, trigger, useSandbox, zohoTime, type Trigger } from './fixture';

/**
 * Times the trigger cannot trust: objects dated in the future (a meeting started early
 * keeps its scheduled start, and so does its recording), and a Zoho clock set apart from
 * n8n's. The sandbox's virtual clock is Zoho's (its answers carry it in their `Date`
 * header); the host's clock is n8n's.
 */
const handle = useSandbox();
const DAY_S = 24 * HOUR_S;

const zohoNow = async () => (await handle.admin.clock()).nowMs;

/** A recording of a meeting that started `minutesAgo` and is available now. */
async function availableRecording(minutesAgo: number): Promise<string> {
	const start = zohoTime((await zohoNow()) - minutesAgo * 60_000);
	const { recordings } = await handle.admin.seed({ recordings: [{ start_time: start, duration: 15 }] });
	return recordings[0].recording_id;
}

/** The recording of a meeting held early: it keeps the scheduled start, `days` ahead. */
function recordingDatedAhead(days: number): string {
	const store = handle.sandbox.state;
	return holdEarly(store, store.now() + days * DAY_S * 1000).recording.recording_id;
}

/** Meetings starting `minutesAgo` on Zoho's clock, lasting `duration` minutes. */
async function meetingStarted(minutesAgo: number, duration: number): Promise<string> {
	const start = zohoTime((await zohoNow()) - minutesAgo * 60_000);
	const { meetings } = await handle.admin.seed({ meetings: [{ start_time: start, duration }] });
	return meetings[0].meeting_key;
}

/**
 * The meeting that was running at activation comes out at the poll after it ends, and so
 * does one held after it; returns the later one's key.
 */
async function expectEachOnce(completed: Trigger, running: string): Promise<string> {
	await handle.admin.advanceClock(HOUR_S);
	expect(emitted((await completed.poll()).items).map((m) => m.meeting_key)).toEqual([running]);
	await handle.admin.advanceClock(HOUR_S);
	const later = await meetingStarted(40, 30);
	expect(emitted((await completed.poll()).items).map((m) => m.meeting_key)).toEqual([later]);
	return later;
}

describe('Zoho Meeting Trigger: start times in the future', () => {
	test('a recording dated a week ahead is emitted once, and the recordings after it keep coming', async () => {
		const recordings = trigger(handle, 'recordingAvailable');
		expect((await recordings.poll()).items).toBeNull();

		const early = recordingDatedAhead(7);
		expect(emitted((await recordings.poll()).items).map((r) => r.recording_id)).toEqual([early]);

		await handle.admin.advanceClock(HOUR_S);
		const usual = await availableRecording(60);
		expect(emitted((await recordings.poll()).items).map((r) => r.recording_id)).toEqual([usual]);
		await handle.admin.advanceClock(HOUR_S);
		const next = await availableRecording(30);
		expect(emitted((await recordings.poll()).items).map((r) => r.recording_id)).toEqual([next]);

		// The window never starts after Zoho's now − 24 hours; the early one stays remembered.
		const [last] = (await listRequests(handle, 'recordingAvailable')).slice(-1);
		expect(Date.parse(last.query.from_date)).toBeLessThanOrEqual((await zohoNow()) - DAY_S * 1000);
		expect((await recordings.poll()).items).toBeNull();
	});
});

describe('Zoho Meeting Trigger: Zoho and n8n clocks apart', () => {
	test("Zoho's clock behind n8n's by more than the window: the first window follows Zoho's clock", async () => {
		handle.sandbox.state.clock.advance(-3 * HOUR_S);
		const running = await meetingStarted(30, 60);
		const completed = trigger(handle, 'meetingCompleted', { lookBackWindow: 1 });
		clearCapturedLogs();

		const activatedAt = await zohoNow();
		expect((await completed.poll()).items).toBeNull();

		await expectEachOnce(completed, running);

		// The activation's first request guessed by n8n's clock; Zoho's answer placed the window.
		const [guess, placed] = await listRequests(handle, 'meetingCompleted');
		expect(Math.abs(Date.parse(guess.query.from_date) - (activatedAt + 3 * HOUR_S * 1000 - HOUR_S * 1000))).toBeLessThan(5_000);
		expect(Math.abs(Date.parse(placed.query.from_date) - (activatedAt - HOUR_S * 1000))).toBeLessThan(5_000);
		expect(capturedLogs()).toContainEqual(
			expect.objectContaining({ level: 'warn', message: expect.stringMatching(/Zoho's clock is 10\d{3} s behind n8n's/) }),
		);
	});

	test("Zoho's clock ahead of n8n's by more than the window: the window is wider, nothing is missed", async () => {
		await handle.admin.advanceClock(3 * HOUR_S);
		const running = await meetingStarted(30, 60);
		const completed = trigger(handle, 'meetingCompleted', { lookBackWindow: 1 });
		expect((await completed.poll()).items).toBeNull();

		const later = await expectEachOnce(completed, running);
		// Once something happened, the window trails it by Zoho's clock, not n8n's.
		expect(Date.parse(completed.state()?.since ?? '')).toBe(handle.sandbox.state.findMeeting(later).start - HOUR_S * 1000);
	});
});
