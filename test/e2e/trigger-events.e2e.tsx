/**
 * A new trigger event in a running n8n: a published workflow with the Zoho Meeting
 * Trigger on Meeting Scheduled starts exactly one execution for each meeting scheduled
 * after it was published, and later polls start nothing again.
 */
import { outputOf } from '../../scripts/n8n/n8n';
import { ActiveWorkflow } from './activeWorkflow';
import { e2eStack, triggerWorkflow } from './stack';

const stack = e2eStack();
const WORKFLOW_ID = 'e2eMeetingScheduled';
const hoursAhead = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

let workflow: ActiveWorkflow;

beforeAll(async () => {
	workflow = await ActiveWorkflow.signIn(stack, WORKFLOW_ID, '/meetings');
});

afterAll(async () => {
	await workflow?.deactivate().catch(() => undefined);
});

test('an active Meeting Scheduled workflow runs once for each meeting scheduled after it was published', async () => {
	await stack.sandbox.reset();
	await stack.sandbox.seed({ meetings: [{ topic: 'Already there: weekly sync', start_time: hoursAhead(4) }] });
	await stack.cli.importWorkflows([
		triggerWorkflow(WORKFLOW_ID, 'E2E: meeting scheduled trigger', {
			event: 'meetingScheduled',
			pollTimes: { item: [{ mode: 'everyHour', minute: 0 }] },
		}),
	]);

	await workflow.pollNow();
	await workflow.pollNow();
	expect(await workflow.executions()).toHaveLength(0);

	const { meetings: kickoff } = await stack.sandbox.seed({ meetings: [{ topic: 'Kickoff', start_time: hoursAhead(24) }] });
	await workflow.pollNow();
	await workflow.waitForExecutions(1);
	const { meetings: review } = await stack.sandbox.seed({ meetings: [{ topic: 'Design review', start_time: hoursAhead(48) }] });
	await workflow.pollNow();
	await workflow.waitForExecutions(2);

	// Later polls list the same meetings again and start nothing.
	await workflow.pollNow();
	await workflow.pollNow();
	const runs = await workflow.executions();
	expect(runs).toHaveLength(2);
	const emitted = await Promise.all(
		runs.map(async (run) => outputOf(await workflow.executionData(run.id), 'Zoho Meeting Trigger')),
	);
	expect(emitted.map((items) => items.map((meeting) => meeting.meeting_key)).sort()).toEqual(
		[[kickoff[0].meeting_key], [review[0].meeting_key]].sort(),
	);
	expect(emitted.flat()).toEqual(
		expect.arrayContaining([expect.objectContaining({ topic: 'Kickoff', status: 'scheduled' })]),
	);
});
