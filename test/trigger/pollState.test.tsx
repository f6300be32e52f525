import type { IDataObject } from 'n8n-workflow';

import { TRIGGER_EVENTS } from '../../nodes/ZohoMeetingTrigger/events';
import {
	PollRound,
	type RoundSettings,
	type TriggerState,
} from '../../nodes/ZohoMeetingTrigger/pollState';
import { timeMs } from '../../nodes/ZohoMeetingTrigger/objectTimes';
import { outOfTime } from '../../nodes/ZohoMeetingTrigger/pollWindow';
import { newestEligible } from '../../nodes/ZohoMeetingTrigger/testEvent';

const HOUR = 3_600_000;
const T0 = Date.parse('2025-12-15T14:00:00Z');
const meetings = TRIGGER_EVENTS.meetingCompleted;
const recordings = TRIGGER_EVENTS.recordingAvailable;

const settings = (overrides: Partial<RoundSettings> = {}): RoundSettings => ({
	source: meetings,
	windowMs: 24 * HOUR,
	nowMs: T0,
	...overrides,
});

const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const meeting = (key: number, start: number, status = 'completed'): IDataObject => ({
	meeting_key: String(key),
	topic: `Meeting ${key}`,
	start_time: at(start),
	status,
});

const recording = (id: number, start: number, status = 'available'): IDataObject => ({
	recording_id: `REC_${id}`,
	start_time: at(start),
	status,
});

/** An honest server's clock: at T0, or later if something listed has started since. */
const clockAfter = (listed: IDataObject[][]) =>
	listed.flat().reduce((latest, object) => Math.max(latest, timeMs(object.start_time) ?? T0), T0);

/**
 * One poll over the given pages, answered when the server's clock read `serverNow`;
 * returns what it emitted (keys) and the state to store.
 */
function poll(
	stored: unknown,
	listed: IDataObject[][],
	overrides: Partial<RoundSettings> = {},
	serverNow = clockAfter(listed),
) {
	const round = new PollRound(stored, settings(overrides));
	for (const page of listed) round.take(page, serverNow);
	const outcome = round.finish();
	return { round, keys: outcome.emit.map((m) => m.meeting_key ?? m.recording_id), ...outcome };
}

describe('PollRound', () => {
	test('the first poll remembers what is already completed and emits nothing', () => {
		const first = poll(undefined, [[meeting(1, T0 - HOUR), meeting(2, T0 - 2 * HOUR)]]);

		expect(first.round.seeding).toBe(true);
		expect(first.round.since).toBe(T0 - 24 * HOUR);
		expect(first.keys).toEqual([]);
		expect(Object.keys(first.state.seen).sort()).toEqual(['1', '2']);

		const second = poll(first.state, [[meeting(1, T0 - HOUR), meeting(2, T0 - 2 * HOUR), meeting(3, T0)]]);
		expect(second.round.seeding).toBe(false);
		expect(second.keys).toEqual(['3']);
	});

	test('emits each object once, oldest start first, across pages and repeated listings', () => {
		const seeded = poll(undefined, []).state;
		const same = T0 + HOUR;
		const page1 = [meeting(12, same), meeting(11, same), meeting(10, T0 + 2 * HOUR)];
		// A page boundary that shifted under the poll lists key 10 again on page 2.
		const page2 = [meeting(10, T0 + 2 * HOUR), meeting(13, same)];

		const first = poll(seeded, [page1, page2]);
		expect(first.keys).toEqual(['11', '12', '13', '10']);

		const again = poll(first.state, [page1, page2]);
		expect(again.keys).toEqual([]);
	});

	test('ignores what is not eligible yet and emits it once it is', () => {
		const seeded = poll(undefined, [], { source: recordings }).state;
		const processing = poll(seeded, [[recording(1, T0, 'processing')]], { source: recordings });
		expect(processing.keys).toEqual([]);
		expect(processing.state.seen).toEqual({});

		const available = poll(processing.state, [[recording(1, T0)]], { source: recordings });
		expect(available.keys).toEqual(['REC_1']);
	});

	test('a late completion inside the window is emitted, one that started before it is not', () => {
		let state = poll(undefined, []).state;
		state = poll(state, [[meeting(1, T0 + 30 * HOUR)]]).state;
		expect(state.since).toBe(at(T0 + 6 * HOUR).replace('Z', '.000Z'));

		const late = poll(state, [[meeting(1, T0 + 30 * HOUR), meeting(2, T0 + 7 * HOUR), meeting(3, T0 + 5 * HOUR)]]);
		expect(late.keys).toEqual(['2']);
	});

	test('objects without an ID or of another status are skipped', () => {
		const seeded = poll(undefined, []).state;
		const result = poll(seeded, [
			[
				{ topic: 'no key', status: 'completed', start_time: at(T0) },
				meeting(1, T0, 'scheduled'),
				meeting(2, T0, 'cancelled'),
			],
		]);
		expect(result.keys).toEqual([]);
	});

	test('an object without a start time is emitted once and remembered a full window', () => {
		let state = poll(undefined, [[meeting(1, T0)]]).state;
		const undated = { meeting_key: '9', status: 'completed' };
		const first = poll(state, [[undated]]);
		expect(first.keys).toEqual(['9']);
		state = first.state;
		expect(poll(state, [[undated]]).keys).toEqual([]);
	});

	test('start times given as epoch seconds or milliseconds count like ISO ones', () => {
		let state = poll(undefined, []).state;
		const seconds = { meeting_key: '1', status: 'completed', start_time: (T0 + HOUR) / 1000 };
		const millis = { meeting_key: '2', status: 'completed', start_time: T0 + 2 * HOUR };
		state = poll(state, [[seconds, millis]]).state;
		expect(state.newest).toBe(new Date(T0 + 2 * HOUR).toISOString());
		expect(state.seen).toEqual({ '1': (T0 + HOUR) / 1000, '2': (T0 + 2 * HOUR) / 1000 });

		state = poll(state, [[meeting(3, T0 + 26 * HOUR)]]).state;
		expect(Object.keys(state.seen).sort()).toEqual(['2', '3']);
	});

	test('the window never moves back, not even when the user widens it', () => {
		let state = poll(undefined, []).state;
		state = poll(state, [[meeting(1, T0 + 48 * HOUR)]]).state;
		const since = Date.parse(state.since);
		expect(since).toBe(T0 + 24 * HOUR);

		const wider = new PollRound(state, settings({ windowMs: 72 * HOUR }));
		expect(wider.since).toBe(since);
		const narrower = new PollRound(state, settings({ windowMs: 2 * HOUR }));
		expect(narrower.since).toBe(T0 + 46 * HOUR);
	});

	test('changing the event starts over with a seeding poll', () => {
		const state = poll(undefined, [[meeting(1, T0)]]).state;
		const switched = new PollRound(state, settings({ source: recordings }));
		expect(switched.seeding).toBe(true);
	});

	test('a damaged or foreign state is treated as no state', () => {
		const damaged = [null, 'x', { version: 2 }, { version: 1, event: 'meetingCompleted', since: 'soon', seen: {} }];
		for (const stored of damaged) {
			expect(new PollRound(stored, settings()).seeding).toBe(true);
		}
	});

	test('finish() does not change the state it started from', () => {
		const state = poll(undefined, [[meeting(1, T0)]]).state;
		const before = JSON.stringify(state);
		poll(state, [[meeting(2, T0 + HOUR)]]);
		expect(JSON.stringify(state)).toBe(before);
	});

	test('forgets an ID only once its start time has left the window', () => {
		let state = poll(undefined, []).state;
		state = poll(state, [[meeting(1, T0 + 1000)]]).state;
		// 24 h later to the millisecond: meeting 1 is still listed, so still remembered.
		state = poll(state, [[meeting(1, T0 + 1000), meeting(2, T0 + 24 * HOUR + 1000)]]).state;
		expect(Object.keys(state.seen).sort()).toEqual(['1', '2']);

		state = poll(state, [[meeting(3, T0 + 24 * HOUR + 2000)]]).state;
		expect(Object.keys(state.seen).sort()).toEqual(['2', '3']);
		// The server may still list it (a from_date rounded down); the window start decides.
		expect(poll(state, [[meeting(1, T0 + 1000)]]).keys).toEqual([]);
	});

	test('a sub-second start time is never forgotten while it can still be listed', () => {
		let state = poll(undefined, []).state;
		const start = T0 + 500;
		state = poll(state, [[{ ...meeting(1, T0), start_time: new Date(start).toISOString() }]]).state;
		state = poll(state, [[meeting(2, start + 24 * HOUR - 200)]]).state;
		expect(Date.parse(state.since)).toBeLessThanOrEqual(start);
		expect(state.seen['1']).toBeDefined();
	});

	test('state size stays bounded: 10,000 events take no more room than 1,000', () => {
		const sizes = new Map<number, number>();
		let state: TriggerState | undefined;
		let key = 1_000_000_000;
		// 50 meetings an hour, polled hourly with a 6-hour window.
		for (let hour = 0; hour <= 200; hour++) {
			const batch = Array.from({ length: hour === 0 ? 0 : 50 }, () => meeting(++key, T0 + hour * HOUR));
			state = poll(state, [batch], { windowMs: 6 * HOUR }).state;
			sizes.set(hour * 50, JSON.stringify(state).length);
		}
		expect(sizes.get(10_000)).toBeLessThanOrEqual(sizes.get(1_000) as number);
		expect(Object.keys(state?.seen ?? {}).length).toBeLessThanOrEqual(7 * 50);
	});

	test('more eligible objects than the cap move the window start instead of growing the state', () => {
		const seeded = poll(undefined, [], { maxRemembered: 5 }).state;
		const burst = Array.from({ length: 8 }, (_, i) => meeting(100 + i, T0 + i * 1000));
		const result = poll(seeded, [burst], { maxRemembered: 5 });

		expect(result.keys).toHaveLength(8);
		expect(Object.keys(result.state.seen).sort()).toEqual(['103', '104', '105', '106', '107']);
		expect(Date.parse(result.state.since)).toBe(T0 + 2000 + 1);
		// The forgotten ones are before the window now, so they are not emitted again.
		expect(poll(result.state, [burst], { maxRemembered: 5 }).keys).toEqual([]);
	});

	test('the cap drops a whole second at once, never half of the objects sharing it', () => {
		const seeded = poll(undefined, [], { maxRemembered: 2 }).state;
		const burst = [meeting(1, T0), meeting(2, T0 + 1000), meeting(3, T0 + 1000), meeting(4, T0 + 2000)];
		const result = poll(seeded, [burst], { maxRemembered: 2 });

		// Dropping 1 and 2 ends the window's memory inside the second that 3 shares with 2,
		// so 3 goes too and the window starts after that second.
		expect(Object.keys(result.state.seen).sort()).toEqual(['4']);
		expect(Date.parse(result.state.since)).toBe(T0 + 1000 + 1);
		expect(poll(result.state, [burst], { maxRemembered: 2 }).keys).toEqual([]);
	});

	test('a pass cut short resumes at the next page, and a cut-short first poll stays quiet', () => {
		const round = new PollRound(undefined, settings());
		round.take([meeting(1, T0)]);
		const { emit, state } = round.finish({ page: 2 });
		expect(emit).toEqual([]);
		// The quiet pass remembers when it began by the server's clock (here n8n's: none was given).
		expect(state.resume).toEqual({ page: 2, quiet: true, activatedAt: new Date(T0).toISOString() });

		const resumed = new PollRound(state, settings());
		expect(resumed.firstPosition).toEqual({ page: 2 });
		resumed.take([meeting(2, T0)]);
		const rest = resumed.finish();
		expect(rest.emit).toEqual([]);
		expect(rest.state.resume).toBeUndefined();
		expect(Object.keys(rest.state.seen).sort()).toEqual(['1', '2']);

		const next = new PollRound(rest.state, settings());
		expect(next.firstPosition).toEqual({ page: 1 });
		next.take([meeting(1, T0), meeting(2, T0), meeting(3, T0)]);
		expect(next.finish().emit.map((m) => m.meeting_key)).toEqual(['3']);
	});
});

describe('PollRound: future start times and clocks', () => {
	const DAY = 24 * HOUR;

	test('an object dated a week ahead is emitted once and does not move the window past now − window', () => {
		const state = poll(undefined, [], { source: recordings }, T0).state;
		const early = recording(1, T0 + 7 * DAY);
		const withEarly = poll(state, [[early]], { source: recordings }, T0);
		expect(withEarly.keys).toEqual(['REC_1']);
		expect(Date.parse(withEarly.state.since)).toBeLessThanOrEqual(T0 - 24 * HOUR);
		expect(withEarly.state.newest).toBe(new Date(T0).toISOString());

		// An hour later a recording of an hour ago comes in: inside the window, emitted.
		const later = poll(withEarly.state, [[recording(2, T0), early]], { source: recordings }, T0 + HOUR);
		expect(later.keys).toEqual(['REC_2']);
		// Remembered by its real start while lists return it, then forgotten with it.
		expect(later.state.seen.REC_1).toBe((T0 + 7 * DAY) / 1000);
		const weekLater = poll(later.state, [[early]], { source: recordings }, T0 + 7 * DAY);
		expect(weekLater.keys).toEqual([]);
		const afterIt = poll(weekLater.state, [[recording(3, T0 + 9 * DAY)]], { source: recordings }, T0 + 9 * DAY);
		expect(afterIt.keys).toEqual(['REC_3']);
		expect(afterIt.state.seen.REC_1).toBeUndefined();
	});

	test('without a server clock, n8n\'s clock caps start times', () => {
		const state = poll(undefined, [], {}, T0).state;
		const round = new PollRound(state, settings({ nowMs: T0 + HOUR }));
		round.take([meeting(1, T0 + 3 * DAY)]);
		expect(round.finish().state.newest).toBe(new Date(T0 + HOUR).toISOString());
	});

	test('the first window is placed again when Zoho\'s clock is behind n8n\'s by more than a minute', () => {
		const placed = (serverNow: number) => {
			const round = new PollRound(undefined, settings({ windowMs: HOUR }));
			round.take([], serverNow);
			return round.placedLate;
		};
		expect(placed(T0 - 3 * HOUR)).toBe(true);
		expect(placed(T0 - 2 * 60_000)).toBe(true);
		expect(placed(T0 - 30_000)).toBe(false);
		expect(placed(T0 + 3 * HOUR)).toBe(false);
		const stored = poll(undefined, [], {}, T0).state;
		const later = new PollRound(stored, settings());
		later.take([], T0 - 3 * HOUR);
		expect(later.placedLate).toBe(false);
	});

	test('a split quiet pass emits what its own times show changed after activation, and remembers the rest', () => {
		const activation = new PollRound(undefined, settings());
		activation.take([meeting(1, T0 - 5 * HOUR)], T0);
		const cut = activation.finish({ page: 2 });
		expect(cut.emit).toEqual([]);

		const completedLater = { ...meeting(2, T0 - HOUR), modified_time: at(T0 + 10 * 60_000) };
		const completedBefore = { ...meeting(3, T0 - 3 * HOUR), modified_time: at(T0 - 2 * HOUR) };
		const createdLater = { ...recording(4, T0 - HOUR), meeting_key: '2', created_time: at(T0 + 60_000) };
		const undated = meeting(5, T0 - 2 * HOUR);
		const resumed = new PollRound(cut.state, settings({ nowMs: T0 + 15 * 60_000 }));
		resumed.take([completedLater, completedBefore, createdLater, undated], T0 + 15 * 60_000);
		const rest = resumed.finish();
		expect(rest.emit.map((m) => m.meeting_key)).toEqual(['2']);
		expect(Object.keys(rest.state.seen).sort()).toEqual(['1', '2', '3', '5']);
		expect(rest.state.resume).toBeUndefined();

		// A pass cut short by an older version carries no activation time: it stays quiet.
		const older = new PollRound({ ...cut.state, resume: { page: 2, quiet: true } }, settings());
		older.take([completedLater], T0 + 15 * 60_000);
		expect(older.finish().emit).toEqual([]);
	});

	test('more objects than the memory holds are reported, with the new window start', () => {
		const seeded = poll(undefined, [], { maxRemembered: 3 }).state;
		const burst = Array.from({ length: 5 }, (_, i) => meeting(200 + i, T0 + i * 1000));
		const result = poll(seeded, [burst], { maxRemembered: 3 });
		expect(result.narrowed).toEqual({ from: T0 + 4000 - 24 * HOUR, to: T0 + 1000 + 1, forgotten: 2 });
		expect(poll(result.state, [burst.slice(2)], { maxRemembered: 3 }).narrowed).toBeUndefined();
	});
});

describe('newestEligible', () => {
	test('picks the eligible object that started last', () => {
		const listed = [meeting(1, T0 + HOUR), meeting(2, T0 + 2 * HOUR, 'scheduled'), meeting(3, T0)];
		expect(newestEligible(listed, meetings)?.meeting_key).toBe('1');
	});

	test('breaks a tie of start times by creation time, then ID', () => {
		const a = { ...recording(9, T0), created_time: at(T0 + 2 * HOUR) };
		const b = { ...recording(10, T0), created_time: at(T0 + HOUR) };
		const c = recording(11, T0);
		expect(newestEligible([b, a], recordings)?.recording_id).toBe('REC_9');
		expect(newestEligible([c, recording(2, T0)], recordings)?.recording_id).toBe('REC_11');
	});

	test('is undefined when nothing is eligible', () => {
		expect(newestEligible([recording(1, T0, 'processing')], recordings)).toBeUndefined();
	});
});

describe('outOfTime', () => {
	test('keeps a fifth of the budget, or three slow pages, in reserve', () => {
		expect(outOfTime(1_000, 10_000, 100)).toBe(false);
		expect(outOfTime(8_100, 10_000, 100)).toBe(true);
		expect(outOfTime(5_000, 10_000, 2_000)).toBe(true);
	});
});

describe('PollRound: the new events', () => {
	const scheduled = TRIGGER_EVENTS.meetingScheduled;
	const created = (key: number, start: number, createdAt: number): IDataObject => ({
		...meeting(key, start, 'scheduled'),
		created_time: at(createdAt),
	});

	test('a meeting listed again under a later start is remembered by it', () => {
		const seeded = poll(undefined, [], { source: scheduled }).state;
		const first = poll(seeded, [[created(1, T0 + HOUR, T0)]], { source: scheduled });
		expect(first.keys).toEqual(['1']);
		const moved = poll(first.state, [[created(1, T0 + 72 * HOUR, T0)]], { source: scheduled });
		expect(moved.keys).toEqual([]);
		expect(moved.state.seen['1']).toBe((T0 + 72 * HOUR) / 1000);
	});

	test('an object created before the window start is not new, even when the node no longer remembers it', () => {
		const seeded = poll(undefined, [], { source: scheduled }).state;
		const forgotten = poll(seeded, [[created(2, T0 + 5 * HOUR, T0 - 30 * HOUR)]], { source: scheduled });
		expect(forgotten.keys).toEqual([]);
		expect(Object.keys(forgotten.state.seen)).toEqual(['2']);
		expect(poll(seeded, [[created(3, T0 + 5 * HOUR, T0 - HOUR)]], { source: scheduled }).keys).toEqual(['3']);
	});

	test('a registration counts as starting when its webinar starts, whatever its status', () => {
		const registrations = TRIGGER_EVENTS.newRegistration;
		const registration = (id: number, webinarStart: number, status: string): IDataObject => ({
			registration_id: `R${id}`,
			status,
			webinar_start_time: at(webinarStart),
			registered_time: at(T0),
		});
		const seeded = poll(undefined, [], { source: registrations }).state;
		const found = poll(seeded, [[registration(1, T0 + 48 * HOUR, 'pending'), registration(2, T0 + 24 * HOUR, 'approved')]], {
			source: registrations,
		});
		expect(found.emit.map((r) => r.registration_id)).toEqual(['R2', 'R1']);
		expect(found.state.seen).toEqual({ R1: (T0 + 48 * HOUR) / 1000, R2: (T0 + 24 * HOUR) / 1000 });
	});

	test('a state stored under other filters or another webinar is not continued: the poll starts over', () => {
		const scope = JSON.stringify({ topic: 'sales' });
		const stored = poll(undefined, [[meeting(1, T0)]], { scope }).state;
		expect(stored.scope).toBe(scope);
		expect(new PollRound(stored, settings({ scope })).seeding).toBe(false);
		expect(new PollRound(stored, settings({ scope: JSON.stringify({ topic: 'design' }) })).seeding).toBe(true);
		expect(new PollRound(stored, settings()).seeding).toBe(true);
		// A state stored before filters existed carries no scope, and goes on without filters.
		expect(new PollRound(poll(undefined, []).state, settings()).seeding).toBe(false);
	});

	test('a pass split over webinars resumes at the same webinar and page', () => {
		const round = new PollRound(undefined, settings({ source: TRIGGER_EVENTS.newRegistration }));
		const { state } = round.finish({ page: 3, webinarKey: '2000000002' });
		expect(state.resume).toMatchObject({ page: 3, webinarKey: '2000000002', quiet: true });
		expect(new PollRound(state, settings({ source: TRIGGER_EVENTS.newRegistration })).firstPosition).toEqual({
			page: 3,
			webinarKey: '2000000002',
		});
	});
});
