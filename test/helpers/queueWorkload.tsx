/**
 * One Zoho account's rate limit shared by several n8n processes: N executions of 300
 * Get Meeting items each, started together in queue mode so that each runs on a worker of
 * its own, against the sandbox limiting the account to 20 calls per 2 s. Used by the
 * queue-mode e2e test (2 executions) and `bench/queue.tsx` (1, 2 and 4).
 *
 * Each worker keeps the account's budget in its own memory
 * (nodes/ZohoMeeting/transport/rateLimit.ts), so N workers each believe they may spend the
 * whole window: what this measures is how many calls the account refuses (429 on the
 * wire) and whether any item fails because of it.
 */
import type { QueueStack } from '../../scripts/n8n/queue';
import { webhookWorkflow, type WebhookRunner } from '../../scripts/n8n/webhooks';
import type { RequestLogEntry } from '../../sandbox/requestLog';
import { callsPerWindow } from './rateLimitWindows';

export const QUEUE_WORKLOAD = { items: 300, perWindow: 20, windowSeconds: 2, latencyMs: 50 };

const ZOHO_NODE = 'Get Meeting';

export interface WorkloadExecution {
	id: string;
	status: string;
	/** The worker(s) whose log says it ran the execution. */
	worker?: string;
	items: number;
	/** Items that ended as error items (Continue On Fail is on). */
	failed: number;
	/** The i-th output item is the i-th input's meeting, or the error item paired with the i-th input. */
	inOrder: boolean;
	/** What a failed item said, for the report (the first one). */
	firstError?: string;
}

export interface WorkloadResult {
	executions: WorkloadExecution[];
	/** API calls the account counted (answered other than 429). */
	counted: number;
	/** Calls answered 429 Too Many Requests. */
	refused: number;
	/** Counted calls in each rate-limit window, rebuilt from the request log. */
	windows: number[];
	/** Counted calls per window ÷ calls allowed per window. */
	windowRatio: number;
	/** Share of all calls on the wire answered 429. */
	refusedShare: number;
	/** Meetings fetched successfully more than once (an item asked twice). */
	fetchedTwice: number;
	failed: number;
	/** From the first call to the last answer, in seconds. */
	seconds: number;
}

/** The workflow of execution `index`: webhook → Split Out → Get Meeting (Continue On Fail). */
export function workloadWorkflow(index: number) {
	return webhookWorkflow(
		`queueRate${index}`,
		`Queue mode: rate-limited gets ${index}`,
		[
			{
				name: 'Split Out Items',
				type: 'n8n-nodes-base.splitOut',
				parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
			},
			{
				name: ZOHO_NODE,
				type: 'n8n-nodes-zoho-meeting.zohoMeeting',
				parameters: { resource: 'meeting', operation: 'get', meetingKey: { __rl: true, mode: 'id', value: '={{ $json.key }}' } },
				credentials: { zohoMeetingOAuth2Api: { id: 'zoho-sandbox', name: 'Zoho Meeting (sandbox)' } },
				onError: 'continueRegularOutput',
			},
		],
		// A run of 4 × 300 items takes minutes; the webhook answers at once and the test
		// waits for the execution n8n stores.
		'onReceived',
	);
}

/** Publishes the workflows of executions 1…count (once per stack). */
export async function deployWorkload(runner: WebhookRunner, count: number): Promise<void> {
	await runner.deploy(Array.from({ length: count }, (_, i) => workloadWorkflow(i + 1)));
}

/** Runs `count` executions at once (workflows deployed by `deployWorkload`) and measures them. */
export async function runRateLimitedWorkload(stack: QueueStack, runner: WebhookRunner, count: number): Promise<WorkloadResult> {
	const { items, perWindow, windowSeconds, latencyMs } = QUEUE_WORKLOAD;
	const admin = stack.sandbox.admin;
	await admin.reset({ latencyMs, limits: { perWindow, windowSeconds, perDay: 1_000_000 } });
	const inputs: string[][] = [];
	for (let i = 0; i < count; i++) {
		const { meetings } = await admin.seed({ meetings: items });
		inputs.push(meetings.map((meeting) => meeting.meeting_key));
	}
	await admin.clearRequests();

	const workflows = inputs.map((_, i) => workloadWorkflow(i + 1));
	await Promise.all(workflows.map((workflow, i) => runner.post(workflow, { items: inputs[i].map((key) => ({ key })) })));
	const summaries = await Promise.all(workflows.map((workflow) => runner.finishedExecution(workflow, 900_000)));

	const executions: WorkloadExecution[] = [];
	for (const [i, summary] of summaries.entries()) {
		const execution = await runner.execution(summary.id);
		const run = execution.data.resultData.runData[ZOHO_NODE]?.[0];
		const output = run?.data?.main?.[0] ?? [];
		const failedItems = output.filter((item) => item.json.error !== undefined);
		executions.push({
			id: summary.id,
			status: summary.status,
			worker: stack.workersThatRan(summary.id).map((worker) => worker.name).join(' and ') || undefined,
			items: output.length,
			failed: failedItems.length + (run ? 0 : items),
			inOrder: output.length === items && output.every((item, n) => (item.json.error === undefined ? item.json.meeting_key === inputs[i][n] : pairedIndex(item) === n)),
			firstError: failedItems[0] ? JSON.stringify(failedItems[0].json.error).slice(0, 300) : run?.error?.message,
		});
	}

	const calls = (await admin.requests('api')).filter((r) => r.method === 'GET' && r.path.startsWith('/api/v2/meetings/'));
	return { executions, ...wireFigures(calls), failed: executions.reduce((sum, e) => sum + e.failed, 0) };
}

/** The input item an output item is paired with (n8n's `pairedItem`, one or a list). */
function pairedIndex(item: object): number | undefined {
	const { pairedItem } = item as { pairedItem?: unknown };
	const paired = (Array.isArray(pairedItem) ? pairedItem[0] : pairedItem) as { item?: number } | undefined;
	return paired?.item;
}

function wireFigures(calls: RequestLogEntry[]) {
	const { perWindow, windowSeconds } = QUEUE_WORKLOAD;
	const counted = calls.filter((r) => r.status !== 429);
	const refused = calls.length - counted.length;
	const windows = callsPerWindow(counted, windowSeconds);
	const fetched = new Map<string, number>();
	for (const call of counted) if (call.status === 200) fetched.set(call.path, (fetched.get(call.path) ?? 0) + 1);
	const times = calls.map((r) => Date.parse(r.time));
	return {
		counted: counted.length,
		refused,
		windows,
		windowRatio: windows.length ? counted.length / windows.length / perWindow : 0,
		refusedShare: calls.length ? refused / calls.length : 0,
		fetchedTwice: [...fetched.values()].filter((n) => n > 1).length,
		seconds: times.length ? (Math.max(...times) - Math.min(...times)) / 1000 : 0,
	};
}
