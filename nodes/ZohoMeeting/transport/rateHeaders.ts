import { headerOf, type Headers } from './headers';

/**
 * What an answer says about the account's rate-limit window: Zoho Meeting reports it on
 * every answer as `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`
 * (epoch seconds; docs/api-contract.md, "Rate limits"), a 429 perhaps only as `Retry-After`.
 */

/** Longest wait for a window to reset; a longer one (a spent daily quota) fails at once. */
export const MAX_RATE_LIMIT_WAIT_MS = 65_000;

/**
 * When the current window resets, in epoch ms: from `X-RateLimit-Reset` (epoch seconds;
 * a small number is read as seconds from now), else `Retry-After` (seconds or an HTTP date).
 */
export function resetTimeMs(headers: Headers | undefined, now: number): number | undefined {
	const reset = Number(headerOf(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		// Values below ~year 2001 in seconds cannot be epoch times: treat as a delta.
		return reset < 1_000_000_000 ? now + reset * 1000 : reset * 1000;
	}
	const retryAfter = headerOf(headers, 'retry-after');
	if (retryAfter === undefined) return undefined;
	const seconds = Number(retryAfter);
	if (Number.isFinite(seconds)) return now + Math.max(0, seconds) * 1000;
	const date = Date.parse(retryAfter);
	return Number.isFinite(date) ? date : undefined;
}

/**
 * Wait after a 429: the time to the reset plus a margin for clock skew, or without any
 * reset header a back-off from one second.
 */
export function waitAfter429(headers: Headers | undefined, attempt: number, now: number): number {
	const resetAt = resetTimeMs(headers, now);
	if (resetAt === undefined) return Math.min(1000 * 2 ** attempt, MAX_RATE_LIMIT_WAIT_MS);
	return Math.max(0, resetAt - now) + 250;
}

export function numberHeader(headers: Headers | undefined, name: string): number | undefined {
	const text = headerOf(headers, name);
	if (text === undefined || text.trim() === '') return undefined;
	const value = Number(text);
	return Number.isFinite(value) ? value : undefined;
}

/** An answer as the budget reads it: its status (none when no answer came) and headers. */
export interface CallAnswer {
	status?: number;
	headers?: Headers;
}
