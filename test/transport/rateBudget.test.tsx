import { AccountBudget, MAX_RATE_LIMIT_WAIT_MS, type CallAnswer } from '../../nodes/ZohoMeeting/transport/rateLimit';
import { simulateSharedAccount, VirtualTime } from '../helpers/sharedAccount';

/**
 * The rate-limit budget of one account in one n8n process (rateLimit.ts), on a virtual
 * clock. First what one process does with the server's answers; then several processes,
 * each with a budget of its own as queue-mode workers have, sharing one account's window
 * at a simulated server that limits it as the sandbox does (test/helpers/sharedAccount.tsx).
 */
const LIMIT = 20;

let time: VirtualTime;
let budget: AccountBudget;
beforeEach(() => {
	time = new VirtualTime();
	budget = new AccountBudget(time.clock);
});

/** An answer to a counted call: `remaining` left of `limit`, the window resetting `resetInMs` from now. */
const answer = (remaining: number, resetInMs: number, limit = LIMIT): CallAnswer => ({
	status: 200,
	headers: {
		'x-ratelimit-limit': String(limit),
		'x-ratelimit-remaining': String(remaining),
		'x-ratelimit-reset': String((time.now + resetInMs) / 1000),
	},
});

/** Lets every promise that can settle without time moving settle. */
const settle = async () => await new Promise((resolve) => setImmediate(resolve));

/** Asks for `count` calls; `sent` holds when each one went, in the order they went. */
function ask(count: number) {
	const sent: number[] = [];
	for (let i = 0; i < count; i++) void budget.takeCall().then((at) => sent.push(at));
	return sent;
}

/** Moves the virtual clock `ms` on, firing what waits on it. */
const pass = async (ms: number) => await time.run(time.sleep(ms));

/** A process's first call of a window, answered: alone, the server counted only it. */
async function learn(limit = LIMIT) {
	const sent = ask(1);
	await settle();
	budget.finishCall(answer(limit - 1, 2000, limit), sent[0]);
}

describe('one process', () => {
	it('holds nothing back while the server has not said it limits the account', async () => {
		const sent = ask(30);
		await settle();
		expect(sent).toHaveLength(30);
	});

	it('never has more calls out than the last answer left, and waits for the reset instead of a 429', async () => {
		await learn(4);
		const sent = ask(10);
		await settle();
		// 3 of 4 left. Alone, the first calls of a window go a few at a time: two now.
		expect(sent).toHaveLength(2);
		budget.finishCall(answer(2, 2000, 4), sent[0]);
		await settle();
		expect(sent).toHaveLength(3);
		budget.finishCall(answer(1, 2000, 4), sent[1]);
		budget.finishCall(answer(0, 2000, 4), sent[2]);
		await settle();
		expect(sent).toHaveLength(3);
		// The rest waits for the reset: then one call probes the new window.
		await pass(1999);
		expect(sent).toHaveLength(3);
		await pass(1);
		expect(sent).toEqual([...sent.slice(0, 3), time.now]);
	});

	it('after a reset, sends one call to learn the new window and more when it is answered', async () => {
		await learn();
		await pass(2000);
		const sent = ask(8);
		await settle();
		expect(sent).toHaveLength(1);
		// The server's answer is the truth, whatever this process counted: 19 left, and no
		// one else called. A quarter of them go before the answers tell more.
		budget.finishCall(answer(19, 2000), sent[0]);
		await settle();
		expect(budget.callers).toBe(1);
		expect(sent).toHaveLength(1 + 4);
	});

	it('lets another call probe when the probe goes unanswered for five seconds', async () => {
		await learn();
		await pass(2000);
		const sent = ask(3);
		await settle();
		expect(sent).toHaveLength(1);
		await pass(4999);
		expect(sent).toHaveLength(1);
		await pass(1);
		expect(sent).toHaveLength(2);
	});

	it('does not take an answer about the window that ended for news of the next one', async () => {
		await learn();
		const [late] = ask(1);
		await settle();
		await pass(2000);
		const sent = ask(2);
		await settle();
		expect(sent).toHaveLength(1);
		// The call sent before the reset is answered for the old window: "none left, resets 2 s ago".
		budget.finishCall({ status: 200, headers: { ...answer(0, -50).headers } }, late);
		await settle();
		expect(sent).toHaveLength(1);
		budget.finishCall(answer(19, 2000), sent[0]);
		await settle();
		expect(sent).toHaveLength(2);
	});

	it('starts over from an answer with another limit (the plan changed), even within the same window', async () => {
		await learn(300);
		const [sentAt] = ask(1);
		await settle();
		budget.finishCall(answer(59, 2000, 60), sentAt);
		const sent = ask(100);
		await settle();
		// Alone in the new window: a quarter of it at once, before the answers show whether others call.
		expect(sent).toHaveLength(Math.floor(59 / 4));
	});

	it('waits for a spent daily quota no longer than the longest wait, then lets one call ask', async () => {
		await learn();
		const [sentAt] = ask(1);
		await settle();
		budget.finishCall(answer(0, 86_400_000, 1000), sentAt);
		const sent = ask(2);
		await pass(MAX_RATE_LIMIT_WAIT_MS - 1);
		expect(sent).toHaveLength(0);
		await pass(1);
		expect(sent).toHaveLength(1);
	});

	it('stops waiting for the window the moment the execution is stopped', async () => {
		await learn(1);
		const stop = new AbortController();
		const waiting = budget.takeCall(stop.signal);
		await settle();
		stop.abort(new Error('stopped'));
		await expect(waiting).rejects.toThrow('stopped');
	});

	it('alone, uses every call of every window and meets no 429', async () => {
		const { counted, refused, windows, processes } = await simulateSharedAccount({
			perWindow: LIMIT,
			windowSeconds: 2,
			latencyMs: 50,
			spreadMs: 10,
			seed: 1,
			processes: [{ calls: 300 }],
		});
		expect(processes[0].failed).toBe(0);
		expect(counted).toBe(300);
		expect(refused).toBe(0);
		expect(windows).toEqual(Array(15).fill(LIMIT));
	});
});

describe('several processes, one account', () => {
	/** A budget that has seen a window: one answered call with `remaining` left, resetting in 2 s. */
	const atReset = async () => {
		await learn();
		await pass(2000);
	};

	it('counts the callers by the probes that reached the server with its own at the reset', async () => {
		await atReset();
		const sent = ask(20);
		await settle();
		expect(sent).toHaveLength(1);
		// Two calls were counted before this probe: those of two other callers probing at the same reset.
		budget.finishCall(answer(LIMIT - 3, 2000), sent[0]);
		await settle();
		expect(budget.callers).toBe(3);
		// Its quota is a third of the window, the probe included.
		expect(sent).toHaveLength(Math.floor(LIMIT / 3));
	});

	it('sends no more than its quota, and learns of one more caller when the others sent more than theirs', async () => {
		await atReset();
		const sent = ask(20);
		await settle();
		budget.finishCall(answer(LIMIT - 3, 2000), sent[0]);
		await settle();
		expect(sent).toHaveLength(6);
		expect(budget.othersCalling()).toBe(true);
		// Its five calls are answered while the others go on: 13 of the window's calls were theirs,
		// more than the quotas of two callers (6 each) hold.
		for (const [i, remaining] of [16, 12, 8, 4, 1].entries()) budget.finishCall(answer(remaining, 2000), sent[i + 1]);
		await settle();
		expect(sent).toHaveLength(6);
		expect(budget.callers).toBe(4);
	});

	it('takes a 429 for one caller more, for the two windows after it only, when the counted calls show none', async () => {
		await atReset();
		const sent = ask(100);
		const perWindow: number[] = [];
		for (const refuseOne of [false, true, false, false, false]) {
			await settle();
			// At the reset only the probe went. One other caller probed with it and keeps to its share.
			const before = sent.length - 1;
			budget.finishCall(answer(LIMIT - 2, 2000), sent[before]);
			await settle();
			perWindow.push(sent.length - before);
			const rest = sent.slice(before + 1);
			const counted = refuseOne ? rest.slice(0, -1) : rest;
			counted.forEach((at, i) => budget.finishCall(answer(LIMIT - 3 - i, 2000), at));
			if (refuseOne) budget.finishCall({ status: 429, headers: answer(0, 2000).headers }, rest[rest.length - 1]);
			await pass(2000);
		}
		// Two callers: half the window each; after the 429 a third of it, twice; then half again.
		expect(perWindow).toEqual([10, 10, 6, 6, 10]);
	});

	it("waits windows for its share without running into a call's 60-second deadline", async () => {
		// Zoho's windows last a minute: with one call a window each, the last of six calls
		// waits five windows for its turn, and must not be counted as an unanswered call.
		const result = await simulateSharedAccount({
			perWindow: 2,
			windowSeconds: 62,
			latencyMs: 50,
			seed: 9,
			processes: [{ calls: 6 }, { calls: 6 }],
		});
		expect(result.processes.flatMap((p) => p.errors)).toEqual([]);
		expect(result.counted).toBe(12);
	});

	it("shares the window of four processes of 300 calls each: no call fails, under 2 % meet a 429", async () => {
		const result = await simulateSharedAccount({
			perWindow: LIMIT,
			windowSeconds: 2,
			latencyMs: 50,
			spreadMs: 10,
			seed: 7,
			processes: Array.from({ length: 4 }, () => ({ calls: 300 })),
		});
		expect(result.processes.map((p) => p.failed)).toEqual([0, 0, 0, 0]);
		expect(result.counted).toBe(1200);
		expect(result.refused / (result.counted + result.refused)).toBeLessThan(0.02);
		// The window stays nearly full: at least 18 of 20 calls a window on average.
		expect(result.counted / result.windows.length).toBeGreaterThanOrEqual(18);
	});

	it('keeps a process that ran alone from taking the whole window when others join it', async () => {
		const [alone] = (await simulateSharedAccount({ time, perWindow: LIMIT, windowSeconds: 2, latencyMs: 50, seed: 3, processes: [{ calls: 100 }] })).processes;
		expect(alone.budget.callers).toBe(1);
		await pass(10_000);
		const together = await simulateSharedAccount({
			time,
			perWindow: LIMIT,
			windowSeconds: 2,
			latencyMs: 50,
			spreadMs: 10,
			seed: 4,
			processes: [{ calls: 300, budget: alone.budget }, { calls: 300 }, { calls: 300 }, { calls: 300 }],
		});
		expect(together.processes.map((p) => p.failed)).toEqual([0, 0, 0, 0]);
		expect(together.refused / (together.counted + together.refused)).toBeLessThan(0.02);
	});

	it('gives the whole window back to the last process once the others are done', async () => {
		const result = await simulateSharedAccount({
			perWindow: LIMIT,
			windowSeconds: 2,
			latencyMs: 50,
			spreadMs: 10,
			seed: 5,
			processes: [{ calls: 300 }, { calls: 60, startMs: 10_000 }, { calls: 60, startMs: 12_500 }],
		});
		expect(result.processes.map((p) => p.failed)).toEqual([0, 0, 0]);
		// The two that join know nothing of the first at their start: a few of their calls meet a 429.
		expect(result.refused / (result.counted + result.refused)).toBeLessThan(0.03);
		// The helpers are done well before the end; the last full windows are the first process's alone.
		expect(result.windows.slice(-6, -1)).toEqual(Array(5).fill(LIMIT));
	});
});
