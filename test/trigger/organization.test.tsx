import { recordingChunk } from '../../sandbox/recordingBytes';
import { erecordingIdOf } from '../../sandbox/organization/recordings';
import { capturedLogs, clearCapturedLogs, connectedZohoCredential, readBinary, ZOHO_CREDENTIAL_TYPE } from '../harness';
import { SANDBOX_ZSOID } from '../helpers/sandboxWorkflow';
import { emitted, HOUR_S, trigger, useSandbox, zohoTime } from './fixture';

/**
 * The trigger against Zoho's organization API (what Zoho's data centers serve): the events
 * it lists there, New Recording's file through the organization's download, and a clear
 * refusal, before any request, of the two events it cannot list (docs/zoho-api.md).
 */
const handle = useSandbox({ api: 'organization' });
const SESSIONS = `/api/v2/${SANDBOX_ZSOID}/sessions.json`;
const RECORDINGS = `/meeting/api/v2/${SANDBOX_ZSOID}/recordings.json`;

const hoursAhead = async (hours: number) => zohoTime((await handle.admin.clock()).nowMs + hours * HOUR_S * 1000);

/**
 * A credential of its own whose API is `auto`: the node asks Zoho which API it speaks
 * (GET /api/v2/user.json), once per credential and process.
 */
async function autoDetecting(id: string): Promise<void> {
	const tokens = await handle.admin.issueTokens();
	handle.ref = handle.credentials.create({
		id,
		type: ZOHO_CREDENTIAL_TYPE,
		data: connectedZohoCredential(handle.sandbox.url, tokens, undefined, { api: 'auto' }),
	});
}

test('Meeting Scheduled lists the upcoming meetings and passes on a new one once', async () => {
	await handle.admin.seed({ meetings: [{ topic: 'Already there', start_time: await hoursAhead(3) }] });
	const scheduled = trigger(handle, 'meetingScheduled');
	expect((await scheduled.poll()).items).toBeNull();

	const { meetings } = await handle.admin.seed({ meetings: [{ topic: 'Kickoff', start_time: await hoursAhead(30) }] });
	await handle.admin.clearRequests();

	expect(emitted((await scheduled.poll()).items)).toEqual([
		expect.objectContaining({ meeting_key: meetings[0].meeting_key, topic: 'Kickoff', status: 'scheduled' }),
	]);
	expect((await handle.admin.requests('api')).map((r) => [r.path, r.query.listtype])).toEqual([[SESSIONS, 'upcoming']]);
	expect((await scheduled.poll()).items).toBeNull();
});

test('Meeting Completed lists the past meetings and passes on one once it has ended', async () => {
	const { meetings } = await handle.admin.seed({ meetings: [{ topic: 'Review', start_time: await hoursAhead(1), duration: 30 }] });
	const completed = trigger(handle, 'meetingCompleted');
	expect((await completed.poll()).items).toBeNull();

	await handle.admin.advanceClock(2 * HOUR_S);
	await handle.admin.clearRequests();

	expect(emitted((await completed.poll()).items)).toEqual([
		expect.objectContaining({ meeting_key: meetings[0].meeting_key, topic: 'Review', status: 'completed' }),
	]);
	expect((await handle.admin.requests('api')).map((r) => [r.path, r.query.listtype])).toEqual([[SESSIONS, 'past']]);
	expect((await completed.poll()).items).toBeNull();
});

test("New Recording with Download Recording fetches each file through the organization's download", async () => {
	const downloading = trigger(handle, 'recordingAvailable', { parameters: { options: { downloadRecording: true } } });
	expect((await downloading.poll()).items).toBeNull();
	const start = zohoTime((await handle.admin.clock()).nowMs - HOUR_S * 1000);
	const { recordings } = await handle.admin.seed({ recordings: [{ start_time: start, duration: 15, file_size: 90_000 }] });
	const id = erecordingIdOf(recordings[0].recording_id);
	await handle.admin.clearRequests();

	const [item, ...more] = (await downloading.poll()).items?.[0] ?? [];

	expect(more).toEqual([]);
	expect(item.json).toMatchObject({ recording_id: id, status: 'available', file_size: 90_000 });
	const file = await readBinary(item, 'data');
	expect(file.metadata).toMatchObject({ mimeType: 'video/mp4', fileName: `${String(item.json.meeting_key)}_${String(item.json.start_time)}.mp4` });
	expect((await file.buffer()).equals(recordingChunk(recordings[0].recording_id, 0, 90_000))).toBe(true);
	// The list of the poll, the look-up of the recording (the API has no request for one), its file.
	expect((await handle.admin.requests('api')).map((r) => r.path)).toEqual([RECORDINGS, RECORDINGS, '/webdownload']);
	expect((await downloading.poll()).items).toBeNull();
});

describe.each([
	['meetingCancelled', 'Meeting Cancelled', /no cancelled ones .*Watch Meeting Scheduled or Meeting Completed instead/],
	['newRegistration', 'New Webinar Registration', /lists a webinar's registrations .*See the registrations in Zoho Meeting/],
] as const)('%s', (event, name, instead) => {
	const refusal = {
		message: `${name} is not offered by Zoho's organization API`,
		description: expect.stringMatching(new RegExp(`${instead.source}.* set the credential's API to V2\\.$`)) as unknown,
	};
	const parameters = { webinarKey: { __rl: true, mode: 'id', value: '1234567890' } };

	test.each(['trigger', 'manual'] as const)('is refused in a %s poll before any request, and nothing is stored', async (mode) => {
		const node = trigger(handle, event, { parameters });

		await expect(node.poll(mode)).rejects.toMatchObject(refusal);

		expect(node.snapshot()).toBe('{}');
		expect(await handle.admin.requests('api')).toEqual([]);
	});

	test('with Auto-Detect, only the look-up of the API comes before the refusal', async () => {
		await autoDetecting(`auto-${event}`);
		const node = trigger(handle, event, { parameters });

		await expect(node.poll()).rejects.toMatchObject(refusal);
		await expect(node.poll()).rejects.toMatchObject(refusal);

		// Once per credential and n8n process: the second poll asks nothing.
		expect((await handle.admin.requests('api')).map((r) => r.path)).toEqual(['/api/v2/user.json']);
	});

	test('bad input is still named first', async () => {
		const node = trigger(handle, event, { parameters, lookBackWindow: 0 });

		await expect(node.poll()).rejects.toMatchObject({ message: expect.stringMatching(/^Look Back Window /) });
		expect(await handle.admin.requests('api')).toEqual([]);
	});
});

test("Zoho's clock behind n8n's by more than the window: the first window follows Zoho's clock, the meeting comes out once", async () => {
	handle.sandbox.state.clock.advance(-3 * HOUR_S);
	const start = zohoTime((await handle.admin.clock()).nowMs - 30 * 60_000);
	const { meetings } = await handle.admin.seed({ meetings: [{ topic: 'Running', start_time: start, duration: 60 }] });
	const completed = trigger(handle, 'meetingCompleted', { lookBackWindow: 1 });
	clearCapturedLogs();

	expect((await completed.poll()).items).toBeNull();
	// The list has no date filter: the window is the node's, placed again by the answer's Date header.
	expect(capturedLogs()).toContainEqual(
		expect.objectContaining({ level: 'warn', message: expect.stringMatching(/Zoho's clock is 10\d{3} s behind n8n's/) }),
	);
	expect(Date.parse(completed.state()?.since ?? '')).toBeLessThan(Date.parse(start));

	await handle.admin.advanceClock(HOUR_S);
	expect(emitted((await completed.poll()).items).map((m) => m.meeting_key)).toEqual([meetings[0].meeting_key]);
	expect((await completed.poll()).items).toBeNull();
});
