import type { IDataObject } from 'n8n-workflow';

/**
 * The overlap guard of one trigger node: a lease with an expiry, kept in the node's
 * static data beside its state. A poll held up by rate-limit waits or a slow server can
 * outlast the poll interval; a second poll reading the same state meanwhile would emit the
 * same objects again, so while a lease is held the later poll leaves its tick out.
 *
 * Why static data: n8n's in-memory poller hands every poll of one activation the same
 * object (`workflow.getStaticData('node', node)` in n8n-core's PollContext), so a lease
 * written there is seen at once by an overlapping poll, and the node keeps no memory of
 * its own. n8n versions with durable poll cursors give each poll its own copy, committed
 * when the poll ends, and lease the poll task themselves; there this lease is redundant
 * and harmless, because it is released before the poll returns and so never committed.
 *
 * Why an expiry: a poll that n8n abandons at its budget, or a process that stops in the
 * middle of one, never releases its lease; n8n saves static data when a poll emits, so a
 * held lease can even survive a restart. After `until` the next poll takes over.
 */
export interface PollLease {
	/** Which poll holds it. */
	holder: string;
	/** Epoch ms by n8n's clock. */
	until: number;
}

const LEASE_KEY = 'pollLease';

export type LeaseOutcome = { holder: string; expired?: PollLease } | { heldBy: PollLease };

function leaseIn(staticData: IDataObject): PollLease | undefined {
	const lease = staticData[LEASE_KEY] as Partial<PollLease> | undefined;
	return lease && typeof lease.holder === 'string' && typeof lease.until === 'number'
		? { holder: lease.holder, until: lease.until }
		: undefined;
}

/**
 * Leases last one poll budget, five minutes by n8n's default. One that ends more than an
 * hour ahead (and more than this poll's own budget) cannot be a running poll's: n8n's
 * clock went back, or the data was damaged, and it is treated as expired.
 */
const LONGEST_LEASE_MS = 60 * 60_000;

/** Takes the lease for `durationMs` unless another poll holds one that has not expired. */
export function takeLease(staticData: IDataObject, nowMs: number, durationMs: number): LeaseOutcome {
	const current = leaseIn(staticData);
	const live = current && current.until > nowMs && current.until <= nowMs + Math.max(durationMs, LONGEST_LEASE_MS);
	if (live) return { heldBy: current };
	// Unique among the polls of one process: they share this object and run one at a time
	// between awaits, so the check above and this write cannot interleave.
	const holder = `${nowMs.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
	staticData[LEASE_KEY] = { holder, until: nowMs + durationMs };
	return current ? { holder, expired: current } : { holder };
}

/** Whether `holder` still holds the lease: no later poll took it over after it expired. */
export function holdsLease(staticData: IDataObject, holder: string): boolean {
	return leaseIn(staticData)?.holder === holder;
}

/** Gives the lease up, if `holder` still holds it. */
export function releaseLease(staticData: IDataObject, holder: string): void {
	if (holdsLease(staticData, holder)) delete staticData[LEASE_KEY];
}
