/**
 * The example workflows (examples/*.json), as `npm start` imports them, each with a
 * seeded sandbox and what its run must show. Run on the current n8n by examples.e2e.ts
 * and on the compatibility versions (the newest 1.x and the floor) by n8n-1-compat.e2e.ts.
 */
import type { SandboxAdmin } from '../../sandbox/client';
import { recordingChunk } from '../../sandbox/recordingBytes';
import { itemsOf, outputOf, type Execution, type N8nCli, type WorkflowFile } from '../../scripts/n8n/n8n';
import { loadExamples } from '../../scripts/n8n/stack';

export const EXAMPLES = loadExamples();

export function example(fileNameHint: RegExp): WorkflowFile {
	const found = EXAMPLES.find((w) => fileNameHint.test(w.name));
	if (!found) throw new Error(`no example workflow named like ${fileNameHint}`);
	return found;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Where an example runs: an n8n (its CLI), the sandbox it talks to, and how to run a workflow there. */
export interface ExampleTarget {
	cli: N8nCli;
	sandbox: SandboxAdmin;
	/** Runs the workflow (importing it first, unless the target imported every example before). */
	execute(workflow: WorkflowFile): Promise<Execution>;
}

export interface ExampleCase {
	name: string;
	/** Seeds the sandbox (reset before), runs the example, checks the result. */
	run(target: ExampleTarget): Promise<void>;
}

export const EXAMPLE_CASES: ExampleCase[] = [
	{
		name: 'schedule a meeting with its participants, get its details',
		async run({ execute }) {
			const execution = await execute(example(/schedule a meeting/i));
			const [meeting] = outputOf(execution, 'Schedule Meeting');
			expect(meeting.meeting_key).toEqual(expect.any(String));
			const [details] = outputOf(execution, 'Get Meeting Details');
			expect(details).toMatchObject({ meeting_key: meeting.meeting_key, topic: meeting.topic });
			expect((details.participants as Array<{ email: string }>).map((p) => p.email)).toEqual([
				'user1@example.com',
				'user2@example.com',
			]);
		},
	},
	{
		name: 'download every available recording: the binary data n8n stored is the recording',
		async run({ cli, sandbox, execute }) {
			const { recordings } = await sandbox.seed({
				recordings: [
					{ topic: 'Product Demo', file_size: 150_000, status: 'available' },
					{ topic: 'Team Standup', file_size: 90_000, status: 'processing' },
				],
			});
			const [demo] = recordings;

			const execution = await execute(example(/recording/i));

			const archived = itemsOf(execution, 'Archived Files');
			expect(archived.map((item) => item.json.recording_id)).toEqual([demo.recording_id]);
			const file = archived[0].binary?.data;
			expect(file).toMatchObject({ mimeType: 'video/mp4', fileName: expect.stringMatching(/\.mp4$/) });
			const bytes = cli.readBinary(file!);
			expect(bytes.length).toBe(demo.file_size);
			expect(bytes.equals(recordingChunk(demo.recording_id, 0, demo.file_size))).toBe(true);
			expect(outputOf(execution, 'Still Processing')).toHaveLength(1);
		},
	},
	{
		name: "reports of last week's meetings",
		async run({ sandbox, execute }) {
			const { meetings } = await sandbox.seed({
				meetings: [
					{ topic: 'Too old', start_time: daysAgo(10), duration: 30, status: 'completed' },
					{
						topic: 'Product Demo',
						start_time: daysAgo(3),
						duration: 60,
						participants: [{ email: 'john.doe@company.com', name: 'John Doe' }],
						status: 'completed',
					},
				],
			});

			const execution = await execute(example(/report/i));

			expect(outputOf(execution, 'Get Completed Meetings').map((m) => m.topic)).toEqual(['Product Demo']);
			expect(outputOf(execution, 'Get Meeting Report')).toEqual([
				expect.objectContaining({ meeting_key: meetings[1].meeting_key, total_participants: 1 }),
			]);
		},
	},
];
