import type { IExecuteFunctions } from 'n8n-workflow';

import { ZohoMeeting } from '../../nodes/ZohoMeeting/ZohoMeeting.node';
import type { WorkflowRunResult } from '../harness';
import { locator, useSandbox, ZOHO_MEETING_NODE } from '../helpers/sandboxWorkflow';

/**
 * A user stops an execution: rate-limit waits, back-off sleeps, paging and downloads end
 * at once, and nothing more reaches Zoho after the stop. Each test stops a real workflow
 * the way the editor's Stop button does, mid-way through something long.
 */
const sandbox = useSandbox();

/** Resolves once the sandbox has seen `count` API requests (then a little later, so the node is inside its wait). */
async function afterRequests(count: number, settleMs = 100): Promise<void> {
	for (;;) {
		if ((await sandbox.admin.requests('api')).length >= count) break;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	await new Promise((resolve) => setTimeout(resolve, settleMs));
}

/**
 * The Zoho Meeting node, timed: n8n settles a stopped run at once and lets the node's own
 * execute finish in the background, so the stop is measured at the end of that.
 */
function timedNode() {
	const node = new ZohoMeeting();
	const execute = node.execute;
	let ended: (at: number) => void = () => {};
	const endedAt = new Promise<number>((resolve) => (ended = resolve));
	node.execute = async function (this: IExecuteFunctions) {
		try {
			return await execute.call(this);
		} finally {
			ended(Date.now());
		}
	};
	return { nodeTypes: { [ZOHO_MEETING_NODE]: node }, endedAt };
}

/**
 * How the stop went: how long the node's execute took to end after it, and the requests of
 * any origin that arrived after it, watched for another second.
 */
async function afterTheStop(result: WorkflowRunResult, node: ReturnType<typeof timedNode>) {
	const stoppedAt = result.stoppedAt as number;
	const endedAt = await node.endedAt;
	await new Promise((resolve) => setTimeout(resolve, 1000));
	const sent = (await sandbox.admin.requests()).filter((entry) => Date.parse(entry.time) > stoppedAt);
	return { msToEnd: endedAt - stoppedAt, sent };
}

describe('stopping an execution', () => {
	it('ends a wait for the rate-limit window at once', async () => {
		await sandbox.admin.seed({ meetings: 2 });
		await sandbox.admin.injectFault({
			path: '^/api/v2/meetings$',
			// Retry-After alone: the account's budget (shared by every run of this process) is not told the window is spent.
			fault: { type: 'status', status: 429, code: 'RATE_LIMIT_EXCEEDED', headers: { 'Retry-After': '50' } },
		});

		const node = timedNode();
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true }, { stopWhen: afterRequests(1), nodeTypes: node.nodeTypes });

		const { msToEnd, sent } = await afterTheStop(result, node);
		expect(msToEnd).toBeLessThan(1000);
		expect(sent).toEqual([]);
	});

	it('ends Return All over 10,000 objects part-way, sending no further page', async () => {
		await sandbox.admin.seed({ meetings: 10_000 });
		await sandbox.admin.configure({ latencyMs: 100 });

		const node = timedNode();
		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'getAll', returnAll: true, options: { parallelRequests: 4 } },
			{ stopWhen: afterRequests(6, 50), nodeTypes: node.nodeTypes },
		);

		const { msToEnd, sent } = await afterTheStop(result, node);
		expect(msToEnd).toBeLessThan(1000);
		expect(sent).toEqual([]);
		expect((await sandbox.admin.requests('api')).length).toBeLessThan(100);
	});

	it('ends a 1 GiB download mid-stream, without starting it again', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ file_size: 1024 ** 3 }] });
		const started = afterRequests(1, 500);

		const node = timedNode();
		const result = await sandbox.runZoho(
			{ resource: 'recording', operation: 'download', recordingId: locator('id', recordings[0].recording_id) },
			{ stopWhen: started, nodeTypes: node.nodeTypes },
		);

		const { msToEnd, sent } = await afterTheStop(result, node);
		expect(msToEnd).toBeLessThan(1000);
		expect(sent).toEqual([]);
		expect((await sandbox.admin.requests('api')).length).toBe(1);
	});

	it('ends the back-off between retries of a failing GET (the third wait is 2 s)', async () => {
		await sandbox.admin.injectFault({ path: '^/api/v2/meetings$', count: 10, fault: { type: 'status', status: 503 } });

		const node = timedNode();
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true }, { stopWhen: afterRequests(3), nodeTypes: node.nodeTypes });

		const { msToEnd, sent } = await afterTheStop(result, node);
		expect(msToEnd).toBeLessThan(1000);
		expect(sent).toEqual([]);
	});
});
