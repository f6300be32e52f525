import type { PollContext as RealPollContext } from 'n8n-core';

import { emitted, listRequests, trigger, useSandbox, zohoTime } from './fixture';

/**
 * Newer n8n gives a poll a time budget (`getPollBudgetMs`) and abandons a poll that
 * overruns it. The harness builds n8n-core's PollContext with the default budget of five
 * minutes; here the same class is given a budget of 500 ms, as n8n's tick engine would.
 */
const mockBudgetMs = 500;
jest.mock('n8n-core', () => {
	const actual = jest.requireActual<typeof import('n8n-core')>('n8n-core');
	class BudgetedPollContext extends actual.PollContext {
		constructor(...args: ConstructorParameters<typeof RealPollContext>) {
			const [workflow, node, additionalData, mode, activation] = args;
			// The hooks in between (emit, emitError, cursor commit, run scope, static data) keep their defaults.
			const hooks = [undefined, undefined, undefined, undefined, undefined] as const;
			super(workflow, node, additionalData, mode, activation, ...hooks, () => mockBudgetMs);
		}
	}
	return { ...actual, PollContext: BudgetedPollContext };
});

// Each page takes 200 ms: after any page, less than three pages' time is left of the budget.
const handle = useSandbox({ latencyMs: 200 });

async function seedCompleted(count: number) {
	const now = (await handle.admin.clock()).nowMs;
	const { meetings } = await handle.admin.seed({
		meetings: Array.from({ length: count }, (_, i) => ({
			topic: `Review ${i + 1}`,
			start_time: zohoTime(now - (120 + i) * 60_000),
			duration: 15,
		})),
	});
	return meetings.map((meeting) => meeting.meeting_key);
}

test('a poll stops listing before its time budget runs out and the next poll resumes', async () => {
	await seedCompleted(150);
	const completed = trigger(handle, 'meetingCompleted');

	// Activation: two pages of what already happened, one per poll, emitting nothing.
	expect((await completed.poll()).items).toBeNull();
	expect(completed.state()?.resume).toEqual({ page: 2, quiet: true });
	expect((await completed.poll()).items).toBeNull();
	expect(completed.state()?.resume).toEqual({ page: 3, quiet: true });
	expect((await completed.poll()).items).toBeNull();
	expect(completed.state()?.resume).toBeUndefined();
	expect(Object.keys(completed.state()?.seen ?? {})).toHaveLength(150);

	const fresh = await seedCompleted(90);
	await handle.admin.clearRequests();
	const found: string[] = [];
	for (let poll = 0; poll < 4; poll++) {
		found.push(...emitted((await completed.poll()).items).map((m) => String(m.meeting_key)));
	}

	expect(found.sort()).toEqual([...fresh].sort());
	expect((await listRequests(handle, 'meetingCompleted')).map((r) => r.query.page)).toEqual(['1', '2', '3', '4']);
});
