import { expectZohoError, Harness, sleep } from './helpers';

const header = (response: { headers: Headers }, name: string) => response.headers.get(name);

describe('sandbox rate limits (spec "Rate Limits")', () => {
	const h = new Harness();

	it('sends the limit headers with every API answer, errors included', async () => {
		const first = await h.api('GET', '/meetings');
		expect(header(first, 'x-ratelimit-limit')).toBe('300');
		expect(header(first, 'x-ratelimit-remaining')).toBe('299');
		const reset = Number(header(first, 'x-ratelimit-reset'));
		const now = Date.now() / 1000;
		expect(reset).toBeGreaterThan(now + 58);
		expect(reset).toBeLessThanOrEqual(Math.ceil(now + 60));

		const notFound = await h.api('GET', '/meetings/1');
		expect(notFound.status).toBe(404);
		expect(header(notFound, 'x-ratelimit-remaining')).toBe('298');
		const unauthenticated = await h.api('GET', '/meetings', { token: null });
		expect(unauthenticated.status).toBe(401);
		expect(header(unauthenticated, 'x-ratelimit-limit')).toBe('300');
		expect(header(unauthenticated, 'retry-after')).toBeNull();
	});

	it('takes the limits of the plan', async () => {
		for (const [plan, limit] of [
			['free', '20'],
			['standard', '60'],
			['professional', '120'],
			['enterprise', '300'],
		] as const) {
			await h.admin.setPlan(plan);
			expect(header(await h.api('GET', '/settings'), 'x-ratelimit-limit')).toBe(limit);
		}
		const config = await h.admin.setPlan('free');
		expect(config.limits).toEqual({ perWindow: 20, perDay: 1000, windowSeconds: 60 });
	});

	it("answers 429 past the window's limit, until the window resets", async () => {
		await h.admin.setLimits({ perWindow: 3, windowSeconds: 2 });
		const remaining = [];
		for (let i = 0; i < 3; i++)
			remaining.push(header(await h.api('GET', '/settings'), 'x-ratelimit-remaining'));
		expect(remaining).toEqual(['2', '1', '0']);

		const refused = await h.api('GET', '/settings');
		expectZohoError(refused, 429, 'RATE_LIMIT_EXCEEDED');
		expect(refused.body.error.message).toBe('Rate limit exceeded');
		expect(header(refused, 'x-ratelimit-remaining')).toBe('0');
		const retryAfter = Number(header(refused, 'retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(2);
		// A refused call is not counted: the next one is refused for the same window.
		expect((await h.api('GET', '/settings')).status).toBe(429);

		// The spec's retry loop: wait until X-RateLimit-Reset, then call again.
		const resetMs = Number(header(refused, 'x-ratelimit-reset')) * 1000;
		// Whole epoch seconds, rounded up: at most a second past the 2-second window.
		expect(resetMs - Date.now()).toBeLessThanOrEqual(3000);
		await sleep(Math.max(0, resetMs - Date.now()));
		const again = await h.api('GET', '/settings');
		expect(again.status).toBe(200);
		expect(header(again, 'x-ratelimit-remaining')).toBe('2');
	});

	it('counts per account, whichever token is used', async () => {
		await h.admin.setLimits({ perWindow: 3 });
		const other = (await h.admin.issueTokens()).access_token;
		await h.api('GET', '/settings');
		await h.api('GET', '/settings', { token: other });
		expect(header(await h.api('GET', '/settings'), 'x-ratelimit-remaining')).toBe('0');
		expect((await h.api('GET', '/settings', { token: other })).status).toBe(429);
	});

	it('enforces the daily limit too, reporting it once it binds', async () => {
		await h.admin.setLimits({ perDay: 2 });
		await h.api('GET', '/settings');
		const last = await h.api('GET', '/settings');
		expect(header(last, 'x-ratelimit-limit')).toBe('2');
		expect(header(last, 'x-ratelimit-remaining')).toBe('0');
		const refused = await h.api('GET', '/settings');
		expectZohoError(refused, 429, 'RATE_LIMIT_EXCEEDED');
		expect(Number(header(refused, 'retry-after'))).toBeGreaterThan(86_000);
	});

	it('leaves the OAuth and admin endpoints unlimited', async () => {
		await h.admin.setLimits({ perWindow: 1 });
		const pair = await h.admin.issueTokens();
		await h.api('GET', '/settings');
		expect((await h.api('GET', '/settings')).status).toBe(429);
		for (let i = 0; i < 3; i++) {
			const refreshed = await h.refresh(pair.refresh_token ?? '');
			expect(refreshed.headers.get('x-ratelimit-limit')).toBeNull();
			expect(refreshed.body.access_token).toMatch(/^1000\./);
		}
		expect((await h.admin.state()).config.limits.perWindow).toBe(1);
	});
});
