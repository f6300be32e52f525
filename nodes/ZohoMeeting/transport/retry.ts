import type { Failure } from './errors';
import { MAX_RATE_LIMIT_WAIT_MS, resetTimeMs, waitAfter429 } from './rateLimit';

/** How often one request may meet a 429 that is not contention before the error reaches the user. */
export const MAX_RATE_LIMIT_TRIES = 6;
/** How long one request may wait out 429s in all, contention included. */
export const MAX_RATE_LIMIT_WAITING_MS = MAX_RATE_LIMIT_TRIES * MAX_RATE_LIMIT_WAIT_MS;
/** Retries of an idempotent request after a 5xx, a broken answer or a connection failure. */
export const MAX_TRANSIENT_RETRIES = 3;
const BACKOFF_BASE_MS = 500;

export const backoffMs = (attempt: number) => BACKOFF_BASE_MS * 2 ** attempt;

/** What a request has been through so far. */
export interface Attempts {
	/** Safe to send twice: GET, PUT, DELETE (unless the request says otherwise). */
	idempotent: boolean;
	/** 429s that counted against `MAX_RATE_LIMIT_TRIES`. */
	rateLimited: number;
	/** Time waited out after 429s so far. */
	rateLimitWaitedMs?: number;
	/** The reset the last 429 named: a 429 naming a later one came in another window. */
	refusedUntil?: number;
	transient: number;
	/** Whether it was already sent again after a refused token refresh. */
	refreshRetried: boolean;
	/** Whether the token was already refreshed for it after Zoho refused the token. */
	tokenRefreshed?: boolean;
}

export type RetryDecision =
	| { action: 'fail' }
	/**
	 * Wait out the rate-limit window, then send again; `counts` when the 429 uses up one of
	 * the tries (not contention), `resetAt` the reset it named.
	 */
	| { action: 'waitForWindow'; ms: number; counts: boolean; resetAt?: number }
	/** Back off, then send again. */
	| { action: 'backOff'; ms: number }
	/** Send again only if another request stored a new token meanwhile. */
	| { action: 'retryIfTokenRefreshed' }
	/** Have n8n refresh the token, then send again. */
	| { action: 'refreshToken' };

/** Connection-level failures worth another try for an idempotent request. */
const TRANSIENT_CODES: readonly string[] = [
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
	'ERR_STREAM_PREMATURE_CLOSE',
	'EDEADLINE',
];

export function isTransient(failure: Pick<Failure, 'status' | 'code' | 'malformed'>): boolean {
	if (failure.malformed) return true;
	if (failure.status !== undefined) return failure.status >= 500 && failure.status <= 599;
	return failure.code !== undefined && TRANSIENT_CODES.includes(failure.code);
}

/** PUT and DELETE are idempotent (docs/api-contract.md, "Methods"); POST and PATCH are not. */
export const isIdempotentMethod = (method: string) => ['GET', 'HEAD', 'PUT', 'DELETE'].includes(method.toUpperCase());

/**
 * A 429 after a reset, in a window this request was not refused in before, while other
 * callers of the account are seen (queue-mode workers, another app): the window went to
 * them, and the next one will have room. That is contention, not a server that keeps
 * refusing, so it does not use up a try; the total wait is bounded instead.
 */
function waitForWindow(failure: Failure, attempts: Attempts, now: number, othersCalling: boolean): RetryDecision | undefined {
	const ms = waitAfter429(failure.headers, attempts.rateLimited, now);
	// A spent daily quota resets hours away: fail at once and name the reset.
	if (ms > MAX_RATE_LIMIT_WAIT_MS || (attempts.rateLimitWaitedMs ?? 0) + ms > MAX_RATE_LIMIT_WAITING_MS) return undefined;
	const resetAt = resetTimeMs(failure.headers, now);
	const newWindow = resetAt !== undefined && (attempts.refusedUntil === undefined || resetAt > attempts.refusedUntil);
	const counts = !(othersCalling && newWindow);
	if (counts && attempts.rateLimited >= MAX_RATE_LIMIT_TRIES - 1) return undefined;
	return { action: 'waitForWindow', ms, counts, resetAt };
}

/**
 * The retry policy, pure: what to do after `failure`, given the attempts so far and
 * whether other callers of the account were seen lately (`AccountBudget.othersCalling`).
 * A request that is not idempotent is never sent twice after Zoho may have acted on it;
 * only a refused token (Zoho did nothing) sends it again.
 */
export function retryDecision(failure: Failure, attempts: Attempts, now: number, othersCalling = false): RetryDecision {
	if (failure.tokenRejected && !attempts.tokenRefreshed) return { action: 'refreshToken' };
	if (failure.refreshFailed && !attempts.refreshRetried) return { action: 'retryIfTokenRefreshed' };
	if (failure.status === 429) {
		const wait = waitForWindow(failure, attempts, now, othersCalling);
		if (wait) return wait;
	}
	if (attempts.idempotent && isTransient(failure) && attempts.transient < MAX_TRANSIENT_RETRIES) {
		return { action: 'backOff', ms: backoffMs(attempts.transient) };
	}
	return { action: 'fail' };
}
