import { open, stat } from 'node:fs/promises';

import { recordingChunk } from '../../../sandbox/recordingBytes';
import { readBinary } from '../../harness';
import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const MiB = 1024 * 1024;

const download = (recordingId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'recording',
	operation: 'download',
	recordingId: locator('id', recordingId),
	...extra,
});

/** Compares bytes of the stored file with what the sandbox's generator says they are. */
async function expectRecordingBytes(file: string, recordingId: string, offsets: number[], length: number) {
	const handle = await open(file, 'r');
	try {
		for (const offset of offsets) {
			const actual = Buffer.alloc(length);
			const { bytesRead } = await handle.read(actual, 0, length, offset);
			expect(bytesRead).toBe(length);
			expect(actual.equals(recordingChunk(recordingId, offset, length))).toBe(true);
		}
	} finally {
		await handle.close();
	}
}

describe('recording: download', () => {
	it('streams the file into binary data, named by Content-Disposition', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ file_size: 3 * MiB + 5 }] });
		const recording = recordings[0];
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(download(recording.recording_id, { binaryPropertyName: 'video' }));

		expect(result.error).toBeUndefined();
		const [item] = result.output(ZOHO_NODE_NAME);
		const fileName = `${recording.meeting_key}_${recording.start_time}.mp4`;
		expect(item.json).toEqual({
			recording_id: recording.recording_id,
			file_name: fileName,
			mime_type: 'video/mp4',
			file_size: 3 * MiB + 5,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(Object.keys(item.binary ?? {})).toEqual(['video']);
		const binary = await readBinary(item, 'video');
		expect(binary.metadata).toMatchObject({ fileName, mimeType: 'video/mp4', fileExtension: 'mp4' });
		expect(binary.size).toBe(3 * MiB + 5);
		expect((await binary.buffer()).equals(recordingChunk(recording.recording_id, 0, 3 * MiB + 5))).toBe(true);
		// The header named the file, so no second call for the recording's details.
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/recordings/${recording.recording_id}/download`, query: {}, body: null },
		]);
	});

	it('names the file <meeting_key>_<start_time>.mp4 from the details when no header names it', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: 1 });
		const recording = recordings[0];
		// A file host that sends the bytes without Content-Disposition.
		await sandbox.admin.injectFault({
			path: '/download$',
			fault: { type: 'status', status: 200, body: 'tiny mp4', headers: { 'Content-Type': 'video/mp4' } },
		});
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(download(recording.recording_id));

		expect(result.error).toBeUndefined();
		const [item] = result.output(ZOHO_NODE_NAME);
		const fileName = `${recording.meeting_key}_${recording.start_time}.mp4`;
		expect(item.json).toEqual({
			recording_id: recording.recording_id,
			file_name: fileName,
			mime_type: 'video/mp4',
			file_size: 8,
		});
		const binary = await readBinary(item, 'data');
		expect(binary.metadata.fileName).toBe(fileName);
		expect((await binary.buffer()).toString()).toBe('tiny mp4');
		expect((await sandbox.apiRequests()).map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /api/v2/recordings/${recording.recording_id}/download`,
			`GET /api/v2/recordings/${recording.recording_id}`,
		]);
	});

	it('follows a redirect to the file host without sending the token there', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ file_size: 2 * MiB }] });
		const recording = recordings[0];
		await sandbox.admin.setDownloadMode('redirect');
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(download(recording.recording_id));

		expect(result.error).toBeUndefined();
		const binary = await readBinary(result.output(ZOHO_NODE_NAME)[0], 'data');
		expect(binary.size).toBe(2 * MiB);
		expect((await binary.buffer()).equals(recordingChunk(recording.recording_id, 0, 2 * MiB))).toBe(true);
		const seen = (await sandbox.admin.requests()).map((r) => ({
			origin: r.origin,
			path: r.path,
			status: r.status,
			hadAuthorization: r.hadAuthorization,
		}));
		expect(seen).toEqual([
			{
				origin: 'api',
				path: `/api/v2/recordings/${recording.recording_id}/download`,
				status: 302,
				hadAuthorization: true,
			},
			{ origin: 'cdn', path: `/recordings/${recording.recording_id}`, status: 200, hadAuthorization: false },
		]);
	});

	it('says RECORDING_NOT_AVAILABLE while the recording is still processing', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ status: 'processing' }] });

		const result = await sandbox.runZoho(download(recordings[0].recording_id));

		expect(result.error).toMatchObject({
			message: 'RECORDING_NOT_AVAILABLE: Recording not yet available',
			description: expect.stringMatching(/^Wait for processing to complete/),
			httpCode: '400',
		});
	});

	it('says INVALID_RECORDING_ID for a recording that does not exist', async () => {
		const result = await sandbox.runZoho(download('REC_404'));
		expect(result.error).toMatchObject({
			message: 'INVALID_RECORDING_ID: The specified recording does not exist',
			httpCode: '404',
		});
	});

	it('fails, rather than keep a short file, when the connection drops mid-download', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ file_size: 4 * MiB }] });
		// Every attempt breaks: the first and the transport's three retries.
		await sandbox.admin.injectFault({ path: '/download$', count: 4, fault: { type: 'truncate', bytes: MiB } });

		const result = await sandbox.runZoho(download(recordings[0].recording_id));

		expect(result.error).toBeDefined();
		// The sandbox announces the full Content-Length, sends 1 MiB and closes the socket.
		expect(result.error?.message).toBe('The download was cut short');
		expect(result.output(ZOHO_NODE_NAME)).toEqual([]);
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('keeps going with Continue On Fail: an error item for the unavailable recording, files for the rest', async () => {
		const { recordings } = await sandbox.admin.seed({
			recordings: [{ file_size: 1000 }, { status: 'processing' }, { file_size: 2000 }],
		});

		const result = await sandbox.runZoho(download('={{ $json.id }}'), {
			items: recordings.map((recording) => ({ id: recording.recording_id })),
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json.file_size)).toEqual([1000, undefined, 2000]);
		expect(output[1].json).toEqual({ error: 'RECORDING_NOT_AVAILABLE: Recording not yet available' });
		expect(output[1].error).toMatchObject({ httpCode: '400', description: expect.stringMatching(/^Wait for processing/) });
		expect(output[1].binary).toBeUndefined();
		expect((await readBinary(output[2], 'data')).size).toBe(2000);
	});

	it('passes a 256 MiB recording through without holding it in memory', async () => {
		const size = 256 * MiB;
		const { recordings } = await sandbox.admin.seed({ recordings: [{ file_size: size }] });
		const recordingId = recordings[0].recording_id;

		const peak = watchPeakMemory();
		const started = Date.now();
		const result = await sandbox.runZoho(download(recordingId));
		const seconds = (Date.now() - started) / 1000;
		const grown = peak.stop();

		expect(result.error).toBeUndefined();
		const [item] = result.output(ZOHO_NODE_NAME);
		expect(item.json.file_size).toBe(size);
		const binary = await readBinary(item, 'data');
		expect(binary.size).toBe(size);
		expect(binary.path).toBeDefined();
		expect((await stat(binary.path as string)).size).toBe(size);
		const spread = [0.1, 0.3, 0.5, 0.7, 0.9].map((fraction) => Math.floor(size * fraction) + 3);
		await expectRecordingBytes(binary.path as string, recordingId, [0, 65_535, ...spread, size - 4099], 4099);
		// The sandbox runs in this process too, so its buffers count against the margin.
		expect(grown).toBeLessThan(64 * MiB);
		expect(seconds).toBeLessThan(30);
	});
});


describe('recording: download from a hostile or broken server', () => {
	it('cleans a file name built from server fields: no path separators or control characters', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: 1 });
		const id = recordings[0].recording_id;
		await sandbox.admin.injectFault({
			path: '/download$',
			fault: { type: 'status', status: 200, body: 'tiny mp4', headers: { 'Content-Type': 'video/mp4' } },
		});
		await sandbox.admin.injectFault({
			method: 'GET',
			path: `^/api/v2/recordings/${id}$`,
			fault: {
				type: 'status',
				status: 200,
				body: { status: 'success', data: { recording_id: id, meeting_key: '../../etc/\u0007x', start_time: '2025-01-01T00:00:00Z' } },
			},
		});

		const result = await sandbox.runZoho(download(id));

		expect(result.error).toBeUndefined();
		const [item] = result.output(ZOHO_NODE_NAME);
		expect(item.json.file_name).toBe('_.._etc__x_2025-01-01T00:00:00Z.mp4');
		expect((await readBinary(item, 'data')).metadata.fileName).toBe('_.._etc__x_2025-01-01T00:00:00Z.mp4');
	});

	it('falls back to the plain file name when filename* is malformed, instead of failing', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: 1 });
		await sandbox.admin.injectFault({
			path: '/download$',
			fault: {
				type: 'status',
				status: 200,
				body: 'tiny mp4',
				headers: { 'Content-Type': 'video/mp4', 'Content-Disposition': `attachment; filename*=UTF-8''%E0%A4%A; filename="review.mp4"` },
			},
		});

		const result = await sandbox.runZoho(download(recordings[0].recording_id));

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json.file_name).toBe('review.mp4');
	});

	it('refuses a file larger than Max File Size before reading it', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ file_size: 3 * MiB }] });

		const result = await sandbox.runZoho(download(recordings[0].recording_id, { maxFileSize: 1 }));

		expect(result.error?.message).toBe('The file is larger than Max File Size (1 MB)');
		expect(result.error?.description).toMatch(/Zoho Meeting announced 3 MB/);
	});
});

/**
 * The most that heap plus Buffers (which live outside the heap) grew above where they
 * stood at the start, sampled while the workflow runs: a node that buffered the file
 * would show it here even if it let go of it before the run ended.
 */
function watchPeakMemory() {
	const inUse = () => {
		const { heapUsed, arrayBuffers } = process.memoryUsage();
		return heapUsed + arrayBuffers;
	};
	(global as { gc?: () => void }).gc?.();
	const baseline = inUse();
	let peak = baseline;
	const timer = setInterval(() => {
		peak = Math.max(peak, inUse());
	}, 10);
	return {
		stop() {
			clearInterval(timer);
			return Math.max(peak, inUse()) - baseline;
		},
	};
}
