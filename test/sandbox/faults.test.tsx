import { get } from 'node:http';

import { recordingChunk } from '../../sandbox/recordingBytes';
import { expectZohoError, Harness, isoIn } from './helpers';

/** Reads a body to its end or to where the connection broke. */
function readRaw(url: string, headers: Record<string, string>) {
	return new Promise<{ status: number; contentLength: number; body: Buffer; broken: boolean }>(
		(resolve, reject) => {
			get(url, { headers }, (res) => {
				const chunks: Buffer[] = [];
				const finish = (broken: boolean) =>
					resolve({
						status: res.statusCode ?? 0,
						contentLength: Number(res.headers['content-length']),
						body: Buffer.concat(chunks),
						broken,
					});
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => finish(false));
				res.on('error', () => finish(true));
			}).on('error', reject);
		},
	);
}

describe('sandbox fault injection', () => {
	const h = new Harness();

	const lastLogEntry = async () => (await h.admin.requests()).at(-1);

	it("answers an injected status once, in Zoho's error envelope, then behaves", async () => {
		await h.admin.injectFault({
			path: '^/api/v2/meetings$',
			fault: { type: 'status', status: 503 },
		});
		const faulted = await h.api('GET', '/meetings');
		expect(faulted.status).toBe(503);
		expect(faulted.body).toEqual({
			status: 'error',
			error: { code: 'INTERNAL_ERROR', message: 'Server error' },
		});
		expect(await lastLogEntry()).toMatchObject({ status: 503, faultApplied: 'status' });
		expect((await h.api('GET', '/meetings')).status).toBe(200);
		expect((await lastLogEntry())?.faultApplied).toBeUndefined();
	});

	it('takes a Zoho error code for the status and message', async () => {
		await h.admin.injectFault({ fault: { type: 'status', code: 'INVALID_TOKEN' } });
		expectZohoError(await h.api('GET', '/settings'), 401, 'INVALID_TOKEN');
		await h.admin.injectFault({
			fault: { type: 'status', status: 400, code: 'MEETING_PAST', message: 'Too late' },
		});
		const custom = await h.api('GET', '/settings');
		expect(custom.body.error).toEqual({ code: 'MEETING_PAST', message: 'Too late' });
	});

	it('injects 429 with or without the headers that say how long to wait', async () => {
		await h.admin.injectFault({ fault: { type: 'status', status: 429, retryAfterSeconds: 3 } });
		const told = await h.api('GET', '/settings');
		expectZohoError(told, 429, 'RATE_LIMIT_EXCEEDED');
		expect(told.headers.get('retry-after')).toBe('3');
		expect(told.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(Number(told.headers.get('x-ratelimit-reset'))).toBeCloseTo(Date.now() / 1000 + 3, -0.5);

		await h.admin.injectFault({ fault: { type: 'status', status: 429 } });
		const bare = await h.api('GET', '/settings');
		expect(bare.status).toBe(429);
		expect(bare.headers.get('retry-after')).toBeNull();
		expect(bare.headers.get('x-ratelimit-reset')).toBeNull();
	});

	it('delays an answer', async () => {
		await h.admin.injectFault({ fault: { type: 'delay', ms: 300 } });
		const started = Date.now();
		const response = await h.api('GET', '/settings');
		expect(Date.now() - started).toBeGreaterThanOrEqual(295);
		expect(response.status).toBe(200);
		expect(await lastLogEntry()).toMatchObject({ status: 200, faultApplied: 'delay' });
	});

	it('hangs until the client gives up', async () => {
		await h.admin.injectFault({ fault: { type: 'hang' } });
		const started = Date.now();
		await expect(
			fetch(`${h.url}/api/v2/settings`, {
				headers: { Authorization: `Bearer ${h.token}` },
				signal: AbortSignal.timeout(300),
			}),
		).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(await lastLogEntry()).toMatchObject({ status: null, faultApplied: 'hang' });
	});

	it('answers malformed JSON', async () => {
		await h.admin.injectFault({ fault: { type: 'malformedJson' } });
		const response = await fetch(`${h.url}/api/v2/settings`, {
			headers: { Authorization: `Bearer ${h.token}` },
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		await expect(response.json()).rejects.toThrow(/JSON/);
	});

	it('answers an HTML error page', async () => {
		await h.admin.injectFault({ fault: { type: 'html' } });
		await h.admin.injectFault({ fault: { type: 'html', status: 503 } });
		const gateway = await fetch(`${h.url}/api/v2/settings`);
		expect(gateway.status).toBe(502);
		expect(gateway.headers.get('content-type')).toContain('text/html');
		expect(await gateway.text()).toContain('<h1>502 Bad Gateway</h1>');
		const unavailable = await fetch(`${h.url}/api/v2/settings`);
		expect(unavailable.status).toBe(503);
		expect(await unavailable.text()).toContain('Service Unavailable');
	});

	it('resets the connection before doing anything', async () => {
		await h.admin.injectFault({ method: 'POST', fault: { type: 'reset' } });
		await expect(h.scheduleMeeting()).rejects.toThrow('fetch failed');
		expect((await h.admin.state()).meetings).toBe(0);
		expect(await lastLogEntry()).toMatchObject({
			method: 'POST',
			status: null,
			faultApplied: 'reset',
		});
	});

	it('loses the response of a request it really performed', async () => {
		await h.admin.injectFault({
			method: 'POST',
			path: '^/api/v2/meetings$',
			fault: { type: 'lostResponse' },
		});
		await expect(
			h.api('POST', '/meetings', { body: { topic: 'Once', start_time: isoIn(3600) } }),
		).rejects.toThrow('fetch failed');
		const meetings = (await h.api('GET', '/meetings')).body.data;
		expect(meetings.map((m: { topic: string }) => m.topic)).toEqual(['Once']);
		const log = await h.admin.requests();
		expect(log[0]).toMatchObject({ method: 'POST', status: 201, faultApplied: 'lostResponse' });
	});

	it('truncates a download after the given bytes, having announced them all', async () => {
		const [recording] = (await h.admin.seed({ recordings: [{ file_size: 1_000_000 }] })).recordings;
		await h.admin.injectFault({ path: '/download$', fault: { type: 'truncate', bytes: 123_457 } });
		const url = `${h.url}/api/v2/recordings/${recording.recording_id}/download`;
		const cut = await readRaw(url, { Authorization: `Bearer ${h.token}` });
		expect(cut).toMatchObject({ status: 200, contentLength: 1_000_000, broken: true });
		expect(cut.body.length).toBe(123_457);
		expect(cut.body.equals(recordingChunk(recording.recording_id, 0, 123_457))).toBe(true);
		const whole = await readRaw(url, { Authorization: `Bearer ${h.token}` });
		expect(whole).toMatchObject({ contentLength: 1_000_000, broken: false });
		expect(whole.body.length).toBe(1_000_000);
	});

	it('truncates JSON answers and CDN downloads as well', async () => {
		await h.admin.injectFault({
			path: '^/api/v2/settings$',
			fault: { type: 'truncate', bytes: 10 },
		});
		const json = await readRaw(`${h.url}/api/v2/settings`, { Authorization: `Bearer ${h.token}` });
		expect(json.broken).toBe(true);
		expect(json.body.toString()).toBe('{"status":');

		const [recording] = (await h.admin.seed({ recordings: [{ file_size: 50_000 }] })).recordings;
		await h.admin.setDownloadMode('redirect');
		await h.admin.injectFault({ path: '^/recordings/', fault: { type: 'truncate', bytes: 1000 } });
		const redirect = await h.api('GET', `/recordings/${recording.recording_id}/download`);
		const cdn = await readRaw(redirect.headers.get('location') ?? '', {});
		expect(cdn).toMatchObject({ contentLength: 50_000, broken: true });
		expect(cdn.body.length).toBe(1000);
		expect((await h.admin.requests('cdn'))[0]).toMatchObject({
			status: 200,
			faultApplied: 'truncate',
		});
	});

	it('answers the token endpoint with invalid_code', async () => {
		const pair = await h.admin.issueTokens();
		await h.admin.injectFault({ path: '^/oauth/v2/token$', fault: { type: 'tokenError' } });
		const faulted = await h.refresh(pair.refresh_token ?? '');
		expect(faulted.status).toBe(200);
		expect(faulted.body).toEqual({ error: 'invalid_code' });
		expect((await h.refresh(pair.refresh_token ?? '')).body.access_token).toMatch(/^1000\./);
		expect((await h.admin.requests('oauth'))[0]).toMatchObject({
			status: 200,
			faultApplied: 'tokenError',
		});
	});

	it('matches method and path, counts down, and can be listed and cleared', async () => {
		const rule = await h.admin.injectFault({
			method: 'delete',
			path: '^/api/v2/meetings/\\d+$',
			count: 2,
			fault: { type: 'status', status: 500 },
		});
		expect(rule).toMatchObject({ method: 'DELETE', count: 2, remaining: 2 });
		const meeting = await h.scheduleMeeting();
		expect((await h.api('GET', `/meetings/${meeting.meeting_key}`)).status).toBe(200);
		expect((await h.api('DELETE', `/meetings/${meeting.meeting_key}`)).status).toBe(500);
		expect((await h.admin.faults())[0].remaining).toBe(1);
		expect((await h.api('DELETE', `/meetings/${meeting.meeting_key}`)).status).toBe(500);
		expect(await h.admin.faults()).toEqual([]);
		expect((await h.api('DELETE', `/meetings/${meeting.meeting_key}`)).status).toBe(204);

		await h.admin.injectFault({ fault: { type: 'hang' }, count: 5 });
		await h.admin.clearFaults();
		expect((await h.api('GET', '/settings')).status).toBe(200);
	});

	it('refuses malformed fault requests', async () => {
		await expect(h.admin.injectFault({ fault: { type: 'explode' } as never })).rejects.toThrow(
			/400: fault.type must be one of status, delay/,
		);
		await expect(h.admin.injectFault({ path: '(', fault: { type: 'hang' } })).rejects.toThrow(
			/not a valid regular expression/,
		);
		await expect(h.admin.injectFault({ count: 0, fault: { type: 'hang' } })).rejects.toThrow(
			/count/,
		);
		await expect(h.admin.injectFault({ fault: { type: 'delay' } as never })).rejects.toThrow(
			/fault.ms/,
		);
	});
});
