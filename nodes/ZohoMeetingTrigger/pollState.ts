import type { IDataObject } from 'n8n-workflow';

/**
 * The trigger's memory between polls, and the rules that make each object come out once.
 * Pure: no requests, no clock of its own. The node lists pages and feeds them in; this
 * module decides what is new and what the next state is.
 *
 * Zoho Meeting's list endpoints can filter only on `start_time` (spec: `from_date`,
 * `to_date`), never on "changed since". So every poll lists a look-back window of
 * start times, `[since, ∞)`, and compares what it sees with the IDs it already emitted.
 * The window trails the newest start time seen among eligible objects: start times
 * never lie in the future of an eligible object (a meeting completes after it starts, a
 * recording exists after its meeting started), so `since` never passes `now − window`,
 * whatever the n8n host's clock says and however long n8n was down. An ID is forgotten
 * only once its start time has left the window, i.e. once no list can return it again.
 */

export type TriggerEvent = 'recordingAvailable' | 'meetingCompleted';

/** Stored under the node's static data; plain JSON so n8n can persist it. */
export interface TriggerState {
	version: 1;
	event: TriggerEvent;
	/** Start of the window (ISO 8601): objects that started earlier are never looked at again. */
	since: string;
	/** Newest `start_time` among eligible objects seen so far (ISO 8601). */
	newest?: string;
	/** Emitted IDs (and those already eligible at activation) → start time, epoch seconds rounded up. */
	seen: Record<string, number>;
	/** A pass cut short by n8n's poll time budget: the page the next poll continues from. */
	resume?: { page: number; quiet: boolean };
}

/** How one event recognises its objects in a list page. */
export interface EventSource {
	event: TriggerEvent;
	/** The ID field of the API object (`meeting_key`, `recording_id`). */
	idField: string;
	/** The `status` an object has once it should trigger the workflow. */
	eligibleStatus: string;
}

export interface RoundSettings {
	source: EventSource;
	/** Look-back window in milliseconds. */
	windowMs: number;
	/** The n8n host's clock, used only to place the very first window. */
	nowMs: number;
	/** Most IDs remembered; beyond it the window start moves forward instead of growing. */
	maxRemembered?: number;
}

/**
 * Enough for a busy account's day of meetings (about 25 bytes each, so ~50 KB of static
 * data at most); the cap keeps the state bounded even if the window holds more.
 */
export const MAX_REMEMBERED = 2_000;

/** An API time as epoch ms: ISO 8601 as the spec writes it, or epoch seconds or ms. */
export function timeMs(value: unknown): number | undefined {
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value <= 0) return undefined;
		// Below 10^11 a number can only be seconds (10^11 ms is 1973, 10^11 s the year 5138).
		return value < 1e11 ? value * 1000 : value;
	}
	if (typeof value !== 'string' || value === '') return undefined;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The object's ID as text, or undefined when it has none to deduplicate by. */
function idOf(object: IDataObject, idField: string): string | undefined {
	const id = object[idField];
	if (typeof id === 'string' && id !== '') return id;
	if (typeof id === 'number' && Number.isFinite(id)) return String(id);
	return undefined;
}

function isTriggerState(value: unknown, event: TriggerEvent): value is TriggerState {
	if (!value || typeof value !== 'object') return false;
	const state = value as Partial<TriggerState>;
	return (
		state.version === 1 &&
		state.event === event &&
		timeMs(state.since) !== undefined &&
		!!state.seen &&
		typeof state.seen === 'object'
	);
}

/** Where the window starts for a stored state, given the window the user set now. */
function windowStart(state: TriggerState, windowMs: number): number {
	const since = timeMs(state.since) as number;
	const newest = timeMs(state.newest);
	// Growing the window never moves it back: IDs older than `since` are forgotten, so
	// looking there again would emit them a second time.
	return newest === undefined ? since : Math.max(since, newest - windowMs);
}

/**
 * One poll: built from the stored state, fed every listed page, finished into the items
 * to emit and the state to store. Nothing here touches the stored state, so a poll that
 * fails halfway leaves it exactly as it was.
 */
export class PollRound {
	/** True for the first poll of a workflow (or after the event changed): remember, emit nothing. */
	readonly seeding: boolean;
	/** The page to list first. */
	readonly firstPage: number;
	/** Start of the window this poll lists, epoch ms. */
	readonly since: number;
	private readonly quiet: boolean;
	private readonly seen: Map<string, number>;
	private newest: number | undefined;
	private readonly found: Array<{ id: string; start: number | undefined; object: IDataObject }> = [];

	constructor(
		stored: unknown,
		private readonly settings: RoundSettings,
	) {
		const { source, windowMs, nowMs } = settings;
		const previous = isTriggerState(stored, source.event) ? stored : undefined;
		this.seeding = previous === undefined;
		this.since = previous ? windowStart(previous, windowMs) : nowMs - windowMs;
		this.newest = timeMs(previous?.newest);
		this.seen = new Map(Object.entries(previous?.seen ?? {}));
		this.firstPage = previous?.resume?.page ?? 1;
		this.quiet = this.seeding || (previous?.resume?.quiet ?? false);
	}

	/** Takes one listed page. An object listed twice (pages shifting under a poll) counts once. */
	take(objects: IDataObject[]): void {
		const { idField, eligibleStatus } = this.settings.source;
		for (const object of objects) {
			const id = idOf(object, idField);
			if (id === undefined || object.status !== eligibleStatus) continue;
			const start = timeMs(object.start_time);
			if (start !== undefined) {
				this.newest = Math.max(this.newest ?? start, start);
				// The server's from_date may be coarser than ours; this comparison decides.
				if (start < this.since) continue;
			}
			if (this.seen.has(id)) continue;
			// No start time: remember it as of the newest start, so it stays known a full window.
			const stamp = start ?? this.newest ?? this.since;
			this.seen.set(id, Math.ceil(stamp / 1000));
			if (!this.quiet) this.found.push({ id, start, object });
		}
	}

	/**
	 * The items to emit, oldest start first, and the state to store. `stoppedBeforePage`
	 * is the page not fetched when the time budget ran out; the next poll starts there.
	 */
	finish(stoppedBeforePage?: number): { emit: IDataObject[]; state: TriggerState } {
		const { source, windowMs, maxRemembered = MAX_REMEMBERED } = this.settings;
		let since = this.newest === undefined ? this.since : Math.max(this.since, this.newest - windowMs);
		// Seconds rounded up: an ID is dropped only when its object is surely before `since`.
		let seen = [...this.seen].filter(([, seconds]) => seconds * 1000 >= since);
		if (seen.length > maxRemembered) {
			seen.sort(([idA, a], [idB, b]) => a - b || idA.localeCompare(idB));
			const dropped = seen.slice(0, seen.length - maxRemembered);
			// Too many to remember: give up the oldest part of the window rather than
			// remember without bound. Objects there that become eligible later are missed.
			since = Math.max(since, dropped[dropped.length - 1][1] * 1000 + 1);
			seen = seen.filter(([, seconds]) => seconds * 1000 >= since);
		}
		const state: TriggerState = {
			version: 1,
			event: source.event,
			since: iso(since),
			...(this.newest === undefined ? {} : { newest: iso(this.newest) }),
			seen: Object.fromEntries(seen),
			...(stoppedBeforePage === undefined
				? {}
				: { resume: { page: stoppedBeforePage, quiet: this.quiet } }),
		};
		const emit = [...this.found]
			.sort(
				(a, b) =>
					(a.start ?? Infinity) - (b.start ?? Infinity) || a.id.localeCompare(b.id),
			)
			.map((entry) => entry.object);
		return { emit, state };
	}
}

/**
 * For "Fetch Test Event": the eligible object that started last (ties: the later
 * created or modified one, then the higher ID), or undefined.
 */
export function newestEligible(objects: IDataObject[], source: EventSource): IDataObject | undefined {
	const rank = (object: IDataObject): [number, number, string] => [
		timeMs(object.start_time) ?? -Infinity,
		Math.max(timeMs(object.modified_time) ?? -Infinity, timeMs(object.created_time) ?? -Infinity),
		idOf(object, source.idField) ?? '',
	];
	let best: IDataObject | undefined;
	let bestRank: [number, number, string] | undefined;
	for (const object of objects) {
		if (object.status !== source.eligibleStatus || idOf(object, source.idField) === undefined) continue;
		const candidate = rank(object);
		if (!bestRank || compareRank(candidate, bestRank) > 0) {
			best = object;
			bestRank = candidate;
		}
	}
	return best;
}

function compareRank(a: [number, number, string], b: [number, number, string]): number {
	return a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2], undefined, { numeric: true });
}

/**
 * Whether a poll should stop listing and leave the rest of the pass to the next poll:
 * when what is left of n8n's budget may not cover another page (three times the slowest
 * so far, since retries can stretch one) plus a fifth of the budget for handing the
 * items to the workflow.
 */
export function outOfTime(elapsedMs: number, budgetMs: number, slowestPageMs: number): boolean {
	return budgetMs - elapsedMs < Math.max(budgetMs / 5, slowestPageMs * 3);
}
