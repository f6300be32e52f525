/**
 * The Zoho Meeting Trigger in a running n8n: a published (active) workflow polls the
 * sandbox; a recording that finishes processing starts exactly one execution, and later
 * polls do not start it again.
 */
import path from 'node:path';

import { N8nRestClient, outputOf, type Execution } from '../../scripts/n8n/n8n';
import { N8N_CURRENT } from '../../scripts/n8n/runtime';
import { waitFor } from '../../scripts/n8n/processes';
import { pollNow as pollNowOf } from './polling';
import { e2eStack, triggerWorkflow } from './stack';

const stack = e2eStack();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const WORKFLOW_ID = 'e2eTriggerActive';

let rest: N8nRestClient;

beforeAll(async () => {
	rest = new N8nRestClient(stack.n8nUrl);
	await rest.login(stack.owner);
});

afterAll(async () => {
	await rest.rest('POST', `/rest/workflows/${WORKFLOW_ID}/deactivate`, {}).catch(() => undefined);
});

async function executions(): Promise<Array<{ id: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	const { results } = (await rest.rest('GET', `/rest/executions?filter=${filter}`)) as { results: Array<{ id: string }> };
	return results;
}

const executionCount = async () => (await executions()).length;

/** An execution's run data; the REST API sends it in n8n's `flatted` form. */
async function executionData(id: string): Promise<Execution> {
	const { data } = (await rest.rest('GET', `/rest/executions/${id}`)) as { data: string };
	const flatted = require(require.resolve('flatted', { paths: [path.join(N8N_CURRENT.dir, 'node_modules', 'n8n')] })) as {
		parse(text: string): Execution['data'];
	};
	return { data: flatted.parse(data) };
}

const pollNow = () => pollNowOf(rest, stack.sandbox, WORKFLOW_ID);

test('an active trigger workflow runs once for a recording that becomes available', async () => {
	await stack.sandbox.reset();
	const { recordings } = await stack.sandbox.seed({
		recordings: [{ topic: 'Trigger: all hands', start_time: hoursAgo(1), duration: 30, status: 'processing' }],
	});
	await stack.cli.importWorkflows([
		triggerWorkflow(WORKFLOW_ID, 'E2E: new recording trigger', {
			event: 'recordingAvailable',
			pollTimes: { item: [{ mode: 'everyHour', minute: 0 }] },
		}),
	]);

	await pollNow();
	await pollNow();
	expect(await executionCount()).toBe(0);

	// The sandbox finishes processing the recording when its clock passes the processing time.
	await stack.sandbox.advanceClock(301);
	await pollNow();
	await waitFor('an execution', async () => ((await executionCount()) > 0 ? true : undefined), { timeoutMs: 30_000 });

	// Later polls see the same recording again and start nothing.
	await pollNow();
	await pollNow();
	const runs = await executions();
	expect(runs).toHaveLength(1);
	const emitted = outputOf(await executionData(runs[0].id), 'Zoho Meeting Trigger');
	expect(emitted).toEqual([expect.objectContaining({ recording_id: recordings[0].recording_id, status: 'available' })]);
});
