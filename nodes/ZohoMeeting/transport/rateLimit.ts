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
const BACKOFF_BASE_MS = 500;

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

function remainingCalls(headers: Headers | undefined): number | undefined {
	const value = header(headers, 'x-ratelimit-remaining');
	if (value === undefined || value.trim() === '') return undefined;
	const remaining = Number(value);
	return Number.isFinite(remaining) ? remaining : undefined;
}

function limitCalls(headers: Headers | undefined): number | undefined {
	const limit = Number(header(headers, 'x-ratelimit-limit'));
	return Number.isFinite(limit) && limit > 0 ? limit : undefined;
}

/**
 * One account's budget as this n8n process sees it: what the last answers said about the
 * window, minus the calls sent since that have no answer yet.
 */
export interface WindowState {
	/** Calls this process may still send in the window, calls in flight already deducted. */
	remaining?: number;
	resetAt?: number;
	/** Calls per window (`X-RateLimit-Limit`): the budget once the window has reset. */
	limit?: number;
	inFlight: number;
	/** When this process last saw the window end: answers to calls sent before are about the old one. */
	rolledAt?: number;
}

/**
 * Windows by account (credential), shared by every execution in this n8n process so
 * that parallel items and workflows of one account draw on the same budget.
 */
const windows = new Map<string, WindowState>();
/** Callers waiting for an answer to learn when a spent window resets (see `startCall`). */
const waiting = new Map<string, Array<() => void>>();

function stateOf(account: string): WindowState {
	let state = windows.get(account);
	if (!state) {
		state = { inFlight: 0 };
		windows.set(account, state);
	}
	return state;
}

/**
 * The window is over: a new one starts with its full budget (or an unknown one), less
 * the calls still in flight, which the server may count in the new window.
 */
function roll(state: WindowState, now: number) {
	state.remaining = state.limit === undefined ? undefined : state.limit - state.inFlight;
	state.resetAt = undefined;
	state.rolledAt = now;
}

/** What an answer's rate-limit headers say, for a call sent at `sentAt`. */
export function recordWindow(account: string, headers: Headers | undefined, now: number, sentAt = now) {
	const remaining = remainingCalls(headers);
	if (remaining === undefined) return;
	const state = stateOf(account);
	if (state.rolledAt !== undefined && sentAt < state.rolledAt) return;
	const resetAt = resetTimeMs(headers, now);
	const limit = limitCalls(headers);
	// The server counted this call and perhaps some of those still in flight; taking it
	// that it counted none of them errs on the side of waiting, never of a 429.
	const estimate = remaining - state.inFlight;
	// Within one window an answer can only lower the budget (answers overtake each other);
	// a new reset time or a new limit (another plan) starts over from this answer.
	const sameWindow =
		resetAt !== undefined &&
		resetAt === state.resetAt &&
		(limit === undefined || limit === state.limit) &&
		state.remaining !== undefined;
	state.remaining = sameWindow ? Math.min(state.remaining as number, estimate) : estimate;
	state.resetAt = resetAt;
	state.limit = limit ?? state.limit;
}

/**
 * How long to wait before the next call so as not to provoke a 429: until the reset
 * when the window's calls are used up (or promised to calls in flight), else 0.
 */
export function waitBeforeCall(account: string, now: number): number {
	const state = windows.get(account);
	if (!state) return 0;
	if (state.resetAt !== undefined && now >= state.resetAt) roll(state, now);
	if (state.remaining === undefined || state.remaining > 0 || state.resetAt === undefined) return 0;
	return Math.min(state.resetAt - now, MAX_RATE_LIMIT_WAIT_MS);
}

/** The reset a caller is about to wait for, to hand to `windowPassed` afterwards. */
export function resetOf(account: string): number | undefined {
	return windows.get(account)?.resetAt;
}

/**
 * Called after a wait for the reset `resetAt`: that window is over, so the next caller
 * does not wait for it again. An answer that arrived meanwhile already told the new one.
 */
export function windowPassed(account: string, resetAt: number | undefined, now: number) {
	const state = windows.get(account);
	if (state && resetAt !== undefined && state.resetAt === resetAt) roll(state, now);
}

/**
 * Takes one call of the budget right before it is sent (after `waitBeforeCall`). False
 * when the budget is spent and the reset is not known yet, but a call in flight will
 * tell: wait for its answer (`nextAnswer`) instead of risking a 429.
 */
export function startCall(account: string): boolean {
	const state = stateOf(account);
	const spent = state.remaining !== undefined && state.remaining <= 0;
	if (spent && state.resetAt === undefined && state.inFlight > 0) return false;
	state.inFlight++;
	if (state.remaining !== undefined) state.remaining--;
	return true;
}

/** Settles a call that `startCall` let go at `sentAt`, with the headers of its answer. */
export function finishCall(account: string, headers: Headers | undefined, now: number, sentAt: number) {
	const state = stateOf(account);
	state.inFlight = Math.max(0, state.inFlight - 1);
	recordWindow(account, headers, now, sentAt);
	const waiters = waiting.get(account) ?? [];
	waiting.delete(account);
	for (const wake of waiters) wake();
}

/** Resolves when the next call of the account is answered. */
export function nextAnswer(account: string): Promise<void> {
	return new Promise((resolve) => {
		waiting.set(account, [...(waiting.get(account) ?? []), resolve]);
	});
}

/** Forgets what this process knows of an account's window (a test's fresh start). */
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
const REQUEST_TIMEOUT_MS = 60_000;

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
