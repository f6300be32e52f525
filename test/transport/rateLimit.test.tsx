import type { Failure } from '../../nodes/ZohoMeeting/transport/errors';
import {
	AccountBudget,
	MAX_RATE_LIMIT_WAIT_MS,
	resetTimeMs,
	waitAfter429,
} from '../../nodes/ZohoMeeting/transport/rateLimit';
import {
	backoffMs,
	isIdempotentMethod,
	isTransient,
	MAX_RATE_LIMIT_TRIES,
	MAX_RATE_LIMIT_WAITING_MS,
	MAX_TRANSIENT_RETRIES,
	retryDecision,
	type Attempts,
} from '../../nodes/ZohoMeeting/transport/retry';
import { VirtualTime } from '../helpers/sharedAccount';

const now = 1_765_000_000_000;

describe('resetTimeMs', () => {
	it('reads X-RateLimit-Reset as epoch seconds, as the spec says', () => {
		expect(resetTimeMs({ 'x-ratelimit-reset': String(now / 1000 + 2) }, now)).toBe(now + 2000);
	});

	it('reads a small reset value as seconds from now', () => {
		expect(resetTimeMs({ 'x-ratelimit-reset': '3' }, now)).toBe(now + 3000);
	});

	it('falls back to Retry-After in seconds or as an HTTP date', () => {
		expect(resetTimeMs({ 'retry-after': '5' }, now)).toBe(now + 5000);
		const date = new Date(now + 7000).toUTCString();
		expect(resetTimeMs({ 'retry-after': date }, now)).toBe(Math.floor((now + 7000) / 1000) * 1000);
	});

	it('is undefined without either header', () => {
		expect(resetTimeMs({}, now)).toBeUndefined();
		expect(resetTimeMs(undefined, now)).toBeUndefined();
	});
});

describe('waitAfter429', () => {
	it('waits until the reset plus a margin', () => {
		expect(waitAfter429({ 'x-ratelimit-reset': String(now / 1000 + 2) }, 0, now)).toBe(2250);
	});

	it('backs off exponentially when the server names no reset, bounded', () => {
		expect(waitAfter429({}, 0, now)).toBe(1000);
		expect(waitAfter429({}, 2, now)).toBe(4000);
		expect(waitAfter429({}, 20, now)).toBe(MAX_RATE_LIMIT_WAIT_MS);
	});
});

describe('proactive waiting', () => {
	let time: VirtualTime;
	let budget: AccountBudget;
	/** The budget's first call, answered with `remaining` of 20 left and the window resetting `resetInMs` from now. */
	const answered = async (remaining: number, resetInMs: number) => {
		const sentAt = await budget.takeCall();
		const reset = String((time.now + resetInMs) / 1000);
		budget.finishCall({ status: 200, headers: { 'x-ratelimit-limit': '20', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': reset } }, sentAt);
	};
	/** When the next call goes, on the virtual clock. */
	const nextCallAt = async () => await time.run(budget.takeCall());
	beforeEach(() => {
		time = new VirtualTime();
		budget = new AccountBudget(time.clock);
	});

	it('waits for the reset once the window is spent, instead of provoking a 429', async () => {
		const start = time.now;
		await answered(0, 3000);
		expect(await nextCallAt()).toBe(start + 3000);
	});

	it('does not wait while calls remain', async () => {
		const start = time.now;
		await answered(19, 3000);
		expect(await nextCallAt()).toBe(start);
	});

	it('never waits longer than the maximum (a spent daily quota fails instead)', async () => {
		const start = time.now;
		await answered(0, 86_400_000);
		expect(await nextCallAt()).toBe(start + MAX_RATE_LIMIT_WAIT_MS);
	});
});

describe('retry classification', () => {
	it('retries 5xx and connection failures, not client errors', () => {
		expect(isTransient({ status: 503 })).toBe(true);
		expect(isTransient({ status: 500 })).toBe(true);
		expect(isTransient({ status: 404 })).toBe(false);
		expect(isTransient({ code: 'ECONNRESET' })).toBe(true);
		expect(isTransient({ code: 'EDEADLINE' })).toBe(true);
		expect(isTransient({ code: 'ERR_INVALID_URL' })).toBe(false);
	});

	it('never treats POST as idempotent', () => {
		expect(isIdempotentMethod('GET')).toBe(true);
		expect(isIdempotentMethod('PUT')).toBe(true);
		expect(isIdempotentMethod('DELETE')).toBe(true);
		expect(isIdempotentMethod('POST')).toBe(false);
		expect(isIdempotentMethod('PATCH')).toBe(false);
	});
});

describe('retryDecision', () => {
	const failure = (fields: Partial<Failure>): Failure => ({ message: 'x', refreshFailed: false, ...fields });
	const attempts = (fields: Partial<Attempts> = {}): Attempts => ({
		idempotent: true,
		rateLimited: 0,
		transient: 0,
		refreshRetried: false,
		...fields,
	});

	it('backs off a transient failure of an idempotent request, a bounded number of times', () => {
		expect(retryDecision(failure({ status: 503 }), attempts(), now)).toEqual({ action: 'backOff', ms: backoffMs(0) });
		expect(retryDecision(failure({ status: 503 }), attempts({ transient: MAX_TRANSIENT_RETRIES }), now)).toEqual({ action: 'fail' });
	});

	it('never sends a request that is not idempotent again after a 5xx or a lost answer', () => {
		for (const broken of [failure({ status: 502 }), failure({ code: 'ECONNRESET' }), failure({ status: 201, malformed: true })]) {
			expect(retryDecision(broken, attempts({ idempotent: false }), now)).toEqual({ action: 'fail' });
		}
	});

	it('waits out a 429 for any method, until the tries run out or the wait is too long', () => {
		const headers = { 'retry-after': '2' };
		expect(retryDecision(failure({ status: 429, headers }), attempts({ idempotent: false }), now)).toEqual({
			action: 'waitForWindow',
			ms: 2250,
			counts: true,
			resetAt: now + 2000,
		});
		expect(retryDecision(failure({ status: 429, headers }), attempts({ rateLimited: MAX_RATE_LIMIT_TRIES - 1 }), now)).toEqual({ action: 'fail' });
		expect(retryDecision(failure({ status: 429, headers: { 'retry-after': '86400' } }), attempts(), now)).toEqual({ action: 'fail' });
	});

	describe('a 429 while other callers share the window', () => {
		const refused = (resetInSeconds: number) =>
			failure({ status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + resetInSeconds) } });
		const spent = attempts({ rateLimited: MAX_RATE_LIMIT_TRIES - 1, refusedUntil: now - 1000 });

		it('does not use up a try when it names a new window: the others took this one', () => {
			expect(retryDecision(refused(2), spent, now, true)).toEqual({ action: 'waitForWindow', ms: 2250, counts: false, resetAt: now + 2000 });
		});

		it('uses up a try when no other caller was seen (a server that keeps refusing)', () => {
			expect(retryDecision(refused(2), spent, now, false)).toEqual({ action: 'fail' });
		});

		it('uses up a try when it names the window the request was refused in before', () => {
			const again = attempts({ rateLimited: MAX_RATE_LIMIT_TRIES - 1, refusedUntil: now + 2000 });
			expect(retryDecision(refused(2), again, now, true)).toEqual({ action: 'fail' });
			expect(retryDecision(refused(2), { ...again, rateLimited: 0 }, now, true)).toMatchObject({ action: 'waitForWindow', counts: true });
		});

		it('gives up once the request has waited out 429s for the longest total wait', () => {
			const long = attempts({ rateLimitWaitedMs: MAX_RATE_LIMIT_WAITING_MS - 2000, refusedUntil: now - 1000 });
			expect(retryDecision(refused(2), long, now, true)).toEqual({ action: 'fail' });
			expect(retryDecision(refused(1), long, now, true)).toMatchObject({ action: 'waitForWindow', counts: false });
		});

		it('still fails at once for a spent daily quota', () => {
			expect(retryDecision(refused(86_400), attempts(), now, true)).toEqual({ action: 'fail' });
		});
	});

	it('sends once more after a refused refresh, only if another request refreshed the token', () => {
		expect(retryDecision(failure({ refreshFailed: true }), attempts({ idempotent: false }), now)).toEqual({ action: 'retryIfTokenRefreshed' });
		expect(retryDecision(failure({ refreshFailed: true }), attempts({ refreshRetried: true }), now)).toEqual({ action: 'fail' });
	});
});
