import type { Failure } from './errors';
import { MAX_RATE_LIMIT_WAIT_MS, waitAfter429 } from './rateLimit';

/** How often one request may meet a 429 before the error reaches the user. */
export const MAX_RATE_LIMIT_TRIES = 6;
/** Retries of an idempotent request after a 5xx, a broken answer or a connection failure. */
export const MAX_TRANSIENT_RETRIES = 3;
const BACKOFF_BASE_MS = 500;

export const backoffMs = (attempt: number) => BACKOFF_BASE_MS * 2 ** attempt;

/** What a request has been through so far. */
export interface Attempts {
	/** Safe to send twice: GET, PUT, DELETE (unless the request says otherwise). */
	idempotent: boolean;
	rateLimited: number;
	transient: number;
	/** Whether it was already sent again after a refused token refresh. */
	refreshRetried: boolean;
	/** Whether the token was already refreshed for it after Zoho refused the token. */
	tokenRefreshed?: boolean;
}

export type RetryDecision =
	| { action: 'fail' }
	/** Wait out the rate-limit window, then send again. */
	| { action: 'waitForWindow'; ms: number }
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
 * The retry policy, pure: what to do after `failure`, given the attempts so far. A
 * request that is not idempotent is never sent twice after Zoho may have acted on it;
 * only a refused token (Zoho did nothing) sends it again.
 */
export function retryDecision(failure: Failure, attempts: Attempts, now: number): RetryDecision {
	if (failure.tokenRejected && !attempts.tokenRefreshed) return { action: 'refreshToken' };
	if (failure.refreshFailed && !attempts.refreshRetried) return { action: 'retryIfTokenRefreshed' };
	if (failure.status === 429 && attempts.rateLimited < MAX_RATE_LIMIT_TRIES - 1) {
		const ms = waitAfter429(failure.headers, attempts.rateLimited, now);
		if (ms <= MAX_RATE_LIMIT_WAIT_MS) return { action: 'waitForWindow', ms };
	}
	if (attempts.idempotent && isTransient(failure) && attempts.transient < MAX_TRANSIENT_RETRIES) {
		return { action: 'backOff', ms: backoffMs(attempts.transient) };
	}
	return { action: 'fail' };
}
