import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { TriggerEvent } from '../../nodes/ZohoMeetingTrigger/pollState';
import type { Fault } from '../../sandbox/faults';
import type { Store } from '../../sandbox/store';
import type { PollResult } from '../harness';
import { holdEarly } from '../helpers/heldEarly';
import { random, type Random } from '../helpers/random';
import { DIALECTS, type Wire } from './dialects';
import { count } from './ledger';
import { TEST_REQUEST_TIMEOUT_MS, useReliabilitySandbox, type ReliabilitySandbox } from './session';

/**
 * The class "future and skewed timestamps", generated: in each case an active Zoho Meeting
 * Trigger polls the sandbox while Zoho's clock (the sandbox's) is set apart from n8n's (the
 * host's) by up to three windows either way, meetings are held early and keep their
 * scheduled start up to a month ahead (and so do their recordings), ordinary meetings come
 * and go, and the faults of trigger.reliability.tsx hit the polls. Each case must end with
 * nothing that was eligible at activation emitted, everything that became eligible later
 * emitted exactly once, and every failed poll leaving the stored state as it was. The
 * cases run in both dialects: in Zoho's organization API (docs/zoho-api.md) start times
 * are whole minutes, recordings are named by their `erecordingId`, the lists have no date
 * filter, and a meeting's status comes from its schedule read by Zoho's clock.
 *
 * Replay one case: ZOHO_CLOCK_CASE=<n> npx jest -c jest.reliability.config.js test/reliability/clocks.reliability.tsx
 */
const CASES = 24;
const SEED = 20_251_215;
const MINUTE_MS = 60_000;
/** The events whose objects a skewed clock dates (the simulation, test/trigger, runs all five skewed). */
type ClockEvent = Extract<TriggerEvent, 'meetingCompleted' | 'recordingAvailable'>;

const listPath = (wire: Wire, event: ClockEvent) => (event === 'meetingCompleted' ? wire.meetings : wire.recordings);
const ID_FIELD: Record<ClockEvent, string> = { meetingCompleted: 'meeting_key', recordingAvailable: 'recording_id' };

/** Faults a poll survives (the transport retries), and faults it fails on. */
const SURVIVABLE: Fault[] = [
	{ type: 'status', status: 503 },
	{ type: 'reset' },
	{ type: 'status', status: 429, retryAfterSeconds: 1 },
	{ type: 'malformedJson' },
	{ type: 'delay', ms: TEST_REQUEST_TIMEOUT_MS * 3 },
];
const FAILING: Fault[] = [{ type: 'status', status: 500 }, { type: 'reset' }];

interface ClockCase {
	index: number;
	event: ClockEvent;
	windowHours: number;
	/** Zoho's clock minus n8n's; beyond ± the window in about half the cases. */
	skewMinutes: number;
}

const cases: ClockCase[] = Array.from({ length: CASES }, (_, index) => {
	const rng = random(SEED + index);
	const windowHours = rng.pick([1, 2, 6, 24]);
	return {
		index,
		event: index % 2 === 0 ? 'meetingCompleted' : 'recordingAvailable',
		windowHours,
		skewMinutes: rng.int(-3 * windowHours * 60, 3 * windowHours * 60),
	};
});
const only = process.env.ZOHO_CLOCK_CASE;
const selected = only === undefined ? cases : cases.filter((entry) => entry.index === Number(only));

/** What is eligible in the store now, by the ID the dialect's API gives. */
function eligibleIds(store: Store, event: ClockEvent, wire: Wire): Set<string> {
	store.settle();
	const ids = new Set<string>();
	if (event === 'meetingCompleted') {
		for (const meeting of store.meetings.values()) {
			if (store.meetingStatus(meeting) === 'completed') ids.add(meeting.meeting_key);
		}
	} else {
		for (const recording of store.recordings.values()) {
			if (store.recordingStatus(recording) === 'available') ids.add(wire.recordingId(recording.recording_id));
		}
	}
	return ids;
}

/**
 * Ordinary meetings that started up to a quarter window ago and last up to a quarter
 * window, so each is eligible (its recording processed) well inside the window; and now
 * and then one held early. Returns the IDs dated ahead.
 */
function arrive(store: Store, rng: Random, windowMinutes: number, wire: Wire): string[] {
	const now = store.now();
	const quarter = Math.max(5, Math.floor(windowMinutes / 4));
	const whole = (ms: number) => Math.floor(ms / wire.startUnitMs) * wire.startUnitMs;
	for (let i = rng.int(0, 3); i > 0; i--) {
		const start = whole(now - rng.int(0, quarter) * MINUTE_MS);
		store.createMeeting(
			{ topic: 'Arrival', duration: rng.int(5, quarter - 2), recording_enabled: rng.chance(0.7) },
			{ start },
		);
	}
	if (!rng.chance(0.4)) return [];
	const { meeting, recording } = holdEarly(store, whole(now + rng.int(60, 30 * 24 * 60) * MINUTE_MS));
	return [meeting.meeting_key, wire.recordingId(recording.recording_id)];
}

async function armFault(zoho: ReliabilitySandbox, wire: Wire, event: ClockEvent, fault: Fault, times: number): Promise<void> {
	await zoho.admin.injectFault({ path: listPath(wire, event), count: times, fault });
}

describe.each(DIALECTS)('Zoho Meeting Trigger: future and skewed timestamps (%s API)', (api, wire) => {
	const zoho = useReliabilitySandbox({ fastPolicy: true, api });
	const datedAheadEmitted: number[] = [];
	afterAll(() => {
		// The class was exercised: objects dated ahead came out, in many cases.
		if (only === undefined) expect(datedAheadEmitted.filter((n) => n > 0).length).toBeGreaterThan(CASES / 3);
	});

	test.each(selected)(
		'case $index: $event, window $windowHours h, Zoho $skewMinutes min from n8n',
		async ({ index, event, windowHours, skewMinutes }) => {
			const rng = random(SEED * 7 + index);
			const store = zoho.sandbox.state;
			const windowMinutes = windowHours * 60;
			store.config.recordingProcessingSeconds = rng.pick([0, 60, 300]);
			// Before anything exists that moving the clock back could undo.
			store.clock.advance(skewMinutes * 60);
			// History: ended before activation, inside the window and before it.
			for (let i = 0; i < 4; i++) {
				const start = Math.floor((store.now() - rng.int(20, 2 * windowMinutes) * MINUTE_MS) / wire.startUnitMs) * wire.startUnitMs;
				store.createMeeting({ topic: 'History', duration: 10, recording_enabled: true }, { start });
			}
			const datedAhead = new Set(arrive(store, rng, windowMinutes, wire));

			const staticData: IDataObject = {};
			const parameters = { event, options: { lookBackWindow: windowHours } };
			const atActivation = eligibleIds(store, event, wire);
			expect((await zoho.poll(parameters, staticData)).items).toBeNull();

			const emittedIds: string[] = [];
			const record = ({ items }: PollResult) => {
				for (const item of items?.[0] ?? []) emittedIds.push(String(item.json[ID_FIELD[event]]));
			};
			let failedBefore = false;
			for (let round = rng.int(4, 7); round > 0; round--) {
				store.clock.advance(rng.int(5, Math.max(5, windowMinutes / 4)) * 60);
				for (const id of arrive(store, rng, windowMinutes, wire)) datedAhead.add(id);
				await zoho.admin.clearFaults();
				// Never two failing polls in a row: the next one must catch up inside the window.
				const failing: boolean = !failedBefore && rng.chance(0.2);
				const faulty = failing || rng.chance(0.4);
				if (failing) await armFault(zoho, wire, event, rng.pick(FAILING), 4);
				else if (faulty) await armFault(zoho, wire, event, rng.pick(SURVIVABLE), 1);
				const stateBefore = JSON.stringify(staticData);
				const outcome = await zoho.poll(parameters, staticData).then(
					(result) => result,
					(error: unknown) => error,
				);
				if (failing) {
					expect(outcome).toBeInstanceOf(NodeApiError);
					expect(JSON.stringify(staticData)).toBe(stateBefore);
					count('faultsSurvived');
				} else {
					if (outcome instanceof Error) throw outcome;
					record(outcome as PollResult);
					if (faulty) count('faultsSurvived');
				}
				failedBefore = failing;
			}

			// Everything ends and is processed; two clean polls catch up.
			await zoho.admin.clearFaults();
			store.clock.advance((windowMinutes / 2) * 60);
			for (let i = 0; i < 2; i++) record(await zoho.poll(parameters, staticData));

			const expected = [...eligibleIds(store, event, wire)].filter((id) => !atActivation.has(id));
			expect(emittedIds.filter((id, at) => emittedIds.indexOf(id) !== at)).toEqual([]);
			expect(emittedIds.filter((id) => atActivation.has(id))).toEqual([]);
			expect([...emittedIds].sort()).toEqual(expected.sort());
			datedAheadEmitted.push(emittedIds.filter((id) => datedAhead.has(id)).length);
			count('clockCases');
		},
	);
});
