import { sleep } from 'n8n-workflow';

/**
 * Time as the transport sees it: the rate-limit budget, back-off and deadlines read it
 * here and nowhere else, so a test can run the real policy on a faster clock.
 */
export interface Clock {
	now(): number;
	/** Resolves after `ms`, or rejects with the signal's reason as soon as it is aborted. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
	/** A signal that aborts after `ms` (a deadline). */
	deadline(ms: number): AbortSignal;
}

/**
 * n8n-workflow's `sleep` takes a signal only in newer n8n, so the wait races the signal
 * itself: it ends the moment the signal aborts in every version (the timer, if any, runs
 * out unobserved). The listener is removed either way, since one execution's signal
 * sees thousands of waits.
 */
async function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
	if (!signal) return await sleep(ms);
	signal.throwIfAborted();
	let onAbort = () => {};
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: sleepUnlessAborted,
	deadline: (ms) => AbortSignal.timeout(ms),
};
