import type { Clock } from '../../nodes/ZohoMeeting/transport/clock';
import { AccountBudget } from '../../nodes/ZohoMeeting/transport/rateLimit';

/**
 * The rate-limit budget that parallel calls of one account share: calls in flight are
 * deducted from what the last answer said, so a burst never outruns the window.
 */
const now = 1_765_000_000_000;
const answer = (remaining: number, resetInSeconds = 10, limit = 20) => ({
	'x-ratelimit-limit': String(limit),
	'x-ratelimit-remaining': String(remaining),
	'x-ratelimit-reset': String(now / 1000 + resetInSeconds),
});

/** A clock that stands still unless a test moves it; sleeping moves it. */
function fakeClock(start = now) {
	const clock = {
		time: start,
		now: () => clock.time,
		sleep: async (ms: number) => {
			clock.time += ms;
		},
		deadline: () => new AbortController().signal,
	};
	return clock satisfies Clock;
}

/** Starts calls while the budget lets them go at once; returns how many went. */
function burst(budget: AccountBudget, at: number, max: number): number {
	let started = 0;
	while (started < max && budget.waitBeforeCall(at) === 0 && budget.claimCall()) started++;
	return started;
}

describe('shared rate-limit budget', () => {
	let budget: AccountBudget;
	let clock: ReturnType<typeof fakeClock>;
	beforeEach(() => {
		clock = fakeClock();
		budget = new AccountBudget(clock);
	});

	it('lets only as many calls go as the last answer left, counting those in flight', () => {
		budget.recordAnswer(answer(3), now);
		expect(burst(budget, now, 10)).toBe(3);
		expect(budget.waitBeforeCall(now)).toBe(10_000);
	});

	it('deducts calls still in flight from an answer, which counted at most itself', () => {
		budget.recordAnswer(answer(10), now);
		expect(burst(budget, now, 4)).toBe(4);
		// The first of the four is answered: the server says 9 left, but 3 are still out.
		budget.finishCall(answer(9), now);
		expect(burst(budget, now, 100)).toBe(6);
	});

	it('takes an answer with another limit (a plan changed) as the budget, even within the same second', () => {
		budget.recordAnswer(answer(1, 10, 300), now);
		budget.recordAnswer(answer(59, 10, 60), now);
		expect(burst(budget, now, 100)).toBe(59);
	});

	it('starts the next window with its full limit, less the calls still out', () => {
		budget.recordAnswer(answer(1), now);
		expect(burst(budget, now, 10)).toBe(1);
		expect(budget.waitBeforeCall(now + 10_000)).toBe(0);
		// The call of the old window is still out and may count in the new one.
		expect(burst(budget, now + 10_000, 100)).toBe(19);
	});

	it('ignores an answer to a call sent before the window it waited for had passed', async () => {
		budget.recordAnswer(answer(1), now);
		expect(burst(budget, now, 1)).toBe(1);
		await budget.sleepThroughWindow(10_000);
		// Its answer ("none left") is about the old window; the new one keeps its budget,
		// less that call, which the server may have counted in the new window.
		clock.time = now + 10_050;
		budget.finishCall(answer(0), now);
		expect(budget.waitBeforeCall(now + 10_050)).toBe(0);
		expect(burst(budget, now + 10_050, 100)).toBe(19);
	});

	it('holds a call back while the budget is spent and only an answer in flight can tell the reset', async () => {
		budget.recordAnswer(answer(2), now);
		// The window has rolled over: its 20 calls go, and no answer has said when it ends.
		clock.time = now + 10_000;
		expect(budget.waitBeforeCall(now + 10_000)).toBe(0);
		expect(burst(budget, now + 10_000, 100)).toBe(20);
		expect(budget.claimCall()).toBe(false);
		let taken: number | undefined;
		const next = budget.takeCall().then((at) => (taken = at));
		await Promise.resolve();
		expect(taken).toBeUndefined();
		clock.time = now + 10_100;
		budget.finishCall(answer(0, 30), now + 10_000);
		await next;
		// The answer told the reset (30 s from `now`): the waiting call slept until it.
		expect(taken).toBe(now + 30_000);
	});

	it('stops waiting for the window the moment the execution is stopped', async () => {
		const stop = new AbortController();
		const sleeping = new AccountBudget({ ...clock, sleep: async (_ms, signal) => await new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('stopped')))) });
		sleeping.recordAnswer(answer(0, 30), now);
		const waiting = sleeping.takeCall(stop.signal);
		stop.abort();
		await expect(waiting).rejects.toThrow('stopped');
	});
});
