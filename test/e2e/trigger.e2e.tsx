/**
 * The Zoho Meeting Trigger in a running n8n: a published (active) workflow polls the
 * sandbox; a recording that finishes processing starts exactly one execution, and later
 * polls do not start it again.
 */
import { outputOf } from '../../scripts/n8n/n8n';
import { ActiveWorkflow } from './activeWorkflow';
import { e2eStack, triggerWorkflow } from './stack';

const stack = e2eStack();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const WORKFLOW_ID = 'e2eTriggerActive';

let workflow: ActiveWorkflow;

beforeAll(async () => {
	workflow = await ActiveWorkflow.signIn(stack, WORKFLOW_ID, '/recordings');
});

afterAll(async () => {
	await workflow?.deactivate().catch(() => undefined);
});

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

	await workflow.pollNow();
	await workflow.pollNow();
	expect(await workflow.executions()).toHaveLength(0);

	// The sandbox finishes processing the recording when its clock passes the processing time.
	await stack.sandbox.advanceClock(301);
	await workflow.pollNow();
	await workflow.waitForExecutions(1);

	// Later polls see the same recording again and start nothing.
	await workflow.pollNow();
	await workflow.pollNow();
	const runs = await workflow.executions();
	expect(runs).toHaveLength(1);
	const emitted = outputOf(await workflow.executionData(runs[0].id), 'Zoho Meeting Trigger');
	expect(emitted).toEqual([expect.objectContaining({ recording_id: recordings[0].recording_id, status: 'available' })]);
});
