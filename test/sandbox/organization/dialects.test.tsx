import {
	expectOrgAnswer,
	expectOrgFailure,
	expectZohoError,
	Harness,
	ORG_ERRORS,
	orgPath,
	orgRecordingsPath,
	ZSOID,
} from '../helpers';

describe('sandbox dialects: one store, two wire formats', () => {
	const h = new Harness();

	it('starts in v2, switches at run time through the admin API, and shows the dialect in its state', async () => {
		expect((await h.admin.state()).config.api).toBe('v2');
		const { meetings } = await h.admin.seed({ meetings: [{ topic: 'Shared' }] });
		expect((await h.api('GET', `/meetings/${meetings[0].meeting_key}`)).body.data.topic).toBe('Shared');

		expect((await h.admin.setApi('organization')).api).toBe('organization');
		expect((await h.admin.state()).config.api).toBe('organization');
		const got = await h.request('GET', orgPath(`/sessions/${meetings[0].meeting_key}.json`));
		expect(got.body.session.topic).toBe('Shared');

		// A reset goes back to the dialect the sandbox started with.
		await h.admin.reset();
		expect((await h.admin.state()).config.api).toBe('v2');
	});

	it("refuses a dialect or variant it does not know, naming what it takes", async () => {
		await expect(h.admin.setApi('v3' as 'v2')).rejects.toThrow(
			'config: Invalid value for api: expected one of v2, organization',
		);
		await expect(
			h.admin.setOrganizationVariants({ webinarKey: 'key' as 'meetingKey' }),
		).rejects.toThrow('config: Invalid value for organization.webinarKey: expected one of webinarKey, meetingKey');
		const raw = await fetch(`${h.url}/__admin/api`, { method: 'PUT', body: '{}' });
		expect(await raw.json()).toEqual({ error: 'Expected { api }' });
	});

	it('answers each dialect\'s paths only in that dialect: v2 errors in v2, an HTML 404 in organization', async () => {
		// The organization API's user.json is unknown to v2: what `auto` detection relies on.
		expectZohoError(await h.api('GET', '/user.json'), 404, 'NOT_FOUND');
		expectZohoError(
			await h.request('GET', orgPath('/sessions.json?listtype=all&index=1&count=100')),
			404,
			'NOT_FOUND',
		);

		await h.admin.setApi('organization');
		// What Zoho documents nowhere: the v2 paths, a meeting's sessions, registrations, deleting a recording.
		for (const [method, path] of [
			['GET', '/api/v2/meetings'],
			['GET', '/api/v2/settings'],
			['GET', orgPath('/sessions/1000000001/sessions.json')],
			['GET', orgPath('/registration/1.json')],
			['DELETE', orgRecordingsPath('/recordings/1000000001.json')],
			['GET', '/api/v3/anything'],
		]) {
			const response = await h.request(method, path);
			expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({
				path,
				status: 404,
				type: 'text/html; charset=utf-8',
			});
			expect(response.text).toContain('Not Found');
		}
		// Inside the API's paths the token is checked first, as in v2.
		expectOrgAnswer(await h.request('GET', '/api/v2/settings', { token: null }), ORG_ERRORS.invalidToken);
	});

	it('applies the rate limit in both, with X-RateLimit headers in v2 only', async () => {
		await h.admin.setLimits({ perWindow: 1 });
		expect((await h.api('GET', '/settings')).headers.get('x-ratelimit-limit')).toBe('1');
		const v2Refused = await h.api('GET', '/settings');
		expectZohoError(v2Refused, 429, 'RATE_LIMIT_EXCEEDED');
		expect(v2Refused.headers.get('retry-after')).not.toBeNull();

		await h.admin.setApi('organization');
		await h.admin.setLimits({ perWindow: 1 });
		const allowed = await h.request('GET', '/api/v2/user.json');
		expect(allowed.status).toBe(200);
		expect(allowed.headers.get('x-ratelimit-limit')).toBeNull();
		const refused = await h.request('GET', '/api/v2/user.json');
		expectOrgFailure(refused, 429, 'RATE_LIMIT_EXCEEDED');
		expect([...refused.headers.keys()].filter((name) => /ratelimit|retry-after/i.test(name))).toEqual([]);
	});

	it("shapes injected faults as the dialect in force answers", async () => {
		await h.admin.setApi('organization');
		await h.admin.injectFault({ fault: { type: 'status', code: 'INVALID_TOKEN' } });
		expectOrgAnswer(await h.request('GET', '/api/v2/user.json'), ORG_ERRORS.invalidToken);

		await h.admin.injectFault({ fault: { type: 'status', status: 503 } });
		const unavailable = await h.request('GET', '/api/v2/user.json');
		expect(unavailable.status).toBe(503);
		expect(unavailable.body).toEqual({
			error: { errorCode: 500, message: 'Server error', key: 'INTERNAL_ERROR' },
		});

		await h.admin.injectFault({ fault: { type: 'status', code: 'INVALID_TOKEN', status: 401 } });
		expectOrgAnswer(await h.request('GET', '/api/v2/user.json'), {
			status: 401,
			body: ORG_ERRORS.invalidToken.body,
		});

		await h.admin.injectFault({ fault: { type: 'malformedJson' } });
		const cut = await h.request('GET', '/api/v2/user.json');
		expect(cut.text).toBe('{"session":{"meetingKey":10');

		await h.admin.injectFault({ path: '^/webdownload$', fault: { type: 'html', status: 502 } });
		expect((await h.request('GET', '/webdownload?event-id=1')).status).toBe(502);

		await h.admin.injectFault({ fault: { type: 'status', retryAfterSeconds: 2, status: 429 } });
		expect((await h.request('GET', '/api/v2/user.json')).headers.get('retry-after')).toBe('2');
		expect((await h.admin.requests()).map((entry) => entry.faultApplied)).toEqual([
			'status',
			'status',
			'status',
			'malformedJson',
			'html',
			'status',
		]);
	});

	it('logs each request with the dialect in force, its exact path, query and body', async () => {
		await h.admin.setApi('organization');
		const session = { topic: 'Logged', startTime: 'Jun 19, 2035 07:00 PM', duration: 1_800_000 };
		await h.request('POST', orgPath('/sessions.json'), { body: { session } });
		await h.request('GET', orgPath('/sessions.json?listtype=upcoming&index=1&count=100'));
		await h.admin.setApi('v2');
		await h.api('GET', '/meetings?per_page=100');
		expect(
			(await h.admin.requests()).map(({ api, method, path, query, body }) => ({ api, method, path, query, body })),
		).toEqual([
			{ api: 'organization', method: 'POST', path: `/api/v2/${ZSOID}/sessions.json`, query: {}, body: { session } },
			{
				api: 'organization',
				method: 'GET',
				path: `/api/v2/${ZSOID}/sessions.json`,
				query: { listtype: 'upcoming', index: '1', count: '100' },
				body: null,
			},
			{ api: 'v2', method: 'GET', path: '/api/v2/meetings', query: { per_page: '100' }, body: null },
		]);
	});

	it('keeps OAuth and the clock the same in both', async () => {
		await h.admin.setApi('organization');
		const { refresh_token } = await h.admin.issueTokens();
		const refreshed = await h.refresh(refresh_token ?? '');
		expect(refreshed.body.access_token).toMatch(/^1000\./);
		const before = (await h.admin.clock()).nowMs;
		expect((await h.admin.advanceClock(60)).nowMs).toBeGreaterThanOrEqual(before + 60_000);
	});
});
