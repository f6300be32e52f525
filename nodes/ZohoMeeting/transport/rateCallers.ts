/**
 * How many callers (n8n processes, other apps) share one account's rate-limit window, as
 * one process infers it from the server's answers; rateLimit.ts explains the scheme and
 * uses the count to take its share of the window.
 */

/** How many windows of evidence the number of callers is taken from. */
const CALLER_MEMORY = 8;
/**
 * How many windows a 429's guess of one caller more is kept. A 429 is weaker evidence than
 * calls counted: in the first windows, before the answers have shown everyone, callers
 * that each believed themselves alone overspend one window, and keeping that guess for
 * eight windows would leave a sixth of the window unused that long (measured on the
 * queue bench). A caller that is really there shows in the counted calls soon after.
 */
const REFUSAL_MEMORY = 2;

/** What this process saw of one window of the server. */
interface WindowTally {
	resetAt: number;
	limit?: number;
	/** Calls of this process the server counted in the window (answered, other than 429). */
	counted: number;
	/** How many callers (this process included) the window's answers showed at least. */
	callers: number;
	/**
	 * For this window only: one caller for each call counted before this process's first
	 * one. Right for probes at a reset; for a process that comes back in the middle of a
	 * window it counts too many, which costs a window, never a 429.
	 */
	rank: number;
	/** An answer showed another caller's call: a 429 in this window is contention. */
	othersSeen: boolean;
	/** The last answer still showed no other caller's call. */
	alone: boolean;
	refused: boolean;
	/** After a 429 in the window: one caller more than were believed in when it came. */
	guessed: number;
}

/** Each of `callers` callers' calls in a window of `limit`. */
export const quotaOf = (limit: number, callers: number) => Math.max(1, Math.floor(limit / callers));

/** The fewest callers whose quotas, besides this process's, leave room for `others` calls. */
function callersFor(others: number, limit: number): number {
	let callers = 1;
	while (callers < limit && (callers - 1) * quotaOf(limit, callers) < others) callers++;
	return callers;
}

/** One of this process's calls that the server counted, as the budget saw it when answered. */
export interface CountedCall {
	/** `X-RateLimit-Remaining` of its answer. */
	remaining: number;
	/** This process's calls still out, which the server may have counted already. */
	inFlight: number;
	/** It was the process's first call of the window. */
	first: boolean;
	/** It was a probe sent right at the reset. */
	probedAtReset: boolean;
}

/** The evidence of the current window and of the last few, for one account in one process. */
export class CallerCount {
	private tally?: WindowTally;
	/** The callers each recent window showed, and a 429's guess, newest last. */
	private evidence: Array<{ seen: number; guessed: number }> = [];

	/** How many callers share the account's window, as far as the answers showed (1: this process alone). */
	get callers(): number {
		const guessed = this.evidence.slice(-REFUSAL_MEMORY).map((window) => window.guessed);
		const seen = this.evidence.map((window) => window.seen);
		return Math.max(1, this.tally?.callers ?? 1, this.tally?.rank ?? 1, this.tally?.guessed ?? 1, ...seen, ...guessed);
	}

	/** Whether an answer of the current window showed another caller's call. */
	get othersSeen(): boolean {
		return this.tally?.othersSeen ?? false;
	}

	/** This process's calls the server counted in the current window; undefined while none is open. */
	get counted(): number | undefined {
		return this.tally?.counted;
	}

	/** A window starts (its reset known) or is unknown (undefined); the last one joins the evidence. */
	openWindow(resetAt: number | undefined, limit: number | undefined): void {
		this.close();
		if (resetAt !== undefined) this.tally = { resetAt, limit, counted: 0, callers: 1, rank: 1, othersSeen: false, alone: true, refused: false, guessed: 1 };
	}

	/** A call of the window answered 429. */
	refused(): void {
		const tally = this.tally;
		if (!tally) return;
		// More calls were out than the window had left: perhaps a caller more than believed.
		if (!tally.refused) tally.guessed = Math.max(tally.guessed, this.callers + 1);
		tally.refused = true;
	}

	countCall({ remaining, inFlight, first, probedAtReset }: CountedCall): void {
		const tally = this.tally;
		if (!tally) return;
		tally.counted++;
		if (tally.limit === undefined) return;
		// Counted calls that are neither this process's answered ones nor any it still has out
		// (which the server may have counted already) were other callers'.
		const others = tally.limit - remaining - tally.counted - inFlight;
		// The window's first answer to a probe sent at the reset: the probes of all waiting
		// callers reach the server together, so each call before it was another caller's.
		if (tally.counted === 1 && first) {
			tally.rank = others + 1;
			if (probedAtReset) tally.callers = Math.max(tally.callers, tally.rank);
		}
		tally.callers = Math.max(tally.callers, callersFor(others, tally.limit));
		tally.alone = others <= 0 && tally.alone;
		tally.othersSeen ||= others > 0;
	}

	/** The window is over: what it showed joins the evidence of the last few windows. */
	close(): void {
		const tally = this.tally;
		this.tally = undefined;
		if (!tally || (tally.counted === 0 && !tally.refused)) return;
		// Calls past the first round of a window, and not one of anyone else counted: the
		// others that were here have stopped (they would have probed at the same reset).
		if (tally.alone && !tally.refused && tally.counted > 1) this.evidence = [];
		this.evidence = [...this.evidence, { seen: tally.callers, guessed: tally.guessed }].slice(-CALLER_MEMORY);
	}
}
