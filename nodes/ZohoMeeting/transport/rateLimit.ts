import { systemClock, type Clock } from './clock';
import { headerOf, type Headers } from './headers';

/**
 * Zoho Meeting limits calls per minute and per day by plan and reports the window on
 * every answer: `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`
 * (epoch seconds; docs/api-contract.md, "Rate limits").
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

function numberHeader(headers: Headers | undefined, name: string): number | undefined {
	const text = headerOf(headers, name);
	if (text === undefined || text.trim() === '') return undefined;
	const value = Number(text);
	return Number.isFinite(value) ? value : undefined;
}

/**
 * One account's budget as this n8n process sees it: what the last answers said about the
 * window, minus the calls sent since that have no answer yet. Every call of the account
 * in the process (parallel items, other workflows) draws on it, so parallel calls wait
 * for a reset together instead of each provoking its own 429.
 */
export class AccountBudget {
	/** Calls this process may still send in the window, calls in flight already deducted. */
	private remaining?: number;
	private resetAt?: number;
	/** Calls per window (`X-RateLimit-Limit`): the budget once the window has reset. */
	private limit?: number;
	private inFlight = 0;
	/** When this process last saw the window end: answers to calls sent before are about the old one. */
	private rolledAt?: number;
	private waiting: Array<() => void> = [];

	constructor(private readonly clock: Clock = systemClock) {}

	/**
	 * Waits until the window has room for one more call and takes it; returns when it was
	 * taken, for `finishCall`. Aborting the signal ends the wait.
	 */
	async takeCall(signal?: AbortSignal): Promise<number> {
		for (;;) {
			const wait = this.waitBeforeCall(this.clock.now());
			if (wait > 0) {
				await this.sleepThroughWindow(wait, signal);
			} else if (this.claimCall()) {
				return this.clock.now();
			} else {
				await this.nextAnswer(signal);
			}
		}
	}

	/** Settles a call taken at `sentAt` with the headers of its answer (none if it failed). */
	finishCall(headers: Headers | undefined, sentAt: number): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		this.recordAnswer(headers, this.clock.now(), sentAt);
		const waiters = this.waiting;
		this.waiting = [];
		for (const wake of waiters) wake();
	}

	/** Waits `ms` for the current window to reset (after a 429), then starts the next one. */
	async sleepThroughWindow(ms: number, signal?: AbortSignal): Promise<void> {
		const resetAt = this.resetAt;
		await this.clock.sleep(ms, signal);
		// That window is over, so the next caller does not wait for it again; an answer that
		// arrived meanwhile already told the new one.
		if (resetAt !== undefined && this.resetAt === resetAt) this.rollWindow(this.clock.now());
	}

	/** What an answer's rate-limit headers say, for a call sent at `sentAt`. */
	recordAnswer(headers: Headers | undefined, now: number, sentAt = now): void {
		const remaining = numberHeader(headers, 'x-ratelimit-remaining');
		if (remaining === undefined) return;
		if (this.rolledAt !== undefined && sentAt < this.rolledAt) return;
		const resetAt = resetTimeMs(headers, now);
		const limitHeader = numberHeader(headers, 'x-ratelimit-limit');
		const limit = limitHeader !== undefined && limitHeader > 0 ? limitHeader : undefined;
		// The server counted this call and perhaps some of those still in flight; taking it
		// that it counted none of them errs on the side of waiting, never of a 429.
		const estimate = remaining - this.inFlight;
		// Within one window an answer can only lower the budget (answers overtake each other);
		// a new reset time or a new limit (another plan) starts over from this answer.
		const sameWindow =
			resetAt !== undefined &&
			resetAt === this.resetAt &&
			(limit === undefined || limit === this.limit) &&
			this.remaining !== undefined;
		this.remaining = sameWindow ? Math.min(this.remaining as number, estimate) : estimate;
		this.resetAt = resetAt;
		this.limit = limit ?? this.limit;
	}

	/**
	 * How long to wait before the next call so as not to provoke a 429: until the reset
	 * when the window's calls are used up (or promised to calls in flight), else 0.
	 */
	waitBeforeCall(now: number): number {
		if (this.resetAt !== undefined && now >= this.resetAt) this.rollWindow(now);
		if (this.remaining === undefined || this.remaining > 0 || this.resetAt === undefined) return 0;
		return Math.min(this.resetAt - now, MAX_RATE_LIMIT_WAIT_MS);
	}

	/**
	 * Takes one call of the budget; false when the budget is spent and the reset is not
	 * known yet, but a call in flight will tell: wait for its answer instead of risking a 429.
	 */
	claimCall(): boolean {
		const spent = this.remaining !== undefined && this.remaining <= 0;
		if (spent && this.resetAt === undefined && this.inFlight > 0) return false;
		this.inFlight++;
		if (this.remaining !== undefined) this.remaining--;
		return true;
	}

	/** Resolves when the next call of the account is answered, or rejects when the signal aborts. */
	private async nextAnswer(signal?: AbortSignal): Promise<void> {
		signal?.throwIfAborted();
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => reject(signal?.reason);
			this.waiting.push(() => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			});
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}

	/** The window is over: a new one starts with its full budget, less the calls still in flight. */
	private rollWindow(now: number): void {
		this.remaining = this.limit === undefined ? undefined : this.limit - this.inFlight;
		this.resetAt = undefined;
		this.rolledAt = now;
	}
}
