import { createHash } from 'node:crypto';
import { get, type IncomingHttpHeaders } from 'node:http';

import { recordingByte, recordingChunk } from '../../sandbox/recordingBytes';
import { expectZohoError, Harness, minutesAfter } from './helpers';

const MiB = 1024 * 1024;

interface Download {
	status: number;
	headers: IncomingHttpHeaders;
	length: number;
	sha256: string;
	/** Bytes seen at the offsets asked for. */
	probes: Map<number, number>;
	/** Largest growth of Buffer memory (arrayBuffers) seen while the body streamed. */
	peakBufferGrowth: number;
}

/** Streams a body to a hash without keeping it, noting bytes at some offsets and memory use. */
function download(
	url: string,
	headers: Record<string, string>,
	probeAt: number[] = [],
): Promise<Download> {
	return new Promise((resolve, reject) => {
		const baseline = process.memoryUsage().arrayBuffers;
		let peak = 0;
		get(url, { headers }, (res) => {
			const hash = createHash('sha256');
			const probes = new Map<number, number>();
			let length = 0;
			res.on('data', (chunk: Buffer) => {
				for (const offset of probeAt) {
					if (offset >= length && offset < length + chunk.length) {
						probes.set(offset, chunk[offset - length]);
					}
				}
				length += chunk.length;
				hash.update(chunk);
				if ((length & (8 * MiB - 1)) < chunk.length) {
					peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
				}
			});
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					length,
					sha256: hash.digest('hex'),
					probes,
					peakBufferGrowth: peak,
				}),
			);
			res.on('error', reject);
		}).on('error', reject);
	});
}

function expectedSha256(recordingId: string, size: number): string {
	const hash = createHash('sha256');
	for (let offset = 0; offset < size; offset += 4 * MiB) {
		hash.update(recordingChunk(recordingId, offset, Math.min(4 * MiB, size - offset)));
	}
	return hash.digest('hex');
}

describe('recording bytes', () => {
	it('are a pure function of recording ID and offset, chunk by chunk alike', () => {
		const chunk = recordingChunk('REC_7000000001', 1001, 4099);
		expect(chunk).toHaveLength(4099);
		for (const i of [0, 1, 2, 3, 4, 1234, 4098])
			expect(chunk[i]).toBe(recordingByte('REC_7000000001', 1001 + i));
		expect(recordingChunk('REC_7000000001', 1001, 64)).toEqual(chunk.subarray(0, 64));
		expect(recordingChunk('REC_7000000002', 1001, 64)).not.toEqual(chunk.subarray(0, 64));
		// Not a constant or a short cycle: a kilobyte holds most byte values.
		expect(new Set(recordingChunk('REC_1', 0, 1024)).size).toBeGreaterThan(200);
	});
});

describe('sandbox recordings (spec "Recordings API")', () => {
	const h = new Harness();

	it('lists recordings by created_time, filtered on start_time', async () => {
		const { recordings } = await h.admin.seed({
			recordings: [
				{ start_time: '2026-01-10T10:00:00Z', duration: 20 },
				{ start_time: '2026-01-05T10:00:00Z', duration: 20 },
				{ start_time: '2026-01-07T10:00:00Z', duration: 20 },
			],
		});
		const list = await h.api('GET', '/recordings');
		expect(list.body.data.map((r: { start_time: string }) => r.start_time)).toEqual([
			'2026-01-05T10:00:00Z',
			'2026-01-07T10:00:00Z',
			'2026-01-10T10:00:00Z',
		]);
		expect(list.body.pagination).toEqual({ page: 1, per_page: 50, total: 3, has_more: false });
		const filtered = await h.api(
			'GET',
			'/recordings?from_date=2026-01-06&to_date=2026-01-10T10:00:00Z',
		);
		expect(filtered.body.data.map((r: { recording_id: string }) => r.recording_id)).toEqual([
			recordings[2].recording_id,
			recordings[0].recording_id,
		]);
	});

	it("gets one recording in the spec's Recording Object shape", async () => {
		const [seeded] = (
			await h.admin.seed({ recordings: [{ topic: 'Product Demo', file_size: 125_000 }] })
		).recordings;
		const response = await h.api('GET', `/recordings/${seeded.recording_id}`);
		expect(response.status).toBe(200);
		expect(response.body.data).toEqual({
			recording_id: expect.stringMatching(/^REC_\d+$/),
			meeting_key: expect.stringMatching(/^\d+$/),
			topic: 'Product Demo',
			start_time: seeded.start_time,
			duration: 30,
			file_size: 125_000,
			download_url: expect.stringContaining(`${h.url}/recordings/download/`),
			streaming_url: expect.stringContaining(`${h.url}/recordings/play/`),
			password_protected: false,
			status: 'available',
			created_time: minutesAfter(seeded.start_time, 30),
		});
		expectZohoError(await h.api('GET', '/recordings/REC_404'), 404, 'INVALID_RECORDING_ID');
	});

	it('deletes with 204, after which the recording is gone', async () => {
		const [seeded] = (await h.admin.seed({ recordings: 1 })).recordings;
		expect((await h.api('DELETE', `/recordings/${seeded.recording_id}`)).status).toBe(204);
		expectZohoError(
			await h.api('GET', `/recordings/${seeded.recording_id}`),
			404,
			'INVALID_RECORDING_ID',
		);
		expectZohoError(
			await h.api('DELETE', `/recordings/${seeded.recording_id}`),
			404,
			'INVALID_RECORDING_ID',
		);
		expectZohoError(
			await h.api('GET', `/recordings/${seeded.recording_id}/download`),
			404,
			'INVALID_RECORDING_ID',
		);
	});

	it('records a meeting when it ends and makes it available five virtual minutes later', async () => {
		const meeting = await h.scheduleMeeting({ recording_enabled: true, duration: 30 }, 1);
		const end = minutesAfter(meeting.start_time, 30);
		await h.admin.setClock(end);
		const [recording] = (await h.api('GET', '/recordings')).body.data;
		expect(recording).toMatchObject({
			meeting_key: meeting.meeting_key,
			start_time: meeting.start_time,
			duration: 30,
			file_size: 30 * 100_000,
			status: 'processing',
		});
		const session = (await h.api('GET', `/meetings/${meeting.meeting_key}/sessions`)).body.data[0];
		expect(session.recording_available).toBe(false);
		const early = await h.api('GET', `/recordings/${recording.recording_id}/download`);
		expectZohoError(early, 400, 'RECORDING_NOT_AVAILABLE');

		await h.admin.setClock(minutesAfter(end, 4.9));
		expect((await h.api('GET', `/recordings/${recording.recording_id}`)).body.data.status).toBe(
			'processing',
		);
		await h.admin.setClock(minutesAfter(end, 5));
		expect((await h.api('GET', `/recordings/${recording.recording_id}`)).body.data.status).toBe(
			'available',
		);
		expect(
			(await h.api('GET', `/meetings/${meeting.meeting_key}/sessions`)).body.data[0]
				.recording_available,
		).toBe(true);
		// The recording was made when the meeting ended, not when the clock was read.
		expect(recording.created_time).toBe(end);
	});

	it('takes the processing delay from the configuration', async () => {
		await h.admin.configure({ recordingProcessingSeconds: 0 });
		await h.scheduleMeeting({ recording_enabled: true, duration: 10 }, 1);
		await h.admin.advanceClock(3600 + 600);
		expect((await h.api('GET', '/recordings')).body.data[0].status).toBe('available');
	});

	it("downloads the recording as video/mp4 with the spec's file name and the generated bytes", async () => {
		const [seeded] = (
			await h.admin.seed({
				recordings: [{ start_time: '2026-03-04T05:06:07Z', file_size: 300_001 }],
			})
		).recordings;
		const result = await download(
			`${h.url}/api/v2/recordings/${seeded.recording_id}/download`,
			{ Authorization: `Zoho-oauthtoken ${h.token}` },
			[0, 3, 150_000, 300_000],
		);
		expect(result.status).toBe(200);
		expect(result.headers['content-type']).toBe('video/mp4');
		expect(result.headers['content-length']).toBe('300001');
		expect(result.headers['content-disposition']).toBe(
			`attachment; filename="${seeded.meeting_key}_2026-03-04T05:06:07Z.mp4"`,
		);
		expect(result.length).toBe(300_001);
		expect(result.sha256).toBe(expectedSha256(seeded.recording_id, 300_001));
		for (const [offset, byte] of result.probes)
			expect(byte).toBe(recordingByte(seeded.recording_id, offset));
	});

	it('streams 256 MiB with bounded memory and the right bytes', async () => {
		const size = 256 * MiB;
		const [seeded] = (await h.admin.seed({ recordings: [{ file_size: size }] })).recordings;
		const probes = [0, 1, 65_535, 65_536, 100 * MiB + 7, size - 1];
		const result = await download(
			`${h.url}/api/v2/recordings/${seeded.recording_id}/download`,
			{ Authorization: `Bearer ${h.token}` },
			probes,
		);
		expect(result.length).toBe(size);
		expect(result.headers['content-length']).toBe(String(size));
		for (const offset of probes)
			expect(result.probes.get(offset)).toBe(recordingByte(seeded.recording_id, offset));
		expect(result.sha256).toBe(expectedSha256(seeded.recording_id, size));
		// Sandbox and client share this process: the whole file must never have been in it.
		// Chunks already hashed linger until V8 collects them: about 30 MiB on Node.js 20,
		// 64 to 76 MiB on 24 (CI runs both); a buffered file would be 256 MiB and more.
		expect(result.peakBufferGrowth).toBeLessThan(size / 2);
	});
});

describe('sandbox recording downloads in redirect mode', () => {
	const h = new Harness();

	it('answers 302 to a signed one-time URL on another origin that needs no token', async () => {
		const [seeded] = (await h.admin.seed({ recordings: [{ file_size: 5000 }] })).recordings;
		await h.admin.setDownloadMode('redirect');
		await h.admin.clearRequests();
		const api = await h.api('GET', `/recordings/${seeded.recording_id}/download`);
		expect(api.status).toBe(302);
		const location = new URL(api.headers.get('location') ?? '');
		expect(location.origin).toBe(h.sandbox.cdnUrl);
		expect(location.origin).not.toBe(h.url);
		expect(location.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);

		const cdn = await fetch(location);
		const bytes = Buffer.from(await cdn.arrayBuffer());
		expect(cdn.status).toBe(200);
		expect(cdn.headers.get('content-type')).toBe('video/mp4');
		expect(bytes.equals(recordingChunk(seeded.recording_id, 0, 5000))).toBe(true);

		const reused = await fetch(location);
		expect(reused.status).toBe(403);
		const tampered = new URL(location);
		tampered.pathname = '/recordings/REC_1';
		expect((await fetch(tampered)).status).toBe(403);

		const log = await h.admin.requests();
		expect(log.map((e) => [e.origin, e.status, e.hadAuthorization])).toEqual([
			['api', 302, true],
			['cdn', 200, false],
			['cdn', 403, false],
			['cdn', 403, false],
		]);
	});

	it('shows in the log when a client carries the token over to the CDN', async () => {
		const [seeded] = (await h.admin.seed({ recordings: [{ file_size: 100 }] })).recordings;
		await h.admin.setDownloadMode('redirect');
		const api = await h.api('GET', `/recordings/${seeded.recording_id}/download`);
		// A careless client: follows the redirect by hand with the same headers.
		await fetch(api.headers.get('location') ?? '', {
			headers: { Authorization: `Bearer ${h.token}` },
		});
		// fetch itself drops Authorization on a cross-origin redirect.
		const followed = await fetch(`${h.url}/api/v2/recordings/${seeded.recording_id}/download`, {
			headers: { Authorization: `Bearer ${h.token}` },
		});
		expect(followed.status).toBe(200);
		expect((await followed.arrayBuffer()).byteLength).toBe(100);
		const cdn = await h.admin.requests('cdn');
		expect(cdn.map((e) => [e.hadAuthorization, e.authScheme])).toEqual([
			[true, 'Bearer'],
			[false, null],
		]);
		expect(JSON.stringify(cdn)).not.toContain(h.token);
	});

	it('still refuses a recording that is processing', async () => {
		await h.admin.setDownloadMode('redirect');
		const [seeded] = (await h.admin.seed({ recordings: [{ status: 'processing' }] })).recordings;
		expect(seeded.status).toBe('processing');
		expectZohoError(
			await h.api('GET', `/recordings/${seeded.recording_id}/download`),
			400,
			'RECORDING_NOT_AVAILABLE',
		);
	});
});
