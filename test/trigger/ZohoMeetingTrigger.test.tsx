import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { emitted, HOUR_S, listRequests, trigger, useSandbox, zohoTime } from './fixture';

const handle = useSandbox();

const virtualNow = async () => (await handle.admin.clock()).nowMs;

/** Meetings seeded at `minutesAgo` before the virtual now, lasting `duration` minutes. */
async function seedMeetings(...meetings: Array<{ minutesAgo: number; duration: number; recording?: boolean }>) {
	const now = await virtualNow();
	const { meetings: seeded } = await handle.admin.seed({
		meetings: meetings.map(({ minutesAgo, duration, recording }, i) => ({
			topic: `Meeting ${i + 1}`,
			start_time: zohoTime(now - minutesAgo * 60_000),
			duration,
			recording_enabled: recording ?? false,
		})),
	});
	return seeded.map((meeting) => meeting.meeting_key);
}

describe('Zoho Meeting Trigger: Meeting Completed', () => {
	test('the first poll remembers what already happened and emits nothing', async () => {
		const [yesterday] = await seedMeetings({ minutesAgo: 20 * 60, duration: 60 });
		const completed = trigger(handle, 'meetingCompleted');

		const first = await completed.poll();

		expect(first.items).toBeNull();
		expect(Object.keys(completed.state()?.seen ?? {})).toEqual([yesterday]);
		const [request, ...more] = await listRequests(handle, 'meetingCompleted');
		expect(more).toEqual([]);
		expect(request.query).toEqual({
			status: 'completed',
			from_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
			page: '1',
			per_page: '100',
		});
		// The first window reaches back the default 24 hours from now.
		expect(Math.abs(Date.parse(request.query.from_date) - (Date.now() - 24 * HOUR_S * 1000))).toBeLessThan(5_000);
	});

	test('a meeting that ends after activation is emitted once, and a quiet poll costs one request', async () => {
		const [running] = await seedMeetings({ minutesAgo: 10, duration: 90 });
		const completed = trigger(handle, 'meetingCompleted');
		expect((await completed.poll()).items).toBeNull();

		await handle.admin.advanceClock(HOUR_S);
		expect((await completed.poll()).items).toBeNull();
		await handle.admin.advanceClock(HOUR_S);
		const ended = await completed.poll();

		expect(emitted(ended.items)).toEqual([
			expect.objectContaining({ meeting_key: running, topic: 'Meeting 1', status: 'completed' }),
		]);
		await handle.admin.clearRequests();
		expect((await completed.poll()).items).toBeNull();
		expect(await listRequests(handle, 'meetingCompleted')).toHaveLength(1);
	});

	test('a burst larger than a page, all starting the same second, comes out whole and once', async () => {
		const completed = trigger(handle, 'meetingCompleted');
		await completed.poll();
		const burst = await seedMeetings(...Array.from({ length: 150 }, () => ({ minutesAgo: 30, duration: 15 })));

		const first = await completed.poll();
		expect(emitted(first.items).map((m) => m.meeting_key)).toEqual(burst);

		await handle.admin.clearRequests();
		expect((await completed.poll()).items).toBeNull();
		expect((await listRequests(handle, 'meetingCompleted')).map((r) => r.query.page)).toEqual(['1', '2']);
	});

	test('a meeting that completes more than the window after a newer one started is not emitted', async () => {
		const completed = trigger(handle, 'meetingCompleted', { lookBackWindow: 2 });
		const [long] = await seedMeetings({ minutesAgo: 10, duration: 300 });
		await completed.poll();
		await handle.admin.advanceClock(3 * HOUR_S);
		const [short] = await seedMeetings({ minutesAgo: 20, duration: 15 });
		expect(emitted((await completed.poll()).items).map((m) => m.meeting_key)).toEqual([short]);

		// The window now trails the short meeting's start by 2 hours: the long one started before it.
		await handle.admin.advanceClock(3 * HOUR_S);
		expect((await completed.poll()).items).toBeNull();
		expect(Date.parse(completed.state()?.since ?? '')).toBeGreaterThan(handle.sandbox.state.findMeeting(long).start);
	});
});

describe('Zoho Meeting Trigger: New Recording', () => {
	test('a recording is emitted once it is available, not while it is processing', async () => {
		await handle.admin.configure({ recordingProcessingSeconds: 1800 });
		const recordings = trigger(handle, 'recordingAvailable');
		await seedMeetings({ minutesAgo: 10, duration: 30, recording: true });
		expect((await recordings.poll()).items).toBeNull();

		await handle.admin.advanceClock(HOUR_S / 2);
		expect((await recordings.poll()).items).toBeNull();
		const [processing] = await listRequests(handle, 'recordingAvailable').then((all) => all.slice(-1));
		expect(processing.query).toEqual({ from_date: expect.any(String), page: '1', per_page: '100' });

		await handle.admin.advanceClock(HOUR_S / 2);
		const ready = await recordings.poll();
		expect(emitted(ready.items)).toEqual([
			expect.objectContaining({ recording_id: expect.stringMatching(/^REC_/), status: 'available', topic: 'Meeting 1' }),
		]);
		expect((await recordings.poll()).items).toBeNull();
	});
});

describe('Zoho Meeting Trigger: Fetch Test Event', () => {
	test('returns the newest eligible object and leaves the stored state alone', async () => {
		const [, newer] = await seedMeetings({ minutesAgo: 300, duration: 30 }, { minutesAgo: 120, duration: 30 });
		await seedMeetings({ minutesAgo: 10, duration: 60 });
		const completed = trigger(handle, 'meetingCompleted');
		await completed.poll();
		const before = completed.snapshot();

		const manual = await completed.poll('manual');

		expect(emitted(manual.items)).toEqual([expect.objectContaining({ meeting_key: newer, status: 'completed' })]);
		expect(completed.snapshot()).toBe(before);
	});

	test('says clearly that there is nothing yet', async () => {
		const recordings = trigger(handle, 'recordingAvailable');

		const error: unknown = await recordings.poll('manual').catch((e: unknown) => e);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error).toMatchObject({
			message: 'No available recording yet',
			description: expect.stringContaining('Look-Back Window'),
		});
		expect(recordings.snapshot()).toBe('{}');
	});
});

describe('Zoho Meeting Trigger: failures', () => {
	test('a poll that fails on its second page keeps the cursor, and the next poll emits everything', async () => {
		const completed = trigger(handle, 'meetingCompleted');
		await completed.poll();
		const burst = await seedMeetings(...Array.from({ length: 120 }, (_, i) => ({ minutesAgo: 60 + i, duration: 15 })));
		const before = completed.snapshot();
		// Page 1 passes; page 2 fails more often than the transport retries.
		await handle.admin.injectFault({ path: '^/api/v2/meetings$', count: 1, fault: { type: 'delay', ms: 0 } });
		await handle.admin.injectFault({ path: '^/api/v2/meetings$', count: 4, fault: { type: 'status', status: 503 } });

		const error: unknown = await completed.poll().catch((e: unknown) => e);

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).toMatchObject({ httpCode: '503' });
		expect(completed.snapshot()).toBe(before);
		const retried = await completed.poll();
		expect(emitted(retried.items).map((m) => m.meeting_key).sort()).toEqual([...burst].sort());
	});

	test('a spent rate limit fails the poll with its reset time and moves nothing', async () => {
		const recordings = trigger(handle, 'recordingAvailable');
		await recordings.poll();
		await seedMeetings({ minutesAgo: 60, duration: 15, recording: true });
		await handle.admin.advanceClock(HOUR_S);
		const before = recordings.snapshot();
		await handle.admin.injectFault({
			path: '^/api/v2/recordings$',
			fault: { type: 'status', status: 429, headers: { 'Retry-After': '3600' } },
		});

		const error: unknown = await recordings.poll().catch((e: unknown) => e);

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).toMatchObject({
			httpCode: '429',
			description: expect.stringMatching(/^The rate-limit window resets at \d{4}-/),
		});
		expect(recordings.snapshot()).toBe(before);
		expect(emitted((await recordings.poll()).items)).toHaveLength(1);
	});

	test('a poll that starts while the previous one still waits on Zoho leaves its tick out', async () => {
		const completed = trigger(handle, 'meetingCompleted');
		await completed.poll();
		const [key] = await seedMeetings({ minutesAgo: 60, duration: 15 });
		await handle.admin.injectFault({ path: '^/api/v2/meetings$', fault: { type: 'delay', ms: 300 } });
		await handle.admin.clearRequests();

		const [slow, overlapping] = await Promise.all([completed.poll(), completed.poll()]);

		expect(emitted(slow.items).map((m) => m.meeting_key)).toEqual([key]);
		expect(overlapping.items).toBeNull();
		expect(await listRequests(handle, 'meetingCompleted')).toHaveLength(1);
		expect((await completed.poll()).items).toBeNull();
	});

	test('a transient 500 and a connection reset are retried inside the same poll', async () => {
		const completed = trigger(handle, 'meetingCompleted');
		await completed.poll();
		const [key] = await seedMeetings({ minutesAgo: 60, duration: 15 });
		await handle.admin.injectFault({ path: '^/api/v2/meetings$', fault: { type: 'status', status: 500 } });
		await handle.admin.injectFault({ path: '^/api/v2/meetings$', fault: { type: 'reset' } });
		await handle.admin.clearRequests();

		const result = await completed.poll();

		expect(emitted(result.items).map((m) => m.meeting_key)).toEqual([key]);
		expect((await listRequests(handle, 'meetingCompleted')).map((r) => r.faultApplied ?? 'ok')).toEqual([
			'status',
			'reset',
			'ok',
		]);
	});
});
