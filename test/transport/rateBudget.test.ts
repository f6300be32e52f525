import {
	finishCall,
	forgetWindow,
	nextAnswer,
	recordWindow,
	startCall,
	waitBeforeCall,
	windowPassed,
} from '../../nodes/ZohoMeeting/transport/rateLimit';

/**
 * The rate-limit budget that parallel calls of one account share: calls in flight are
 * deducted from what the last answer said, so a burst never outruns the window.
 */
const now = 1_765_000_000_000;
const account = 'budget';
const answer = (remaining: number, resetInSeconds = 10, limit = 20) => ({
	'x-ratelimit-limit': String(limit),
	'x-ratelimit-remaining': String(remaining),
	'x-ratelimit-reset': String(now / 1000 + resetInSeconds),
});

/** Starts calls while the budget lets them go at once; returns how many went. */
function burst(max: number): number {
	let started = 0;
	while (started < max && waitBeforeCall(account, now) === 0 && startCall(account)) started++;
	return started;
}

afterEach(() => forgetWindow(account));

describe('shared rate-limit budget', () => {
	it('lets only as many calls go as the last answer left, counting those in flight', () => {
		recordWindow(account, answer(3), now);
		expect(burst(10)).toBe(3);
		expect(waitBeforeCall(account, now)).toBe(10_000);
	});

	it('deducts calls still in flight from an answer, which counted at most itself', () => {
		recordWindow(account, answer(10), now);
		expect(burst(4)).toBe(4);
		// The first of the four is answered: the server says 9 left, but 3 are still out.
		finishCall(account, answer(9), now, now);
		expect(burst(100)).toBe(6);
	});

	it('takes an answer with another limit (a plan changed) as the budget, even within the same second', () => {
		recordWindow(account, answer(1, 10, 300), now);
		recordWindow(account, answer(59, 10, 60), now);
		expect(burst(100)).toBe(59);
	});

	it('starts the next window with its full limit, less the calls still out', () => {
		recordWindow(account, answer(1), now);
		expect(burst(10)).toBe(1);
		expect(waitBeforeCall(account, now + 10_000)).toBe(0);
		// The call of the old window is still out and may count in the new one.
		expect(burst(100)).toBe(19);
	});

	it('ignores an answer to a call sent before the window it waited for had passed', () => {
		recordWindow(account, answer(1), now);
		expect(burst(1)).toBe(1);
		windowPassed(account, now + 10_000, now + 10_000);
		// Its answer ("none left") is about the old window; the new one keeps its budget,
		// less that call, which the server may have counted in the new window.
		finishCall(account, answer(0), now + 10_050, now);
		expect(waitBeforeCall(account, now + 10_050)).toBe(0);
		expect(burst(100)).toBe(19);
	});

	it('holds a call back while the budget is spent and only an answer in flight can tell the reset', async () => {
		recordWindow(account, answer(2), now);
		// The window has rolled over: its 20 calls go, and no answer has said when it ends.
		expect(waitBeforeCall(account, now + 10_000)).toBe(0);
		expect(burst(100)).toBe(20);
		expect(startCall(account)).toBe(false);
		const told = nextAnswer(account);
		finishCall(account, answer(0, 30), now + 10_100, now + 10_000);
		await told;
		expect(waitBeforeCall(account, now + 10_100)).toBe(19_900);
	});
});
