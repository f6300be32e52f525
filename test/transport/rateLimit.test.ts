import {
	forgetWindow,
	isIdempotent,
	isTransient,
	MAX_RATE_LIMIT_WAIT_MS,
	recordWindow,
	resetTimeMs,
	waitAfter429,
	waitBeforeCall,
} from '../../nodes/ZohoMeeting/transport/rateLimit';

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
	afterEach(() => forgetWindow('account'));

	it('waits for the reset once the window is spent, instead of provoking a 429', () => {
		recordWindow('account', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3) }, now);
		expect(waitBeforeCall('account', now)).toBe(3000);
		expect(waitBeforeCall('account', now + 3000)).toBe(0);
	});

	it('does not wait while calls remain', () => {
		recordWindow('account', { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': String(now / 1000 + 3) }, now);
		expect(waitBeforeCall('account', now)).toBe(0);
	});

	it('never waits longer than the maximum (a spent daily quota fails instead)', () => {
		recordWindow('account', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 86_400) }, now);
		expect(waitBeforeCall('account', now)).toBe(MAX_RATE_LIMIT_WAIT_MS);
	});
});

describe('retry classification', () => {
	it('retries 5xx and connection failures, not client errors', () => {
		expect(isTransient(503, undefined)).toBe(true);
		expect(isTransient(500, undefined)).toBe(true);
		expect(isTransient(404, undefined)).toBe(false);
		expect(isTransient(undefined, 'ECONNRESET')).toBe(true);
		expect(isTransient(undefined, 'ERR_INVALID_URL')).toBe(false);
	});

	it('never treats POST as idempotent', () => {
		expect(isIdempotent('GET')).toBe(true);
		expect(isIdempotent('PUT')).toBe(true);
		expect(isIdempotent('DELETE')).toBe(true);
		expect(isIdempotent('POST')).toBe(false);
		expect(isIdempotent('PATCH')).toBe(false);
	});
});
