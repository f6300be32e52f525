import { Harness, isoIn } from './helpers';

describe('sandbox admin API', () => {
	const h = new Harness();

	it('seeds counts of default objects and returns them as the API shows them', async () => {
		const seeded = await h.admin.seed({
			meetings: 3,
			participants: 2,
			recordings: 2,
			webinars: 2,
			registrations: 3,
		});
		expect(seeded.meetings.map((m) => m.topic)).toEqual([
			'Seeded meeting 1',
			'Seeded meeting 2',
			'Seeded meeting 3',
		]);
		expect(seeded.meetings.every((m) => m.status === 'scheduled')).toBe(true);
		// Participants join the first seeded meeting, registrations the first seeded webinar.
		expect(seeded.meetings[0].participants.map((p) => p.email)).toEqual([
			'participant1@example.com',
			'participant2@example.com',
		]);
		expect(seeded.participants.map((p) => p.participant_id)).toEqual(
			seeded.meetings[0].participants.map((p) => p.participant_id),
		);
		expect(seeded.registrations.map((r) => r.webinar_key)).toEqual(
			Array(3).fill(seeded.webinars[0].webinar_key),
		);
		expect(seeded.recordings.map((r) => r.status)).toEqual(['available', 'available']);
		const meeting = await h.api('GET', `/meetings/${seeded.meetings[0].meeting_key}`);
		expect(meeting.body.data).toEqual(seeded.meetings[0]);
		expect(await h.admin.state()).toMatchObject({
			meetings: 5, // three seeded, and one behind each recording
			participants: 2,
			sessions: 2,
			recordings: 2,
			webinars: 2,
			registrations: 3,
		});
	});

	it('seeds partial objects, with statuses the clock agrees with', async () => {
		const seeded = await h.admin.seed({
			meetings: [
				{
					topic: 'Done',
					status: 'completed',
					recording_enabled: true,
					participants: [{ email: 'x@example.com' }],
				},
				{ topic: 'Called off', status: 'cancelled' },
				{ topic: 'Later', start_time: isoIn(7200), duration: 15 },
			],
		});
		expect(seeded.meetings.map((m) => [m.topic, m.status])).toEqual([
			['Done', 'completed'],
			['Called off', 'cancelled'],
			['Later', 'scheduled'],
		]);
		expect(seeded.meetings[0].participants[0].status).toBe('joined');
		const sessions = await h.api('GET', `/meetings/${seeded.meetings[0].meeting_key}/sessions`);
		expect(sessions.body.data).toHaveLength(1);
		expect((await h.api('GET', '/recordings')).body.data[0].meeting_key).toBe(
			seeded.meetings[0].meeting_key,
		);
	});

	it('refuses seeds it cannot honour, naming the entry', async () => {
		await expect(h.admin.seed({ gadgets: 1 } as never)).rejects.toThrow(
			'Unknown seed kind: gadgets',
		);
		await expect(h.admin.seed({ meetings: [{ topik: 'x' } as never] })).rejects.toThrow(
			'meetings[0]: Unknown field: topik',
		);
		await expect(
			h.admin.seed({ meetings: [{ status: 'completed', start_time: isoIn(3600) }] }),
		).rejects.toThrow('meetings[0]: its start_time and duration make it scheduled, not completed');
		await expect(h.admin.seed({ participants: 1 })).rejects.toThrow('no meeting to add it to');
		await expect(h.admin.seed({ recordings: [{ meeting_key: '1' }] })).rejects.toThrow(
			'The specified meeting key does not exist',
		);
		// A seed that fails half-way leaves nothing of itself behind.
		await expect(
			h.admin.seed({
				meetings: 2,
				webinars: 1,
				registrations: 2,
				recordings: [{}, { meeting_key: '1' }],
			}),
		).rejects.toThrow();
		expect(await h.admin.state()).toMatchObject({
			meetings: 0,
			webinars: 0,
			registrations: 0,
			recordings: 0,
			sessions: 0,
		});
	});

	// Speed is for the benchmarks (bench/) to show: a time limit here failed on a loaded machine.
	it('seeds 10,000 meetings and pages through them', async () => {
		const seeded = await h.admin.seed({ meetings: 10_000 });
		expect(seeded.meetings).toHaveLength(10_000);
		const last = await h.api('GET', '/meetings?per_page=100&page=100');
		expect(last.body.pagination).toEqual({
			page: 100,
			per_page: 100,
			total: 10_000,
			has_more: false,
		});
		expect(last.body.data.at(-1).meeting_key).toBe(seeded.meetings[9999].meeting_key);
	});

	it('resets to an empty account, keeping tokens unless told otherwise', async () => {
		await h.admin.seed({ meetings: 2, webinars: 1 });
		await h.admin.advanceClock(3600);
		await h.admin.injectFault({ fault: { type: 'hang' } });
		const config = await h.admin.reset({ plan: 'free' });
		expect(config.plan).toBe('free');
		expect(await h.admin.state()).toMatchObject({
			meetings: 0,
			webinars: 0,
			requests: 0,
			faults: 0,
			accessTokens: 1,
			clock: { offsetSeconds: 0 },
		});
		expect((await h.api('GET', '/meetings')).body.data).toEqual([]);
		await h.admin.reset({ revokeTokens: true });
		expect((await h.api('GET', '/meetings')).status).toBe(401);
		expect((await h.admin.config()).plan).toBe('enterprise');
	});

	it('moves the virtual clock forward, never back', async () => {
		const before = await h.admin.clock();
		expect(before.offsetSeconds).toBe(0);
		expect(before.now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const advanced = await h.admin.advanceClock(90);
		expect(advanced.offsetSeconds).toBeCloseTo(90, 0);
		expect(advanced.nowMs - before.nowMs).toBeGreaterThanOrEqual(90_000);
		const set = await h.admin.setClock('2031-06-01T12:00:00Z');
		expect(set.now).toBe('2031-06-01T12:00:00Z');
		await expect(h.admin.setClock('2030-01-01T00:00:00Z')).rejects.toThrow(
			'Cannot set the clock back',
		);
		await expect(h.admin.advanceClock(-5)).rejects.toThrow('400');
		await expect(h.admin.setClock('soon')).rejects.toThrow(
			'Expected { time } with an ISO 8601 date-time',
		);
	});

	it('validates configuration changes and applies latency to API answers', async () => {
		await expect(h.admin.configure({ downloadMode: 'ftp' } as never)).rejects.toThrow(
			'config: Invalid value for downloadMode: expected one of direct, redirect',
		);
		await expect(h.admin.configure({ limits: { perMinute: 5 } } as never)).rejects.toThrow(
			'Unknown field: limits.perMinute',
		);
		const config = await h.admin.configure({ latencyMs: 200, recordingBytesPerMinute: 10 });
		expect(config).toMatchObject({
			latencyMs: 200,
			recordingBytesPerMinute: 10,
			downloadMode: 'direct',
		});
		const started = Date.now();
		await h.api('GET', '/settings');
		expect(Date.now() - started).toBeGreaterThanOrEqual(195);
		const adminStarted = Date.now();
		await h.admin.state();
		expect(Date.now() - adminStarted).toBeLessThan(150);
	});

	it('issues tokens with the scopes asked for', async () => {
		const pair = await h.admin.issueTokens({
			scope: 'ZohoMeeting.webinar.ALL',
			accessType: 'online',
		});
		expect(pair.scope).toEqual(['ZohoMeeting.webinar.ALL']);
		expect(pair.refresh_token).toBeUndefined();
		expect((await h.api('GET', '/webinars', { token: pair.access_token })).status).toBe(200);
		expect((await h.api('GET', '/meetings', { token: pair.access_token })).status).toBe(403);
	});

	it('answers 404 for admin endpoints it does not have', async () => {
		const response = await fetch(`${h.url}/__admin/nothing`);
		expect(response.status).toBe(404);
		expect(((await response.json()) as { error: string }).error).toContain('/__admin/nothing');
	});
});

describe('sandbox request log', () => {
	const h = new Harness();

	it('records what the API saw, in order, without token values or admin calls', async () => {
		await h.api('GET', '/meetings?per_page=5&status=scheduled', { scheme: 'Zoho-oauthtoken' });
		await h.api('POST', '/meetings', { body: { topic: 'Logged', start_time: isoIn(3600) } });
		await h.api('GET', '/settings', { token: null });
		await h.admin.seed({ meetings: 1 });
		const log = await h.admin.requests();
		expect(log).toEqual([
			{
				seq: expect.any(Number),
				time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
				method: 'GET',
				path: '/api/v2/meetings',
				query: { per_page: '5', status: 'scheduled' },
				body: null,
				authScheme: 'Zoho-oauthtoken',
				hadAuthorization: true,
				status: 200,
				origin: 'api',
				api: 'v2',
			},
			expect.objectContaining({
				method: 'POST',
				body: { topic: 'Logged', start_time: expect.any(String) },
				authScheme: 'Bearer',
				status: 201,
			}),
			expect.objectContaining({
				path: '/api/v2/settings',
				authScheme: null,
				hadAuthorization: false,
				status: 401,
			}),
		]);
		expect(log[1].seq).toBe(log[0].seq + 1);
		expect(Date.parse(log[2].time)).toBeGreaterThanOrEqual(Date.parse(log[0].time));
		expect(JSON.stringify(log)).not.toContain(h.token);
		expect(await h.admin.requests('oauth')).toEqual([]);

		await h.admin.clearRequests();
		expect(await h.admin.requests()).toEqual([]);
		expect((await h.admin.state()).requests).toBe(0);
	});
});
