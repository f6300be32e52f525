import { TRIGGER_EVENTS } from '../../nodes/ZohoMeetingTrigger/events';
import type { TriggerEvent } from '../../nodes/ZohoMeetingTrigger/pollState';
import type { ApiName } from '../../sandbox/model';
import { erecordingIdOf } from '../../sandbox/organization/recordings';
import type { MeetingInput, MeetingRecord, Store, WebinarRecord } from '../../sandbox/store';
import { holdEarly } from '../helpers/heldEarly';
import type { Random } from '../helpers/random';
import { zohoTime, type Trigger } from './fixture';

/**
 * The world of the trigger simulation (simulation.test.tsx): what the sandbox holds, read
 * and changed straight in its store, and the ledger that judges what each trigger emitted.
 * In the organization dialect (docs/zoho-api.md) the world is what that API shows: start
 * times to the minute (its `startTime` text has no seconds), recordings by their
 * `erecordingId`, no times of creation or change, the whole list type on every pass (it
 * has no date filter), and Meeting Scheduled is a meeting not started yet (`upcoming`).
 */

const MINUTE_MS = 60_000;
const PAGE = 100;

/**
 * What the truth knows of an eligible object: its start (a registration: its webinar's)
 * and when it became eligible (-Infinity where the API's objects do not tell).
 */
export interface Eligible {
	start: number;
	changed: number;
}

const second = (ms: number) => Math.floor(ms / 1000) * 1000;
const pages = (count: number) => Math.max(1, Math.ceil(count / PAGE));

/** The finest start time each dialect can express. */
export const START_UNIT_MS: Record<ApiName, number> = { v2: 1000, organization: MINUTE_MS };

/** A meeting put straight into the store, in whole `unitMs`, at any start (the API refuses past ones). */
export function addMeeting(store: Store, start: number, fields: MeetingInput, unitMs = 1000): MeetingRecord {
	const at = Math.floor(start / unitMs) * unitMs;
	return store.createMeeting({ ...fields, start_time: zohoTime(at) }, { start: at });
}

export class World {
	/** IDs of objects dated ahead that the world made eligible. */
	readonly datedAhead = new Set<string>();

	constructor(
		private readonly store: Store,
		private readonly rng: Random,
		readonly api: ApiName = 'v2',
	) {}

	private get organization(): boolean {
		return this.api === 'organization';
	}

	/** A recording's ID as the dialect's API gives it. */
	recordingIdOf(recordingId: string): string {
		return this.organization ? erecordingIdOf(recordingId) : recordingId;
	}

	/** When an object became eligible, as far as the dialect's objects tell. */
	private changedAt(ms: number): number {
		return this.organization ? -Infinity : second(ms);
	}

	/** Eligible objects now, ID → what the truth knows of them. */
	eligible(event: TriggerEvent): Map<string, Eligible> {
		this.store.settle();
		const result = new Map<string, Eligible>();
		if (event === 'recordingAvailable') {
			for (const recording of this.store.recordings.values()) {
				if (this.store.recordingStatus(recording) === 'available') {
					result.set(this.recordingIdOf(recording.recording_id), { start: recording.start, changed: this.changedAt(recording.created) });
				}
			}
		} else if (event === 'newRegistration') {
			for (const webinar of this.upcomingWebinars()) {
				for (const registration of webinar.registrations.values()) {
					result.set(registration.registration_id, { start: webinar.start, changed: second(registration.registered) });
				}
			}
		} else {
			for (const meeting of this.store.meetings.values()) {
				if (!this.isEligible(meeting, event)) continue;
				const changed = event === 'meetingScheduled' ? meeting.created : Math.max(meeting.created, meeting.modified);
				result.set(meeting.meeting_key, { start: meeting.start, changed: this.changedAt(changed) });
			}
		}
		return result;
	}

	/** A meeting has the event's status; in the organization API a scheduled one is also not started yet. */
	private isEligible(meeting: MeetingRecord, event: TriggerEvent): boolean {
		if (this.store.meetingStatus(meeting) !== TRIGGER_EVENTS[event].eligibleStatus) return false;
		return !(this.organization && event === 'meetingScheduled') || meeting.start > this.store.now();
	}

	/** How many list requests a full pass from `since` takes: a page per 100, at least one per list. */
	requestsOfPass(event: TriggerEvent, since: number): number {
		this.store.settle();
		const from = second(since);
		const { list } = TRIGGER_EVENTS[event];
		if (list === 'registrations') {
			const webinars = this.store.listWebinars({ status: 'scheduled', from });
			return pages(webinars.length) + webinars.reduce((sum, webinar) => sum + pages(webinar.registrations.size), 0);
		}
		// The organization API filters by no date: every pass reads the whole list type.
		if (list.path === '/recordings') return pages(this.store.listRecordings(this.organization ? {} : { from }).length);
		if (!this.organization) return pages(this.store.listMeetings({ status: String(list.qs.status), from }).length);
		return pages([...this.store.meetings.values()].filter((meeting) => this.isEligible(meeting, event)).length);
	}

	/** The store methods that answer the event's list requests (a test spies on them to change the world mid-poll). */
	listMethods(event: TriggerEvent): Array<'listMeetings' | 'listRecordings' | 'listWebinars' | 'findWebinar'> {
		if (event === 'recordingAvailable') return ['listRecordings'];
		return event === 'newRegistration' ? ['listWebinars', 'findWebinar'] : ['listMeetings'];
	}

	private upcomingWebinars(): WebinarRecord[] {
		return [...this.store.webinars.values()].filter((webinar) => this.store.webinarStatus(webinar) === 'scheduled');
	}

	/** Meetings starting from an hour ago to three hours ahead, lasting up to six hours. */
	arrive(count: number, sameSecond: boolean): void {
		const now = this.store.now();
		const shared = now + this.rng.int(-60, 180) * MINUTE_MS;
		for (let i = 0; i < count; i++) {
			const fields = { topic: `Simulated ${i}`, duration: this.rng.pick([15, 30, 45, 60, 120, 240, 360]), recording_enabled: this.rng.chance(0.7) };
			addMeeting(this.store, sameSecond ? shared : now + this.rng.int(-60, 180) * MINUTE_MS, fields, START_UNIT_MS[this.api]);
		}
		this.store.settle();
	}

	/** Webinars from an hour to three days ahead, up to two hours long. */
	arriveWebinars(count: number): void {
		const now = this.store.now();
		for (let i = 0; i < count; i++) {
			const start = second(now + this.rng.int(60, 3 * 24 * 60) * MINUTE_MS);
			this.store.createWebinar({ topic: `Webinar ${i}`, duration: this.rng.pick([30, 60, 120]) }, { start });
		}
	}

	/** Registrations for upcoming webinars: a few across them, or a burst larger than a page on one. */
	register(burst: boolean): void {
		const open = this.upcomingWebinars();
		if (open.length === 0) return;
		const count = burst ? this.rng.int(101, 160) : this.rng.int(1, 5);
		const target = this.rng.pick(open);
		for (let i = 0; i < count; i++) {
			const webinar = burst ? target : this.rng.pick(open);
			this.store.addRegistration(webinar, { email: `r${webinar.registrations.size}@example.com`, name: 'Registrant', approved: this.rng.chance(0.3) });
		}
	}

	/**
	 * A meeting held early, completed now, keeps its scheduled start up to ten days ahead,
	 * and so does its recording.
	 */
	holdEarly(): void {
		const start = this.store.now() + this.rng.int(60, 10 * 24 * 60) * MINUTE_MS;
		const { meeting, recording } = holdEarly(this.store, Math.floor(start / START_UNIT_MS[this.api]) * START_UNIT_MS[this.api]);
		this.datedAhead.add(meeting.meeting_key);
		this.datedAhead.add(this.recordingIdOf(recording.recording_id));
	}

	/** Meetings and webinars not started yet are cancelled, deleted or moved days later; recordings are deleted. */
	remove(): void {
		const now = this.store.now();
		for (const meeting of [...this.store.meetings.values()]) {
			if (meeting.cancelled || meeting.completed || meeting.start <= now) continue;
			if (this.rng.chance(0.03)) this.store.cancelMeeting(meeting);
			else if (this.rng.chance(0.02)) this.store.updateMeeting(meeting, { start_time: zohoTime(second(meeting.start + this.rng.int(1, 5) * 24 * 60 * MINUTE_MS)) });
		}
		for (const id of [...this.store.recordings.keys()]) {
			if (this.rng.chance(0.02)) this.store.deleteRecording(id);
		}
		for (const webinar of this.upcomingWebinars()) {
			if (webinar.start <= now) continue;
			// Straight out of the map: the store's own delete reads through findWebinar, which a mid-poll spy counts.
			if (this.rng.chance(0.02)) this.store.webinars.delete(webinar.webinar_key);
			else if (this.rng.chance(0.03)) this.store.updateWebinar(webinar, { start_time: zohoTime(second(webinar.start + this.rng.int(1, 5) * 24 * 60 * MINUTE_MS)) });
		}
	}

	/** Recordings of meetings ending from now on take this long to become available. */
	processingTime(): void {
		this.store.config.recordingProcessingSeconds = this.rng.pick([0, 60, 600, 1800, 3600, 7200]);
	}

	advance(minutes: number): void {
		this.store.clock.advance(minutes * 60);
		this.store.settle();
	}

	/** Anything of the above, as one burst of change. */
	change(): void {
		const burst = this.rng.next();
		if (burst < 0.12) this.arrive(this.rng.int(101, 160), this.rng.chance(0.6));
		else if (burst < 0.8) this.arrive(this.rng.int(1, 5), this.rng.chance(0.3));
		if (this.rng.chance(0.3)) this.arriveWebinars(this.rng.int(1, 3));
		if (this.rng.chance(0.6)) this.register(this.rng.chance(0.12));
		if (this.rng.chance(0.15)) this.holdEarly();
		if (this.rng.chance(0.3)) this.processingTime();
		this.remove();
	}
}

/** What one trigger emitted over a run, checked against the world as the run goes. */
export class Ledger {
	/** Eligible when the workflow was activated: never to be emitted. */
	readonly before = new Set<string>();
	/** Eligible at some moment after activation: the only objects that may be emitted. */
	readonly ever = new Set<string>();
	readonly counts = new Map<string, number>();

	constructor(readonly node: Trigger) {}

	observe(eligible: Map<string, Eligible>): void {
		for (const id of eligible.keys()) if (!this.before.has(id)) this.ever.add(id);
	}

	record(objects: Array<Record<string, unknown>>): void {
		const { idField, eligibleStatus } = TRIGGER_EVENTS[this.node.event];
		for (const object of objects) {
			const id = String(object[idField]);
			if (eligibleStatus !== undefined && object.status !== eligibleStatus) {
				throw new Error(`${this.node.event}: emitted ${id} with status ${String(object.status)}`);
			}
			if (!this.ever.has(id)) {
				const why = this.before.has(id) ? 'was already eligible at activation' : 'was never eligible';
				throw new Error(`${this.node.event}: emitted ${id}, which ${why}`);
			}
			this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
			if (this.counts.get(id) !== 1) throw new Error(`${this.node.event}: emitted ${id} a second time`);
		}
	}

	/** Everything eligible before a successful poll (and still there) was emitted by it. */
	expectCaughtUp(eligibleBefore: Map<string, Eligible>, eligibleAfter: Map<string, Eligible>): void {
		const missed = [...eligibleBefore.keys()].filter(
			(id) => eligibleAfter.has(id) && !this.before.has(id) && !this.counts.has(id),
		);
		if (missed.length > 0) throw new Error(`${this.node.event}: missed ${missed.join(', ')}`);
	}
}
