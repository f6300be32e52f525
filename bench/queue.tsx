/**
 * One account's rate limit across n8n queue-mode workers: 1, 2 and 4 executions of 300
 * Get Meeting items started together, each on a worker of its own, against one account
 * limited to 20 calls per 2 s (test/helpers/queueWorkload.tsx). Each worker keeps the
 * account's budget in its own memory (nodes/ZohoMeeting/transport/rateLimit.ts), so this
 * measures what that costs on the wire: calls the account refuses with 429, items that fail.
 */
import path from 'node:path';

import { startQueueStack } from '../scripts/n8n/queue';
import { WebhookRunner } from '../scripts/n8n/webhooks';
import { deployWorkload, QUEUE_WORKLOAD, runRateLimitedWorkload, type WorkloadResult } from '../test/helpers/queueWorkload';
import { BENCH_DIR } from './n8n';
import { formatValue, type Figure, type Section } from './report';

export const QUEUE_BENCH = { workers: [1, 2, 4] };

/** Goal for the busiest case, to be reached by sharing the budget across processes. */
const GOAL = { failed: 0, refusedShare: 0.05 };

export async function measureQueue(log: (line: string) => void): Promise<Section> {
	const most = Math.max(...QUEUE_BENCH.workers);
	log(`starting n8n in queue mode: Redis, PostgreSQL, main and ${most} workers (concurrency 1)`);
	const stack = await startQueueStack({ dir: path.join(BENCH_DIR, 'queue'), workers: most, concurrency: 1, log });
	const results = new Map<number, WorkloadResult>();
	try {
		const runner = new WebhookRunner(stack);
		await deployWorkload(runner, most);
		for (const workers of QUEUE_BENCH.workers) {
			const { items, perWindow, windowSeconds } = QUEUE_WORKLOAD;
			log(`${workers} × ${items} Get Meeting on ${workers} worker(s) at ${perWindow} calls per ${windowSeconds} s`);
			const result = await runRateLimitedWorkload(stack, runner, workers);
			const ran = result.executions.map((e) => e.worker ?? '?');
			if (new Set(ran).size !== workers) throw new Error(`queue bench: the executions ran on ${ran.join(', ')}, not on ${workers} workers`);
			if (result.fetchedTwice > 0) throw new Error(`queue bench: ${result.fetchedTwice} meetings were fetched more than once`);
			log(
				`  ${result.counted} calls counted in ${result.windows.length} windows, ${result.refused} answered 429 ` +
					`(${(result.refusedShare * 100).toFixed(1)} %), ${result.failed} failed items, ${result.seconds.toFixed(0)} s`,
			);
			results.set(workers, result);
		}
	} finally {
		await stack.stop();
	}

	const rows: Section['rows'] = [];
	const figures: Figure[] = [];
	for (const [workers, result] of results) {
		const { perWindow } = QUEUE_WORKLOAD;
		const inOrder = result.executions.every((e) => e.inOrder);
		const busiest = workers === most;
		const met = result.failed === GOAL.failed && result.refusedShare < GOAL.refusedShare;
		rows.push({
			cells: [
				`${workers} (${workers} × ${QUEUE_WORKLOAD.items} items)`,
				`${formatValue(result.windowRatio * perWindow, '')} ÷ ${perWindow} = ${formatValue(result.windowRatio, 'ratio')}`,
				`${result.refused} of ${result.counted + result.refused} (${(result.refusedShare * 100).toFixed(1)} %)`,
				String(result.failed),
				inOrder ? 'yes' : 'no',
				formatValue(result.seconds, 's'),
			],
			goal: busiest ? `0 failed, < ${GOAL.refusedShare * 100} % answered 429` : '0 failed',
			met: busiest ? met : result.failed === 0,
		});
		const key = `queue.${workers}`;
		const label = `Queue mode, ${workers} worker(s)`;
		figures.push(
			{ key: `${key}.windowRatio`, label: `${label}: calls per window ÷ allowed`, value: result.windowRatio, unit: 'ratio' },
			{ key: `${key}.refused`, label: `${label}: 429 answers on the wire`, value: result.refused, unit: '' },
			{
				key: `${key}.refusedShare`,
				label: `${label}: share of calls answered 429`,
				value: result.refusedShare,
				unit: 'ratio',
				...(busiest ? { goal: `< ${GOAL.refusedShare.toFixed(2)}`, met: result.refusedShare < GOAL.refusedShare } : {}),
			},
			{ key: `${key}.failed`, label: `${label}: failed items`, value: result.failed, unit: '', goal: '0', met: result.failed === 0 },
		);
	}

	const { items, perWindow, windowSeconds, latencyMs } = QUEUE_WORKLOAD;
	return {
		title: "7. One account's rate limit across queue-mode workers",
		columns: ['Workers running the workload', 'Calls per window ÷ allowed', '429 answers on the wire', 'Failed items', 'Output in input order', 'Wall time'],
		rows,
		how: [
			`Real n8n in queue mode (\`scripts/n8n/queue.tsx\`, the stack of \`npm start -- --queue\`): Redis and PostgreSQL from Debian's packages, a main process and ${most} \`n8n worker\` processes with \`--concurrency=1\`, each with the package in its own user folder. For N = ${QUEUE_BENCH.workers.join(', ')}, N production executions (webhook → Split Out → Get Meeting, Continue On Fail on, default options) of ${items} items each are started together; with one execution per worker at a time, each runs on a worker of its own (checked in the workers' logs). All of them use one credential, one Zoho account, limited by the sandbox to ${perWindow} calls per ${windowSeconds}-second window with ${latencyMs} ms latency.`,
			`From the sandbox's request log: calls per window as in section 4 (counted calls ÷ windows used); "429 answers on the wire" counts the calls the account refused, out of all calls sent. The node retries a 429 after the announced reset (up to 6 times per request) and never shows it to the user unless it runs out of tries; a failed item is one that did. No meeting is fetched successfully twice (checked), and each execution's output is checked to be in input order, a failed item's error item in its input's place.`,
			`Why 429s appear with more than one worker: each n8n process keeps the account's budget in its own memory (\`nodes/ZohoMeeting/transport/rateLimit.ts\`), learns the window from the \`X-RateLimit-*\` headers of its own answers and deducts only its own calls in flight, so N processes each spend what they believe is left of the same window.`,
		],
		figures,
	};
}
