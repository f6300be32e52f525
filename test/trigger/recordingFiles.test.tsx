import { recordingChunk } from '../../sandbox/recordingBytes';
import { readBinary } from '../harness';
import { systemClock } from '../../nodes/ZohoMeeting/transport/clock';
import type { SeedRecording } from '../../sandbox/admin';
import { HOUR_S, trigger, useSandbox, zohoTime } from './fixture';

/** New Recording with Download Recording: the file comes with the item, and a failed download loses no event. */
const handle = useSandbox();

const realSleep = systemClock.sleep;
afterEach(() => jest.restoreAllMocks());

/** Recordings of meetings held an hour ago, inside the default window. */
async function seedRecordings(...recordings: SeedRecording[]) {
	const start = zohoTime((await handle.admin.clock()).nowMs - HOUR_S * 1000);
	return (await handle.admin.seed({ recordings: recordings.map((r) => ({ start_time: start, duration: 15, ...r })) })).recordings;
}

const downloading = (options: Record<string, unknown> = {}) =>
	trigger(handle, 'recordingAvailable', { parameters: { options: { downloadRecording: true, ...options } } });

test('each new recording comes with its file as binary data, streamed from the download endpoint', async () => {
	const recordings = downloading({ binaryPropertyName: 'video' });
	expect((await recordings.poll()).items).toBeNull();
	const seeded = await seedRecordings({ topic: 'Product Demo', file_size: 150_000 });
	const [recording] = seeded;
	await handle.admin.clearRequests();

	const [item, ...more] = (await recordings.poll()).items?.[0] ?? [];

	expect(more).toEqual([]);
	expect(item.json).toEqual(recording);
	const file = await readBinary(item, 'video');
	expect(file.metadata).toMatchObject({
		mimeType: 'video/mp4',
		fileName: `${recording.meeting_key}_${recording.start_time}.mp4`,
	});
	expect(file.size).toBe(150_000);
	expect((await file.buffer()).equals(recordingChunk(recording.recording_id, 0, 150_000))).toBe(true);
	expect((await handle.admin.requests('api')).map((r) => r.path)).toEqual([
		'/api/v2/recordings',
		`/api/v2/recordings/${recording.recording_id}/download`,
	]);
	expect((await recordings.poll()).items).toBeNull();
});

test('a file handed off to a file host arrives the same way', async () => {
	await handle.admin.setDownloadMode('redirect');
	const recordings = downloading();
	expect((await recordings.poll()).items).toBeNull();
	const seeded = await seedRecordings({ file_size: 70_000 });

	const [item] = (await recordings.poll()).items?.[0] ?? [];

	const file = await readBinary(item, 'data');
	expect((await file.buffer()).equals(recordingChunk(seeded[0].recording_id, 0, 70_000))).toBe(true);
});

test('a recording whose file cannot be fetched is passed on without it, saying why, and not again', async () => {
	const recordings = downloading();
	expect((await recordings.poll()).items).toBeNull();
	const seeded = await seedRecordings({ file_size: 10_000 }, { file_size: 20_000 });
	const [broken, fine] = seeded;
	// The transport's back-off between tries (0.5 s, 1 s, 2 s) is tested with the transport.
	jest.spyOn(systemClock, 'sleep').mockImplementation(async (ms, signal) => await realSleep(ms / 100, signal));
	// More failures than the transport retries, on the first recording's file only.
	await handle.admin.injectFault({
		path: `^/api/v2/recordings/${broken.recording_id}/download$`,
		count: 4,
		fault: { type: 'status', status: 503 },
	});

	const items = (await recordings.poll()).items?.[0] ?? [];

	expect(items.map((item) => [item.json.recording_id, Object.keys(item.binary ?? {})])).toEqual([
		[broken.recording_id, []],
		[fine.recording_id, ['data']],
	]);
	expect(items[0].json.download_error).toEqual({
		message: 'INTERNAL_ERROR: Server error',
		description: 'Zoho Meeting failed to handle the request; try again later.',
	});
	expect(Object.keys(recordings.state()?.seen ?? {}).sort()).toEqual([broken.recording_id, fine.recording_id].sort());
	expect((await recordings.poll()).items).toBeNull();
});

test('a file larger than Max File Size is left out before it fills memory', async () => {
	const recordings = downloading({ maxFileSize: 1 });
	expect((await recordings.poll()).items).toBeNull();
	await seedRecordings({ file_size: 3 * 1_048_576 });

	const [item] = (await recordings.poll()).items?.[0] ?? [];

	expect(item.binary).toBeUndefined();
	expect(item.json.download_error).toMatchObject({ message: 'The file is larger than Max File Size (1 MB)' });
});

test('Fetch Test Event brings the newest recording with its file', async () => {
	const seeded = await seedRecordings({ file_size: 5_000 });
	const recordings = downloading();

	const [item] = (await recordings.poll('manual')).items?.[0] ?? [];

	expect(item.json.recording_id).toBe(seeded[0].recording_id);
	expect((await readBinary(item, 'data')).size).toBe(5_000);
	expect(recordings.snapshot()).toBe('{}');
});

test('an empty Put Output File in Field fails before any request', async () => {
	const recordings = downloading({ binaryPropertyName: '  ' });

	await expect(recordings.poll()).rejects.toMatchObject({ message: 'Put Output File in Field is empty' });
	expect(await handle.admin.requests('api')).toEqual([]);
});
