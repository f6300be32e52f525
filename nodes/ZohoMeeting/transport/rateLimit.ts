/**
 * Rate-limit and retry policy, kept free of n8n so it can be unit tested.
 *
 * Zoho Meeting limits calls per minute and per day by plan (spec "Rate Limits") and
 * reports the window on every response: `X-RateLimit-Limit`, `X-RateLimit-Remaining`
 * and `X-RateLimit-Reset` (epoch seconds).
 */

/** Longest wait for a window to reset; a longer one (a spent daily quota) fails at once. */
export const MAX_RATE_LIMIT_WAIT_MS = 65_000;
/** How often one request may meet a 429 before the error reaches the user. */
export const MAX_RATE_LIMIT_TRIES = 6;
/** Retries of an idempotent request after a 5xx or a connection failure. */
export const MAX_TRANSIENT_RETRIES = 3;
export const BACKOFF_BASE_MS = 500;

export type Headers = Record<string, unknown>;

function header(headers: Headers | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value[0] === undefined ? undefined : String(value[0]);
	return value === undefined || value === null ? undefined : String(value);
}

/**
 * When the current window resets, in epoch ms: from `X-RateLimit-Reset` (epoch seconds,
 * as the spec says; a small number is read as seconds from now), else `Retry-After`
 * (seconds or an HTTP date).
 */
export function resetTimeMs(headers: Headers | undefined, now: number): number | undefined {
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		// Values below ~year 2001 in seconds cannot be epoch times: treat as a delta.
		return reset < 1_000_000_000 ? now + reset * 1000 : reset * 1000;
	}
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return now + Math.max(0, seconds) * 1000;
		const date = Date.parse(retryAfter);
		if (Number.isFinite(date)) return date;
	}
	return undefined;
}

export function remainingCalls(headers: Headers | undefined): number | undefined {
	const value = header(headers, 'x-ratelimit-remaining');
	if (value === undefined || value.trim() === '') return undefined;
	const remaining = Number(value);
	return Number.isFinite(remaining) ? remaining : undefined;
}

/** What one account's last response said about its window. */
export interface WindowState {
	remaining?: number;
	resetAt?: number;
}

/**
 * Windows by account (credential), shared by every execution in this n8n process so
 * that parallel items and workflows of one account see the same budget.
 */
const windows = new Map<string, WindowState>();

export function recordWindow(account: string, headers: Headers | undefined, now: number) {
	const remaining = remainingCalls(headers);
	if (remaining === undefined) return;
	windows.set(account, { remaining, resetAt: resetTimeMs(headers, now) });
}

/**
 * How long to wait before the next call so as not to provoke a 429: until the reset
 * when the last response said no calls remain, else 0.
 */
export function waitBeforeCall(account: string, now: number): number {
	const state = windows.get(account);
	if (!state || state.remaining === undefined || state.remaining > 0 || !state.resetAt) return 0;
	const wait = state.resetAt - now;
	if (wait <= 0) {
		windows.delete(account);
		return 0;
	}
	return Math.min(wait, MAX_RATE_LIMIT_WAIT_MS);
}

/** Called after a wait so that the next caller does not wait for the same reset again. */
export function forgetWindow(account: string) {
	windows.delete(account);
}

/**
 * Wait after a 429. Without any reset header the wait backs off from one second;
 * with one, it is the time to the reset plus a small margin for clock skew.
 */
export function waitAfter429(headers: Headers | undefined, attempt: number, now: number): number {
	const resetAt = resetTimeMs(headers, now);
	if (resetAt === undefined) return Math.min(1000 * 2 ** attempt, MAX_RATE_LIMIT_WAIT_MS);
	return Math.max(0, resetAt - now) + 250;
}

export function backoffMs(attempt: number): number {
	return BACKOFF_BASE_MS * 2 ** attempt;
}

/** How long one request may go unanswered before it counts as a connection failure. */
export const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The request timeout, looked up per request like the back-off above rather than
 * inlined, so that a reliability test can shorten it (jest.spyOn) instead of waiting a
 * minute for every slow response it simulates.
 */
export function requestTimeoutMs(): number {
	return REQUEST_TIMEOUT_MS;
}

/** Connection-level failures worth another try for an idempotent request. */
const TRANSIENT_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'ERR_BAD_RESPONSE',
]);

export function isTransient(status: number | undefined, code: string | undefined): boolean {
	if (status !== undefined) return status >= 500 && status <= 599;
	return code !== undefined && TRANSIENT_CODES.has(code);
}

/** PUT and DELETE are idempotent (spec "HTTP Methods"); POST and PATCH are not. */
export function isIdempotent(method: string): boolean {
	return ['GET', 'HEAD', 'PUT', 'DELETE'].includes(method.toUpperCase());
}
