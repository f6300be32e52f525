/**
 * Zoho's per-account call limits ("Rate Limits"): a short window (a minute by default,
 * shorter in tests) and a day. Both run on real time, because the node under test
 * really has to wait for them. A window starts with the first call after the previous
 * one ended, so a burst of calls in a test never straddles a boundary by accident.
 */
export interface RateLimits {
	perWindow: number;
	perDay: number;
	windowSeconds: number;
}

export interface RateVerdict {
	allowed: boolean;
	headers: Record<string, string>;
}

interface Counter {
	start: number;
	count: number;
}

interface AccountUsage {
	window: Counter;
	day: Counter;
}

const DAY_MS = 86_400_000;

export class RateLimiter {
	private readonly usage = new Map<string, AccountUsage>();

	constructor(private readonly limits: () => RateLimits) {}

	/** Counts one call; a refused call does not count. */
	consume(account: string): RateVerdict {
		return this.judge(account, true);
	}

	/** The headers for an account without counting a call (for answers that are not its calls). */
	peek(account: string): RateVerdict {
		return this.judge(account, false);
	}

	reset(): void {
		this.usage.clear();
	}

	private judge(account: string, counting: boolean): RateVerdict {
		const { perWindow, perDay, windowSeconds } = this.limits();
		const now = Date.now();
		const usage = this.usageOf(account, now);
		const window = roll(usage.window, windowSeconds * 1000, now);
		const day = roll(usage.day, DAY_MS, now);
		const allowed = window.count < perWindow && day.count < perDay;
		if (allowed && counting) {
			window.count++;
			day.count++;
		}
		// Report whichever limit is closer to running out: that is the one to wait for.
		const windowLeft = Math.max(0, perWindow - window.count);
		const dayLeft = Math.max(0, perDay - day.count);
		const binding =
			dayLeft < windowLeft
				? { limit: perDay, remaining: dayLeft, resetMs: day.start + DAY_MS }
				: { limit: perWindow, remaining: windowLeft, resetMs: window.start + windowSeconds * 1000 };
		const headers: Record<string, string> = {
			'X-RateLimit-Limit': String(binding.limit),
			'X-RateLimit-Remaining': String(binding.remaining),
			// Rounded up: a client that waits until this second has certainly waited long enough.
			'X-RateLimit-Reset': String(Math.ceil(binding.resetMs / 1000)),
		};
		if (!allowed) {
			headers['Retry-After'] = String(Math.max(1, Math.ceil((binding.resetMs - now) / 1000)));
		}
		return { allowed, headers };
	}

	private usageOf(account: string, now: number): AccountUsage {
		let usage = this.usage.get(account);
		if (!usage) {
			usage = { window: { start: now, count: 0 }, day: { start: now, count: 0 } };
			this.usage.set(account, usage);
		}
		return usage;
	}
}

/** An idle counter's window starts now; a used one restarts once its window has passed. */
function roll(counter: Counter, lengthMs: number, now: number): Counter {
	if (counter.count === 0 || now >= counter.start + lengthMs) {
		counter.start = now;
		counter.count = 0;
	}
	return counter;
}
