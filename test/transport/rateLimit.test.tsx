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
	MAX_TRANSIENT_RETRIES,
	retryDecision,
	type Attempts,
} from '../../nodes/ZohoMeeting/transport/retry';

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
	let budget: AccountBudget;
	beforeEach(() => (budget = new AccountBudget()));

	it('waits for the reset once the window is spent, instead of provoking a 429', () => {
		budget.recordAnswer({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3) }, now);
		expect(budget.waitBeforeCall(now)).toBe(3000);
		expect(budget.waitBeforeCall(now + 3000)).toBe(0);
	});

	it('does not wait while calls remain', () => {
		budget.recordAnswer({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': String(now / 1000 + 3) }, now);
		expect(budget.waitBeforeCall(now)).toBe(0);
	});

	it('never waits longer than the maximum (a spent daily quota fails instead)', () => {
		budget.recordAnswer({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 86_400) }, now);
		expect(budget.waitBeforeCall(now)).toBe(MAX_RATE_LIMIT_WAIT_MS);
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
		expect(retryDecision(failure({ status: 429, headers }), attempts({ idempotent: false }), now)).toEqual({ action: 'waitForWindow', ms: 2250 });
		expect(retryDecision(failure({ status: 429, headers }), attempts({ rateLimited: MAX_RATE_LIMIT_TRIES - 1 }), now)).toEqual({ action: 'fail' });
		expect(retryDecision(failure({ status: 429, headers: { 'retry-after': '86400' } }), attempts(), now)).toEqual({ action: 'fail' });
	});

	it('sends once more after a refused refresh, only if another request refreshed the token', () => {
		expect(retryDecision(failure({ refreshFailed: true }), attempts({ idempotent: false }), now)).toEqual({ action: 'retryIfTokenRefreshed' });
		expect(retryDecision(failure({ refreshFailed: true }), attempts({ refreshRetried: true }), now)).toEqual({ action: 'fail' });
	});
});
