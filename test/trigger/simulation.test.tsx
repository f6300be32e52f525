/**
 * A randomized simulation of the Zoho Meeting Trigger, all five events at once: the real
 * node, polled through n8n-core's PollContext (the harness's runPoll), against the
 * in-process sandbox whose virtual clock makes meetings end and recordings finish
 * processing. Meetings arrive alone and in bursts larger than a page, many starting the
 * same second; some run for hours (late completions), recordings take up to two hours to
 * process, some meetings are cancelled or moved days later and some recordings deleted;
 * webinars come, move and go, and registrations arrive a few at a time or in bursts
 * larger than a page; some of it while a poll is halfway through its pages. Polls meet
 * 5xx, 429 and connection resets, some so many that they fail.
 * Some meetings are held early and keep their scheduled start, days ahead, and so do their
 * recordings; and Zoho's clock (the sandbox's) is set apart from n8n's (the host's) by up
 * to twice the window, either way.
 *
 * It runs in both wire dialects: the v2 reference, and Zoho's organization API
 * (docs/zoho-api.md), with the events that API can list (Meeting Cancelled and New
 * Webinar Registration are refused there, test/trigger/organization.test.tsx).
 *
 * Replay one seed: ZOHO_TRIGGER_SEED=<seed> npx jest test/trigger/simulation.test.tsx
 * (-t organization for that dialect alone). More rounds per seed: ZOHO_TRIGGER_ROUNDS=<n>.
 */
import { systemClock } from '../../nodes/ZohoMeeting/transport/clock';
import { TRIGGER_EVENTS } from '../../nodes/ZohoMeetingTrigger/events';
import { latestTime } from '../../nodes/ZohoMeetingTrigger/objectTimes';
import { MAX_REMEMBERED, type TriggerEvent } from '../../nodes/ZohoMeetingTrigger/pollState';
import type { FaultRequest } from '../../sandbox/faults';
import type { ApiName } from '../../sandbox/model';
import type { RequestLogEntry } from '../../sandbox/requestLog';
import type { Store } from '../../sandbox/store';
import { random, type Random } from '../helpers/random';
import { emitted, HOUR_S, LIST_PATTERNS, listRequests, trigger, useSandbox, zohoTime, type SandboxHandle } from './fixture';
import { addMeeting, Ledger, START_UNIT_MS, World, type Eligible } from './simulationWorld';

const SEEDS = process.env.ZOHO_TRIGGER_SEED ? [Number(process.env.ZOHO_TRIGGER_SEED)] : [11, 23, 37, 41, 59];
const ROUNDS = Number(process.env.ZOHO_TRIGGER_ROUNDS ?? 32);
const WINDOW_HOURS = 12;
const MINUTE_MS = 60_000;
const DIALECTS: ApiName[] = ['v2', 'organization'];
const ALL_EVENTS = Object.keys(TRIGGER_EVENTS) as TriggerEvent[];
/** The events each dialect can list. */
const EVENTS: Record<ApiName, TriggerEvent[]> = {
	v2: ALL_EVENTS,
	organization: ALL_EVENTS.filter((event) => TRIGGER_EVENTS[event].notInOrganization === undefined),
};

const realSleep = systemClock.sleep;

beforeEach(() => {
	// The transport's real back-off (0.5 s, 1 s, 2 s) is tested with the transport; here
	// hundreds of injected failures would make it minutes, so its clock sleeps 250 times faster.
	jest.spyOn(systemClock, 'sleep').mockImplementation(async (ms, signal) => await realSleep(ms / 250, signal));
});
afterEach(() => jest.restoreAllMocks());

type Plan =
	| { kind: 'quiet' }
	| { kind: 'retried'; fault: FaultRequest['fault'] }
	| { kind: 'failing'; fault: FaultRequest['fault']; count: number }
	| { kind: 'changing' };

function planPoll(rng: Random): Plan {
	const roll = rng.next();
	if (roll < 0.1) return { kind: 'retried', fault: { type: 'status', status: rng.pick([500, 502, 503]) } };
	if (roll < 0.18) return { kind: 'retried', fault: { type: 'reset' } };
	if (roll < 0.24) return { kind: 'retried', fault: { type: 'status', status: 429, headers: { 'Retry-After': '0' } } };
	if (roll < 0.26) return { kind: 'retried', fault: { type: 'status', status: 429, retryAfterSeconds: 0 } };
	if (roll < 0.32) {
		// A spent quota: reset an hour away, longer than the transport waits, so the poll fails.
		return { kind: 'failing', fault: { type: 'status', status: 429, headers: { 'Retry-After': '3600' } }, count: 1 };
	}
	if (roll < 0.36) {
		const fault = rng.pick([{ type: 'status', status: 503 }, { type: 'reset' }] as const);
		return { kind: 'failing', fault, count: 4 };
	}
	if (roll < 0.48) return { kind: 'changing' };
	return { kind: 'quiet' };
}

interface Tally {
	polls: number;
	failed: number;
	manual: number;
	emitted: number;
	quietSinglePage: number;
	changedMidPoll: number;
	/** Objects dated ahead (held early) that came out. */
	datedAhead: number;
	/** How far Zoho's clock was from n8n's, in hours (negative: behind). */
	skewHours: number;
	/** What each event emitted. */
	byEvent: Map<TriggerEvent, number>;
}

async function simulate(handle: SandboxHandle, seed: number): Promise<Tally> {
	const rng = random(seed);
	const store = handle.sandbox.state;
	const world = new World(store, rng, handle.api);
	const skewHours = rng.int(-2 * WINDOW_HOURS, 2 * WINDOW_HOURS);
	const tally: Tally = {
		polls: 0,
		failed: 0,
		manual: 0,
		emitted: 0,
		quietSinglePage: 0,
		changedMidPoll: 0,
		datedAhead: 0,
		skewHours,
		byEvent: new Map(),
	};
	store.config.recordingProcessingSeconds = 1800;
	// Zoho's clock apart from n8n's, before anything exists that its moving back could undo.
	store.clock.advance(skewHours * 3600);

	// Before activation: meetings long over (with recordings) and some still running.
	const now = store.now();
	for (let i = 0; i < 30; i++) {
		const fields = { topic: `Earlier ${i}`, duration: 60, recording_enabled: rng.chance(0.7) };
		addMeeting(store, now - rng.int(3 * 60, 30 * 60) * MINUTE_MS, fields, START_UNIT_MS[handle.api]);
	}
	addMeeting(store, now - 10 * MINUTE_MS, { topic: 'Running', duration: 120, recording_enabled: true }, START_UNIT_MS[handle.api]);
	// And ahead: meetings scheduled, one already cancelled, webinars with registrations.
	world.arrive(5, false);
	store.cancelMeeting(addMeeting(store, now + 5 * HOUR_S * 1000, { topic: 'Called off', duration: 30 }, START_UNIT_MS[handle.api]));
	world.arriveWebinars(3);
	world.register(true);

	const ledgers = EVENTS[handle.api].map(
		(event) => new Ledger(trigger(handle, event, { lookBackWindow: WINDOW_HOURS, name: event })),
	);
	for (const ledger of ledgers) {
		for (const id of world.eligible(ledger.node.event).keys()) ledger.before.add(id);
		expect((await ledger.node.poll()).items).toBeNull();
	}

	const pollOnce = async (ledger: Ledger) => {
		const { node } = ledger;
		const event = node.event;
		if (rng.chance(0.05)) {
			await fetchTestEvent(ledger, world);
			tally.manual += 1;
		}

		const plan = planPoll(rng);
		const since = Date.parse(node.state()?.since ?? '');
		const pagesNow = world.requestsOfPass(event, since);
		const target = rng.int(1, pagesNow);
		await handle.admin.clearFaults();
		await handle.admin.clearRequests();
		const path = LIST_PATTERNS[handle.api][event];
		if (plan.kind === 'retried' || plan.kind === 'failing') {
			// Requests before the target pass untouched (a zero delay), so the fault lands on page `target`.
			if (target > 1) await handle.admin.injectFault({ path, count: target - 1, fault: { type: 'delay', ms: 0 } });
			await handle.admin.injectFault({ path, count: plan.kind === 'failing' ? plan.count : 1, fault: plan.fault });
		}
		const restore =
			plan.kind === 'changing'
				? changeBeforeRequest(store, world.listMethods(event), target, () => {
						// Between two pages of this poll: things arrive, end, and disappear.
						for (const other of ledgers) other.observe(world.eligible(other.node.event));
						world.advance(rng.int(1, 30));
						world.change();
						for (const other of ledgers) other.observe(world.eligible(other.node.event));
						tally.changedMidPoll += 1;
					})
				: undefined;

		const before = world.eligible(event);
		ledger.observe(before);
		const stateBefore = node.snapshot();
		tally.polls += 1;
		try {
			const result = await node.poll();
			const objects = emitted(result.items);
			for (const other of ledgers) other.observe(world.eligible(other.node.event));
			ledger.record(objects);
			tally.emitted += objects.length;
			tally.byEvent.set(event, (tally.byEvent.get(event) ?? 0) + objects.length);
			const { idField } = TRIGGER_EVENTS[event];
			tally.datedAhead += objects.filter((object) => world.datedAhead.has(String(object[idField]))).length;
		} catch (error) {
			if (plan.kind !== 'failing' && !shiftedTooFar(handle.api, plan, error)) throw error;
			tally.failed += 1;
			if (node.snapshot() !== stateBefore) throw new Error(`${event}: a failed poll changed the stored state`);
			return;
		} finally {
			restore?.();
		}
		if (plan.kind === 'changing') return;

		ledger.expectCaughtUp(before, world.eligible(event));
		const state = node.state();
		expect(Object.keys(state?.seen ?? {}).length).toBeLessThanOrEqual(MAX_REMEMBERED);
		expect(Object.values(state?.seen ?? {}).every((s) => s * 1000 >= Date.parse(state?.since ?? ''))).toBe(true);
		if (plan.kind === 'quiet') {
			// Only the pages the window needs: one for a window that fits a page. (A meeting
			// ending on the real clock during the poll may add one to the count afterwards.)
			const requests = await listRequests(handle, event);
			expect([pagesNow, world.requestsOfPass(event, since)]).toContain(requests.length);
			expectWholePass(handle.api, requests, since);
			if (requests.length === 1) tally.quietSinglePage += 1;
		}
	};

	for (let round = 0; round < ROUNDS; round++) {
		world.advance(rng.int(5, 60));
		world.change();
		for (const ledger of rng.chance(0.5) ? ledgers : [...ledgers].reverse()) await pollOnce(ledger);
	}

	// Drain: everything ends and finishes processing; two clean polls must catch up fully.
	await handle.admin.clearFaults();
	world.advance(10 * 60);
	for (const ledger of ledgers) {
		for (let i = 0; i < 2; i++) {
			const before = world.eligible(ledger.node.event);
			ledger.observe(before);
			const result = await ledger.node.poll();
			ledger.record(emitted(result.items));
			ledger.expectCaughtUp(before, world.eligible(ledger.node.event));
			tally.polls += 1;
		}
		for (const id of ledger.before) expect(ledger.counts.has(id)).toBe(false);
	}
	return tally;
}

/**
 * The organization API pages by position, newest first (sandbox/organization/common.ts):
 * a burst of meetings ending or recordings arriving between two pages moves every later
 * one. When the next page is then all objects of the page before, and still so when asked
 * for by page number, the pager fails the list rather than end it short
 * (transport/pageRules.ts): the poll fails, leaves its state as it was, and the next poll
 * reads the list again.
 */
function shiftedTooFar(api: ApiName, plan: Plan, error: unknown): boolean {
	return api === 'organization' && plan.kind === 'changing' && (error as Error).message === 'Zoho Meeting keeps answering objects the node already has';
}

/** Runs `change` just before the `nth` list request of a poll is answered: `methods` answer them. */
function changeBeforeRequest(store: Store, methods: Array<keyof Store>, nth: number, change: () => void): () => void {
	let calls = 0;
	const spies = methods.map((method) => {
		const original = (store[method] as (argument: unknown) => unknown).bind(store);
		const methodsOf = store as unknown as Record<string, (argument: unknown) => unknown>;
		return jest.spyOn(methodsOf, method).mockImplementation((argument: unknown) => {
			calls += 1;
			if (calls === nth) change();
			return original(argument);
		});
	});
	return () => spies.forEach((spy) => spy.mockRestore());
}

/**
 * A pass without a fault: each list read page by page from 1, 100 a page, from the window
 * start; in the organization API by the first record's position (`index`), without a date
 * (it has no date filter: the node applies it).
 */
function expectWholePass(api: ApiName, requests: RequestLogEntry[], since: number): void {
	const pagesByPath = new Map<string, string[]>();
	for (const { path, query } of requests) {
		if (api === 'organization') {
			expect([query.count, query.from_date]).toEqual(['100', undefined]);
			pagesByPath.set(path, [...(pagesByPath.get(path) ?? []), String((Number(query.index) - 1) / 100 + 1)]);
			continue;
		}
		expect(query.per_page).toBe('100');
		// Registrations have no date filter: their webinars do.
		if (!path.endsWith('/registrations')) expect(query.from_date).toBe(zohoTime(since));
		pagesByPath.set(path, [...(pagesByPath.get(path) ?? []), query.page]);
	}
	for (const pages of pagesByPath.values()) expect(pages).toEqual(pages.map((_, i) => String(i + 1)));
}

/** Fetch Test Event: the newest eligible object of the window, and the state untouched. */
async function fetchTestEvent(ledger: Ledger, world: World): Promise<void> {
	const { node } = ledger;
	const event = node.event;
	const stateBefore = node.snapshot();
	const since = Date.parse(node.state()?.since ?? '');
	const inWindow = [...world.eligible(event).values()].filter((eligible) => eligible.start >= since);
	const result = await node.poll('manual').catch((error: Error) => error);
	expect(node.snapshot()).toBe(stateBefore);
	if (inWindow.length === 0) {
		expect(result).toMatchObject({ message: expect.stringMatching(/^No .* yet$/) });
		return;
	}
	if (result instanceof Error) throw result;
	const [newest] = emitted(result.items);
	const definition = TRIGGER_EVENTS[event];
	if (definition.eligibleStatus !== undefined) expect(newest.status).toBe(definition.eligibleStatus);
	// Newest by start, or by the time it became eligible (see testEvent.ts); by start where
	// the objects do not tell when they became eligible (the organization API's).
	const newestOf = (key: keyof Eligible) => Math.max(...inWindow.map((eligible) => eligible[key]));
	if (definition.newestBy === 'change' && Number.isFinite(newestOf('changed'))) {
		expect(latestTime(newest, definition.changedFields)).toBe(newestOf('changed'));
	} else {
		expect(Date.parse(String(newest[definition.startField]))).toBe(newestOf('start'));
	}
}

describe.each(DIALECTS)('Zoho Meeting Trigger simulation (%s API)', (api) => {
	const handle = useSandbox({ api });
	const totals: Tally[] = [];
	afterAll(() => {
		const polls = totals.reduce((sum, t) => sum + t.polls, 0);
		// Several hundred polls over all seeds, as the issue asks; fewer means the run was cut short.
		if (!process.env.ZOHO_TRIGGER_SEED && !process.env.ZOHO_TRIGGER_ROUNDS) expect(polls).toBeGreaterThanOrEqual(300);
		// And Zoho's clock more than the window behind n8n's in one run, ahead in another.
		if (!process.env.ZOHO_TRIGGER_SEED) {
			expect(Math.min(...totals.map((t) => t.skewHours))).toBeLessThan(-WINDOW_HOURS);
			expect(Math.max(...totals.map((t) => t.skewHours))).toBeGreaterThan(WINDOW_HOURS);
		}
	});

	test.each(SEEDS)('seed %i: every eligible object exactly once, nothing else', async (seed) => {
		let tally: Tally;
		try {
			tally = await simulate(handle, seed);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			throw new Error(
				`Simulation failed for seed ${seed} (${api} API). ` +
					`Replay: ZOHO_TRIGGER_SEED=${seed} npx jest test/trigger/simulation.test.tsx -t ${api}\n${message}`,
			);
		}
		totals.push(tally);
		// The run must have exercised what it claims to.
		expect(tally.failed).toBeGreaterThan(0);
		expect(tally.emitted).toBeGreaterThan(100);
		expect(tally.quietSinglePage).toBeGreaterThan(0);
		expect(tally.changedMidPoll).toBeGreaterThan(0);
		expect(tally.datedAhead).toBeGreaterThan(0);
		// Every event had objects come out, not only the busiest.
		expect(EVENTS[api].filter((event) => (tally.byEvent.get(event) ?? 0) === 0)).toEqual([]);
	});
});

describe('Zoho Meeting Trigger state size', () => {
	const handle = useSandbox();
	test('after 10,000 events the stored state is no larger than after 1,000', async () => {
		const store = handle.sandbox.state;
		const completed = trigger(handle, 'meetingCompleted', { lookBackWindow: 2 });
		await completed.poll();
		const t0 = store.now();
		const sizes = new Map<number, number>();
		let emittedCount = 0;
		// 50 meetings an hour, polled hourly, for 200 hours; times set outright, so that
		// the real time a poll takes never shifts one hour's meetings into another's second.
		for (let hour = 1; hour <= 200; hour++) {
			for (let i = 0; i < 50; i++) addMeeting(store, t0 + hour * HOUR_S * 1000, { topic: `Hour ${hour}`, duration: 15 });
			store.clock.set(t0 + hour * HOUR_S * 1000 + 30 * MINUTE_MS);
			emittedCount += emitted((await completed.poll()).items).length;
			sizes.set(emittedCount, JSON.stringify(completed.state()).length);
		}

		expect(emittedCount).toBe(10_000);
		expect(sizes.get(10_000)).toBeLessThanOrEqual(sizes.get(1_000) as number);
		// The window holds this hour's meetings and the two hours' before.
		expect(Object.keys(completed.state()?.seen ?? {})).toHaveLength(3 * 50);
	});
});
