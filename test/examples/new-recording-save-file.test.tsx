import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import { recordingChunk } from '../../sandbox/recordingBytes';
import { runPoll, runWorkflow } from '../harness';
import { exampleWorkflow } from '../helpers/examples';
import { readWriteFileUnder } from '../helpers/readWriteFile';
import { useSandbox } from '../helpers/sandboxWorkflow';

const sandbox = useSandbox();
const workflow = exampleWorkflow('new-recording-save-file.json');
const triggerNode = workflow.nodes.find((node) => node.name === 'New Recording') as INode;

/** Stands in for the machine's root: the example's folder is made below it, as a user makes it. */
let root: string;
beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'zoho-recordings-'));
	mkdirSync(path.join(root, 'home/node/.n8n-files'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const hoursAgo = async (hours: number) =>
	new Date((await sandbox.admin.clock()).nowMs - hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('examples/new-recording-save-file.json', () => {
	test('a recording that becomes available is saved to disk under its own name, once', async () => {
		// As n8n runs an active workflow: the trigger polls with the workflow's static data,
		// and what a poll emits runs through the rest of the workflow.
		const staticData: IDataObject = {};
		const poll = async () => await runPoll({ node: triggerNode, credentials: sandbox.credentials, staticData });
		await sandbox.admin.seed({ recordings: [{ topic: 'Yesterday', start_time: await hoursAgo(20), duration: 30 }] });
		expect((await poll()).items).toBeNull();

		const { recordings } = await sandbox.admin.seed({
			recordings: [{ topic: 'Product Demo', start_time: await hoursAgo(1), duration: 30, file_size: 120_000 }],
		});
		const [recording] = recordings;
		const { items } = await poll();
		const result = await runWorkflow({
			workflow,
			mode: 'trigger',
			inputItems: items?.[0],
			credentials: sandbox.credentials,
			nodeTypes: readWriteFileUnder(root),
		});

		expect(result.error).toBeUndefined();
		const [saved, ...more] = result.output('Save Recording');
		expect(more).toEqual([]);
		const fileName = `/home/node/.n8n-files/${recording.meeting_key}_${recording.start_time}.mp4`;
		expect(saved.json).toEqual({ ...recording, fileName });
		expect(readFileSync(path.join(root, fileName)).equals(recordingChunk(recording.recording_id, 0, 120_000))).toBe(true);

		expect((await poll()).items).toBeNull();
		const requests = (await sandbox.apiRequests()).map(({ method, path: requested }) => `${method} ${requested}`);
		expect(requests).toEqual([
			'GET /api/v2/recordings',
			'GET /api/v2/recordings',
			`GET /api/v2/recordings/${recording.recording_id}/download`,
			'GET /api/v2/recordings',
		]);
	});
});
