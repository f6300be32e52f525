/**
 * The trigger's examples published in a running n8n, with n8n's own nodes: "save each new
 * recording" writes the file the trigger downloaded with the real Read/Write Files from
 * Disk node, and "approve each new webinar registration" approves through the action node.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { itemsOf, outputOf, type WorkflowFile } from '../../scripts/n8n/n8n';
import { recordingChunk } from '../../sandbox/recordingBytes';
import { ActiveWorkflow } from './activeWorkflow';
import { example } from './examples';
import { e2eStack } from './stack';

const stack = e2eStack();
const published: ActiveWorkflow[] = [];

/**
 * n8n 2.x writes only below ~/.n8n-files (N8N_RESTRICT_FILE_ACCESS_TO); the example names
 * that folder in n8n's Docker image. Here the workflow writes into a folder of this run there.
 */
const folder = path.join(homedir(), '.n8n-files', `zoho-meeting-e2e-${process.pid}`);

beforeAll(() => mkdirSync(folder, { recursive: true }));

afterAll(async () => {
	for (const workflow of published) await workflow.deactivate().catch(() => undefined);
	rmSync(folder, { recursive: true, force: true });
});

async function publish(workflow: WorkflowFile, listPath: string): Promise<ActiveWorkflow> {
	await stack.cli.importWorkflows([workflow]);
	const active = await ActiveWorkflow.signIn(stack, workflow.id, listPath);
	published.push(active);
	return active;
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

test('save each new recording: the file the trigger downloaded is written to disk by n8n\'s own node', async () => {
	await stack.sandbox.reset();
	const saveExample = example(/save each new recording/i);
	const workflow = {
		...saveExample,
		nodes: saveExample.nodes.map((node) =>
			node.name === 'Save Recording'
				? { ...node, parameters: { ...(node.parameters as object), fileName: `=${folder}/{{ $binary.data.fileName }}` } }
				: node,
		),
	};
	const { recordings } = await stack.sandbox.seed({
		recordings: [{ topic: 'Example: all hands', start_time: hoursFromNow(-1), duration: 30, status: 'processing', file_size: 180_000 }],
	});
	const [recording] = recordings;
	const active = await publish(workflow, '/recordings');
	await active.pollNow();
	expect(await active.executions()).toHaveLength(0);

	// The sandbox finishes processing the recording when its clock passes the processing time.
	await stack.sandbox.advanceClock(301);
	await active.pollNow();
	const [run] = await active.waitForExecutions(1);

	const execution = await active.executionData(run.id);
	expect(execution.data.resultData.error).toBeUndefined();
	const [saved] = itemsOf(execution, 'Save Recording');
	const fileName = path.join(folder, `${recording.meeting_key}_${recording.start_time}.mp4`);
	expect(saved.json).toMatchObject({ recording_id: recording.recording_id, fileName });
	expect(readFileSync(fileName).equals(recordingChunk(recording.recording_id, 0, 180_000))).toBe(true);
	await active.pollNow();
	expect(await active.executions()).toHaveLength(1);
});

test('approve each new webinar registration: a registration made after publishing is approved once', async () => {
	await stack.sandbox.reset();
	const { webinars } = await stack.sandbox.seed({ webinars: [{ topic: 'Example: launch', start_time: hoursFromNow(48) }] });
	const webinarKey = webinars[0].webinar_key;
	await stack.sandbox.seed({ registrations: [{ webinar_key: webinarKey, email: 'before@example.com' }] });
	const active = await publish(example(/approve each new webinar registration/i), '/webinars');
	await active.pollNow();

	const { registrations } = await stack.sandbox.seed({ registrations: [{ webinar_key: webinarKey, email: 'jane@example.com' }] });
	await active.pollNow();
	const [run] = await active.waitForExecutions(1);

	expect(outputOf(await active.executionData(run.id), 'Approve Registration')).toEqual([
		expect.objectContaining({ success: true, registration_id: registrations[0].registration_id, status: 'approved' }),
	]);
	await active.pollNow();
	expect(await active.executions()).toHaveLength(1);
});
