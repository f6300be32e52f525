import { timeMs } from './objectTimes';

/**
 * What the trigger stores between polls, and how an event describes its objects to the
 * pure poll state (pollState.ts), which reads nothing else.
 */

export type TriggerEvent =
	| 'recordingAvailable'
	| 'meetingCompleted'
	| 'newRegistration'
	| 'meetingScheduled'
	| 'meetingCancelled';

/**
 * Where a pass split by the time budget continues: a page of the event's list, or for New
 * Webinar Registration a page of one webinar's registrations (webinars in key order).
 */
export interface ListPosition {
	page: number;
	webinarKey?: string;
}

/** Stored under the node's static data; plain JSON so n8n can persist it. */
export interface TriggerState {
	version: 1;
	event: TriggerEvent;
	/**
	 * The webinar and filters the state was built under (see `RoundSettings.scope`); absent
	 * when none is set, so a state stored before filters existed stays valid.
	 */
	scope?: string;
	/** Start of the window (ISO 8601): objects that started earlier are never looked at again. */
	since: string;
	/** Newest start time among eligible objects seen, each counted at most as "now" (ISO 8601). */
	newest?: string;
	/** Remembered IDs (emitted, or already eligible at activation) → start time, epoch seconds rounded up. */
	seen: Record<string, number>;
	/**
	 * A pass cut short by the poll's time budget: where the next poll continues.
	 * A quiet (first) pass carries the server's clock when it began, `activatedAt`.
	 */
	resume?: ListPosition & { quiet: boolean; activatedAt?: string };
}

/** How one event recognises its objects in a list page. */
export interface EventSource {
	event: TriggerEvent;
	/** The ID field of the API object (`meeting_key`, `recording_id`, `registration_id`). */
	idField: string;
	/** The `status` an object has once it should trigger the workflow; none: any status. */
	eligibleStatus?: string;
	/**
	 * The time the lists filter on (`from_date`): `start_time`, or for a registration its
	 * webinar's, which the trigger copies onto it as `webinar_start_time`.
	 */
	startField: string;
	/**
	 * The object's own times that show when it became eligible (created, completed,
	 * cancelled, registered): a split first pass passes on objects whose times are later
	 * than the activation (see `changedAfter`).
	 */
	changedFields: readonly string[];
	/**
	 * When the object came into being, for events that are about that (a meeting scheduled,
	 * a registration made): one that came into being before the window start is not new,
	 * even if the node no longer remembers it. It was listed before under an earlier start
	 * time, as a recurring meeting whose start time moves on to its next occurrence is.
	 */
	createdField?: string;
}

export interface RoundSettings {
	source: EventSource;
	/** Look-back window in milliseconds. */
	windowMs: number;
	/** n8n's clock at the start of the poll: places the very first window, and stands in for a missing server clock. */
	nowMs: number;
	/** Most IDs remembered; beyond it the window start moves forward instead of growing. */
	maxRemembered?: number;
	/**
	 * The chosen webinar and filters, as text. A state stored under another scope is not
	 * continued: the poll starts over as an activation does, so that what the old filters
	 * left out never comes out later as new (docs/trigger.md, "Filters").
	 */
	scope?: string;
}

export function isTriggerState(value: unknown, settings: RoundSettings): value is TriggerState {
	if (!value || typeof value !== 'object') return false;
	const state = value as Partial<TriggerState>;
	return (
		state.version === 1 &&
		state.event === settings.source.event &&
		(state.scope ?? '') === (settings.scope ?? '') &&
		timeMs(state.since) !== undefined &&
		!!state.seen &&
		typeof state.seen === 'object'
	);
}

/** Where the window starts for a stored state, given the window the user set now. */
export function windowStart(state: TriggerState, windowMs: number): number {
	const since = timeMs(state.since) as number;
	const newest = timeMs(state.newest);
	// Growing the window never moves it back: IDs older than `since` are forgotten, so
	// looking there again would emit them a second time.
	return newest === undefined ? since : Math.max(since, newest - windowMs);
}

/** Whether the object has the event's status (any, for an event without one). */
export function hasEligibleStatus(object: { status?: unknown }, source: EventSource): boolean {
	return source.eligibleStatus === undefined || object.status === source.eligibleStatus;
}
