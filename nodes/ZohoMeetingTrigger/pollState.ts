import type { IDataObject } from 'n8n-workflow';

import { changedAfter, idOf, isoTime, timeMs } from './objectTimes';
import {
	hasEligibleStatus,
	isTriggerState,
	windowStart,
	type ListPosition,
	type RoundSettings,
	type TriggerState,
} from './triggerState';

export type { EventSource, ListPosition, RoundSettings, TriggerEvent, TriggerState } from './triggerState';

/**
 * The trigger's memory between polls, and the rules that make each object come out once.
 * Pure: no requests, no clock of its own. The node lists pages and feeds them in, each
 * with the server's clock of its answer; this module decides what is new and what the
 * next state is.
 *
 * Zoho Meeting's list endpoints can filter only on `start_time` (`from_date`, `to_date`),
 * never on "changed since". So every poll lists a look-back window of start times,
 * `[since, ∞)`, and compares what it sees with the IDs it already emitted. An ID is
 * forgotten only once its start time has left the window, i.e. once no list can return it
 * again. (A registration's start time is its webinar's: registrations are listed per
 * webinar, and the webinars by start time.)
 *
 * The window trails the newest start time among eligible objects, so it does not move
 * while nothing happens, whatever the clocks say and however long n8n was down. A start
 * time counts at most as "now" by the server's clock of the answer that listed it (n8n's
 * clock when the answer had no `Date` header): a meeting started early keeps its future,
 * scheduled start, and no such object can drag the window past now − window. So
 * `since ≤ max(previous since, now − window)` after every poll (unless the window holds
 * more than MAX_REMEMBERED objects, see `remember`), and what starts from now on is inside.
 *
 * An ID listed again with a later start time (a meeting or webinar moved to a later date)
 * is remembered by the later one, so it is not forgotten while lists still return it.
 */

/**
 * The memory is sized by what the window holds: every eligible ID inside it is kept, about
 * 25 bytes each in the workflow's static data. This ceiling (about 1.3 MB) binds only a
 * window no Zoho plan can poll: 50,000 objects are 500 list requests per poll, which at
 * one poll a minute is seven times the Enterprise plan's 100,000 calls a day. A broken or
 * hostile server can still list more; then the oldest part of the window is given up,
 * and the node says so in its log (docs/trigger.md).
 */
export const MAX_REMEMBERED = 50_000;

/**
 * How far the first window, placed by n8n's clock before Zoho has answered, may start
 * after the window by Zoho's clock without listing again: the `Date` header counts whole
 * seconds, and a minute (n8n's shortest poll interval) only moves the far edge of the
 * look-back.
 */
export const SKEW_TOLERANCE_MS = 60_000;

/** What one poll found out: the items to emit, the state to store, and whether memory ran out. */
export interface RoundOutcome {
	emit: IDataObject[];
	state: TriggerState;
	/** Set when the window held more than `maxRemembered` IDs and its oldest part was given up. */
	narrowed?: { from: number; to: number; forgotten: number };
}

type Found = { id: string; start: number | undefined; object: IDataObject };

/**
 * One poll: built from the stored state, fed every listed page, finished into the items
 * to emit and the state to store. Nothing here touches the stored state, so a poll that
 * fails halfway leaves it exactly as it was.
 */
export class PollRound {
	/** True for the first poll of a workflow (or after the event or its scope changed): remember, emit nothing old. */
	readonly seeding: boolean;
	/** Where to start listing: page 1, or where a pass split by the time budget stopped. */
	readonly firstPosition: ListPosition;
	/** Start of the window this poll lists, epoch ms. */
	readonly since: number;
	private readonly quiet: boolean;
	/** In a quiet pass, objects whose own times are later than this are new (see `changedAfter`). */
	private activatedAt: number | undefined;
	private serverNow: number | undefined;
	private readonly seen: Map<string, number>;
	private newest: number | undefined;
	private readonly found: Found[] = [];

	constructor(
		stored: unknown,
		private readonly settings: RoundSettings,
	) {
		const { windowMs, nowMs } = settings;
		const previous = isTriggerState(stored, settings) ? stored : undefined;
		this.seeding = previous === undefined;
		this.since = previous ? windowStart(previous, windowMs) : nowMs - windowMs;
		this.newest = timeMs(previous?.newest);
		this.seen = new Map(Object.entries(previous?.seen ?? {}));
		const { page = 1, webinarKey } = previous?.resume ?? {};
		this.firstPosition = webinarKey === undefined ? { page } : { page, webinarKey };
		this.quiet = this.seeding || (previous?.resume?.quiet ?? false);
		this.activatedAt = this.quiet ? timeMs(previous?.resume?.activatedAt) : undefined;
	}

	/** "Now" for this poll: the server's clock, or n8n's when the server gave none. */
	get now(): number {
		return this.serverNow ?? this.settings.nowMs;
	}

	/**
	 * Whether the first window, placed by n8n's clock, starts later than Zoho's clock
	 * places it (n8n's clock ahead of Zoho's): objects that started in between could
	 * never be listed again, so the activation lists again from Zoho's now − window.
	 */
	get placedLate(): boolean {
		const { windowMs } = this.settings;
		return this.seeding && this.serverNow !== undefined && this.serverNow - windowMs < this.since - SKEW_TOLERANCE_MS;
	}

	/**
	 * Takes one listed page, answered when the server's clock read `serverNowMs`. An object
	 * listed twice (pages shifting under a poll) counts once.
	 */
	take(objects: IDataObject[], serverNowMs?: number): void {
		this.serverNow ??= serverNowMs;
		if (this.seeding) this.activatedAt ??= this.now;
		for (const object of objects) this.takeObject(object);
	}

	private takeObject(object: IDataObject): void {
		const { idField, startField } = this.settings.source;
		const id = idOf(object, idField);
		if (id === undefined || !hasEligibleStatus(object, this.settings.source)) return;
		const start = timeMs(object[startField]);
		if (start !== undefined) {
			// The server's from_date may be coarser than ours; this comparison decides.
			if (start < this.since) return;
			this.newest = Math.max(this.newest ?? -Infinity, Math.min(start, this.now));
		}
		const known = this.seen.get(id);
		if (known !== undefined) {
			// Moved to a later start: remembered as long as lists can return it.
			if (start !== undefined) this.seen.set(id, Math.max(known, Math.ceil(start / 1000)));
			return;
		}
		// Remembered by its real start, however far ahead: lists return it until then.
		// No start time: remembered as of the newest start, so it stays known a full window.
		const stamp = start ?? this.newest ?? this.since;
		this.seen.set(id, Math.ceil(stamp / 1000));
		if (this.isNew(object)) this.found.push({ id, start, object });
	}

	/** Whether an object the node does not remember is news, rather than history or a forgotten one listed again. */
	private isNew(object: IDataObject): boolean {
		const { createdField } = this.settings.source;
		const born = createdField === undefined ? undefined : timeMs(object[createdField]);
		if (born !== undefined && born < this.since) return false;
		return !this.quiet || this.isNewInQuietPass(object);
	}

	/**
	 * A quiet pass continued in a later poll: objects whose own times show they changed
	 * since activation are news. In the activation's own poll all is history: times written
	 * in another zone than the Date header must not pass history on.
	 */
	private isNewInQuietPass(object: IDataObject): boolean {
		const { changedFields } = this.settings.source;
		return !this.seeding && this.activatedAt !== undefined && changedAfter(object, this.activatedAt, changedFields);
	}

	/**
	 * The items to emit, oldest start first, and the state to store. `stoppedBefore` is
	 * the page not fetched when the time budget ran out; the next poll starts there.
	 */
	finish(stoppedBefore?: ListPosition): RoundOutcome {
		const { source, windowMs, scope } = this.settings;
		const trailing =
			this.newest === undefined ? this.since : Math.max(this.since, Math.min(this.newest, this.now) - windowMs);
		const { since, seen, narrowed } = this.remember(trailing);
		const activatedAt = this.quiet && this.activatedAt !== undefined ? isoTime(this.activatedAt) : undefined;
		const resume =
			stoppedBefore === undefined
				? undefined
				: { ...stoppedBefore, quiet: this.quiet, ...(activatedAt ? { activatedAt } : {}) };
		const state: TriggerState = {
			version: 1,
			event: source.event,
			...(scope ? { scope } : {}),
			since: isoTime(since),
			...(this.newest === undefined ? {} : { newest: isoTime(this.newest) }),
			seen: Object.fromEntries(seen),
			...(resume ? { resume } : {}),
		};
		const emit = [...this.found]
			.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.id.localeCompare(b.id))
			.map((entry) => entry.object);
		return { emit, state, ...(narrowed ? { narrowed } : {}) };
	}

	/**
	 * The IDs still inside a window starting at `since` (seconds rounded up: an ID is
	 * dropped only when its object is surely before the window), at most `maxRemembered`
	 * of them: beyond that the window gives up its oldest part rather than grow the state.
	 */
	private remember(since: number): { since: number; seen: Array<[string, number]>; narrowed?: RoundOutcome['narrowed'] } {
		const { maxRemembered = MAX_REMEMBERED } = this.settings;
		const inside = (start: number) => ([, seconds]: [string, number]) => seconds * 1000 >= start;
		const seen = [...this.seen].filter(inside(since));
		if (seen.length <= maxRemembered) return { since, seen };
		seen.sort(([idA, a], [idB, b]) => a - b || idA.localeCompare(idB));
		// Past the last dropped ID's second, so that no second is half remembered.
		const narrowedSince = seen[seen.length - maxRemembered - 1][1] * 1000 + 1;
		const kept = seen.filter(inside(narrowedSince));
		return {
			since: narrowedSince,
			seen: kept,
			narrowed: { from: since, to: narrowedSince, forgotten: seen.length - kept.length },
		};
	}
}
