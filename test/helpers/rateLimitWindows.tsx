import type { RequestLogEntry } from '../../sandbox/requestLog';

/**
 * The sandbox's rate-limit windows, rebuilt from its request log: a window opens with
 * the first counted call after the previous window ended and lasts `windowSeconds`
 * (sandbox/rateLimit.tsx). Returns how many of the calls fell into each window.
 */
export function callsPerWindow(calls: Array<Pick<RequestLogEntry, 'time'>>, windowSeconds: number): number[] {
	const sizes: number[] = [];
	let opened = -Infinity;
	for (const call of calls) {
		const at = Date.parse(call.time);
		if (at >= opened + windowSeconds * 1000) {
			opened = at;
			sizes.push(0);
		}
		sizes[sizes.length - 1]++;
	}
	return sizes;
}
