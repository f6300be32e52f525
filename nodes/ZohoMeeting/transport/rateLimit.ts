import { systemClock, type Clock } from './clock';
import { CallerCount, quotaOf } from './rateCallers';
import { MAX_RATE_LIMIT_WAIT_MS, numberHeader, resetTimeMs, type CallAnswer } from './rateHeaders';

export { MAX_RATE_LIMIT_WAIT_MS, resetTimeMs, waitAfter429, type CallAnswer } from './rateHeaders';

/**
 * Zoho Meeting limits calls per minute and per day by plan (rateHeaders.ts). The window
 * belongs to the account, and in n8n's queue mode several processes (workers)
 * may call one account at once with nothing shared between them but that window at Zoho.
 * So the budget below trusts the server over its own count, and divides the window among
 * the callers it can infer from the server's answers, without their knowing of each other:
 *
 * - After a reset the window is unknown until one call (the probe) is answered; the other
 *   calls of the process wait for that answer. Every process that is waiting probes at the
 *   same reset, so the probes reach the server together, before anyone's second call: a
 *   probe answered with `Remaining` = limit − k was the k-th, so at least k callers share
 *   the window.
 * - Calls the server counted that were neither this process's nor still in flight from it
 *   were other callers'. Each answer shows how many; when they are more than the callers
 *   believed in could have sent, there are more callers.
 * - With N callers, each may send `floor(limit / N)` calls in a window (its quota), and
 *   never more than `Remaining` leaves after the quotas the others have not used yet.
 *   If every process's N is at least the true number, the quotas add up to at most the
 *   limit, and however stale an answer, no call is refused.
 * - N is the largest of the last eight windows' evidence, so it rises at once and falls
 *   only when several windows in a row showed fewer callers. A 429 is a guess of one
 *   caller more, kept for two windows: the calls counted show a real one by then. A
 *   process alone has N = 1 and, as before, uses the whole window; its first calls of a
 *   window go a few at a time until the answers have shown whether others are calling.
 */

/** How long calls wait for the probe's answer before another call probes instead. */
const PROBE_PATIENCE_MS = 5_000;
/** Alone, the first calls of a window: at most this part of `Remaining` before answers tell of others. */
const FIRST_BURST = 1 / 4;
/** A probe sent this soon after the reset met the other callers' probes, if they were waiting too. */
const PROBE_AT_RESET_MS = 200;

/** The next call goes, sleeps `ms` toward the reset, or waits up to `ms` for an answer in flight. */
type Step = { next: 'go' } | { next: 'sleep' | 'answer'; ms: number };
const GO: Step = { next: 'go' };


/**
 * One account's budget as this n8n process sees it. Every call of the account in the
 * process (parallel items, other workflows) draws on it, so parallel calls wait for a
 * reset together instead of each provoking its own 429; and it shares the window with
 * other processes as the comment at the top of this file explains.
 */
export class AccountBudget {
	/** Calls per window (`X-RateLimit-Limit`); undefined while the server has not said it limits. */
	private limit?: number;
	/** What the server last said is left in the window (the lowest answer); undefined after a reset until the probe's answer. */
	private remaining?: number;
	private resetAt?: number;
	/** The reset of the window that ended last: answers naming it (or an earlier one) come late. */
	private endedReset?: number;
	/** When this process last saw a window end: answers without a reset to calls sent before are about the old one. */
	private rolledAt?: number;
	/** When the probe of the current window went, while it is out. */
	private probeSentAt?: number;
	/** The probe went right at the reset: its answer's rank counts the callers waiting for it. */
	private probedAtReset = false;
	private inFlight = 0;
	/** Calls this process sent in the current window, those still out from the last one included. */
	private used = 0;
	private readonly share = new CallerCount();
	private waiting: Array<() => void> = [];

	constructor(private readonly clock: Clock = systemClock) {}

	/**
	 * Waits until the window has room for one more call and takes it; returns when it was
	 * taken, for `finishCall`. Aborting the signal ends the wait.
	 */
	async takeCall(signal?: AbortSignal): Promise<number> {
		for (;;) {
			signal?.throwIfAborted();
			const now = this.clock.now();
			const step = this.nextStep(now);
			if (step.next === 'go') {
				this.inFlight++;
				this.used++;
				return now;
			}
			if (step.next === 'sleep') await this.sleepThroughWindow(step.ms, signal);
			else await this.nextAnswer(step.ms, signal);
		}
	}

	/** Settles a call taken at `sentAt` with its answer (no status and headers if none came). */
	finishCall(answer: CallAnswer | undefined, sentAt: number): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		this.recordAnswer(answer, this.clock.now(), sentAt);
		const waiters = this.waiting;
		this.waiting = [];
		for (const wake of waiters) wake();
	}

	/**
	 * Waits `ms` for the window to reset (after a 429, or when the window is spent). A wait
	 * cut short at the longest allowed (a daily quota) ends the window all the same, so the
	 * next call goes and its refusal names the reset, instead of waiting without end.
	 */
	async sleepThroughWindow(ms: number, signal?: AbortSignal): Promise<void> {
		const resetAt = this.resetAt;
		await this.clock.sleep(ms, signal);
		if (resetAt !== undefined && this.resetAt === resetAt && ms >= MAX_RATE_LIMIT_WAIT_MS) this.endWindow(this.clock.now());
	}

	/** How many callers share the account's window, as far as the answers showed (1: this process alone). */
	get callers(): number {
		return this.share.callers;
	}

	/**
	 * Whether this process's answers in the current window showed other callers' calls: a
	 * 429 in it is contention. A 429 in a window of which nothing else was heard (a server
	 * refusing every call, each time with a new reset) is not.
	 */
	othersCalling(): boolean {
		return this.share.othersSeen;
	}

	/** What to do for the next call: send it, sleep toward the reset, or wait for an answer in flight. */
	private nextStep(now: number): Step {
		if (this.resetAt !== undefined && now >= this.resetAt) this.endWindow(now);
		const { remaining, limit, resetAt } = this;
		if (remaining === undefined) {
			// The server has not said it limits the account: nothing to share.
			if (limit === undefined) return GO;
			if (this.probeSentAt === undefined || now - this.probeSentAt >= PROBE_PATIENCE_MS) {
				const sinceReset = now - (this.endedReset ?? -Infinity);
				this.probedAtReset = this.probeSentAt === undefined && this.used === 0 && sinceReset >= 0 && sinceReset < PROBE_AT_RESET_MS;
				this.probeSentAt = now;
				return GO;
			}
			return { next: 'answer', ms: this.probeSentAt + PROBE_PATIENCE_MS - now };
		}
		const room = this.room(remaining);
		if (room >= 1 && this.inFlight < this.burst(remaining)) return GO;
		if (room >= 1) return { next: 'answer', ms: Infinity };
		// Answers do not make room within a window: only the reset does.
		if (resetAt !== undefined) return { next: 'sleep', ms: Math.min(resetAt - now, MAX_RATE_LIMIT_WAIT_MS) };
		// No reset told: the next answer may; with none out, a call has to ask.
		return this.inFlight === 0 ? GO : { next: 'answer', ms: Infinity };
	}

	/**
	 * Calls this process may still send in the window: what `Remaining` leaves after its
	 * calls in flight and what the other callers may still send of their quotas, and with
	 * other callers, no more than its own quota.
	 */
	private room(remaining: number): number {
		const { limit } = this;
		const counted = this.share.counted;
		const free = remaining - this.inFlight;
		if (limit === undefined || counted === undefined) return free;
		const callers = this.callers;
		if (callers === 1) return free;
		const quota = quotaOf(limit, callers);
		const others = limit - remaining - counted;
		const theirs = Math.max(0, (callers - 1) * quota - others);
		return Math.min(quota - this.used, free - theirs);
	}

	/** Alone so far, the first calls of a window go a few at a time, so that others' calls show before a burst. */
	private burst(remaining: number): number {
		const counted = this.share.counted;
		if (counted === undefined || this.callers > 1) return Infinity;
		return Math.max(counted + 1, Math.floor(remaining * FIRST_BURST));
	}

	/** What an answer's rate-limit headers say, for a call sent at `sentAt`. */
	private recordAnswer(answer: CallAnswer | undefined, now: number, sentAt: number): void {
		const headers = answer?.headers;
		const remaining = numberHeader(headers, 'x-ratelimit-remaining');
		if (remaining === undefined) {
			// The probe told nothing: the next call probes. An answer without the headers after a
			// reset means the server no longer says it limits; no answer at all means nothing.
			if (this.remaining === undefined) {
				this.probeSentAt = undefined;
				if (answer?.status !== undefined && answer.status < 400) this.limit = undefined;
			}
			return;
		}
		const resetAt = resetTimeMs(headers, now);
		if (resetAt === undefined ? this.rolledAt !== undefined && sentAt < this.rolledAt : this.endedReset !== undefined && resetAt <= this.endedReset) return;
		const limitHeader = numberHeader(headers, 'x-ratelimit-limit');
		const limit = limitHeader !== undefined && limitHeader > 0 ? limitHeader : undefined;
		// Within one window an answer can only lower what is left (answers overtake each other);
		// a new reset or a new limit (another plan) starts over from this answer.
		const sameWindow =
			resetAt !== undefined && resetAt === this.resetAt && (limit === undefined || limit === this.limit) && this.remaining !== undefined;
		if (!sameWindow) this.startWindow(resetAt, limit ?? this.limit);
		this.remaining = sameWindow ? Math.min(this.remaining as number, remaining) : remaining;
		if (answer?.status === 429) this.share.refused();
		else this.share.countCall({ remaining, inFlight: this.inFlight, first: this.used === 1, probedAtReset: this.probedAtReset });
	}

	/** A window this process has not seen before; after a reset, the calls sent since count in it. */
	private startWindow(resetAt: number | undefined, limit: number | undefined): void {
		const probed = this.remaining === undefined && this.rolledAt !== undefined && this.share.counted === undefined;
		this.resetAt = resetAt;
		this.limit = limit;
		this.probeSentAt = undefined;
		if (!probed) {
			this.used = this.inFlight + 1;
			this.probedAtReset = false;
		}
		this.share.openWindow(resetAt, limit);
	}

	/** The window is over: the next one is unknown until the probe's answer. */
	private endWindow(now: number): void {
		this.endedReset = this.resetAt;
		this.share.close();
		this.remaining = undefined;
		this.resetAt = undefined;
		this.rolledAt = now;
		this.probeSentAt = undefined;
		// Calls still out may be counted in the next window.
		this.used = this.inFlight;
	}

	/** Resolves when a call of the account is answered or `ms` have passed, or rejects when the signal aborts. */
	private async nextAnswer(ms: number, signal?: AbortSignal): Promise<void> {
		signal?.throwIfAborted();
		const patience = new AbortController();
		let wake = () => {};
		let onAbort = () => {};
		try {
			await new Promise<void>((resolve, reject) => {
				wake = resolve;
				onAbort = () => reject(signal?.reason);
				this.waiting.push(wake);
				signal?.addEventListener('abort', onAbort, { once: true });
				if (Number.isFinite(ms)) void this.clock.sleep(ms, patience.signal).then(resolve, () => {});
			});
		} finally {
			patience.abort();
			signal?.removeEventListener('abort', onAbort);
			this.waiting = this.waiting.filter((entry) => entry !== wake);
		}
	}
}
