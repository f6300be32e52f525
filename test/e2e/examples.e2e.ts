/**
 * The example workflows (examples/*.json), as `npm start` imports them, executed by real
 * n8n 2.x against a seeded sandbox. The archive example downloads recordings: their bytes
 * are read back from n8n's binary data storage and compared with what the sandbox served.
 */
import { itemsOf, outputOf, type WorkflowFile } from '../../scripts/n8n/n8n';
import { loadExamples } from '../../scripts/n8n/stack';
import { recordingChunk } from '../../sandbox/recordingBytes';
import { e2eStack } from './stack';

const stack = e2eStack();
const examples = loadExamples();

function example(fileNameHint: RegExp): WorkflowFile {
	const found = examples.find((w) => fileNameHint.test(w.name));
	if (!found) throw new Error(`no example workflow named like ${fileNameHint}`);
	return found;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

beforeEach(async () => {
	await stack.sandbox.reset();
});

test('every example uses the package and the sandbox credential', () => {
	expect(examples.length).toBeGreaterThan(0);
	for (const workflow of examples) {
		const zohoNodes = workflow.nodes.filter((n) => String(n.type).startsWith('n8n-nodes-zoho-meeting.'));
		expect(zohoNodes.length).toBeGreaterThan(0);
	}
});

test('schedule a meeting, add participants, get its details', async () => {
	const execution = await stack.cli.importAndExecute(example(/schedule a meeting/i));
	const [meeting] = outputOf(execution, 'Schedule Meeting');
	expect(meeting.meeting_key).toEqual(expect.any(String));
	expect(outputOf(execution, 'Add Participants').map((p) => p.email)).toEqual(['user1@example.com', 'user2@example.com']);
	expect(outputOf(execution, 'Get Meeting Details')).toEqual([
		expect.objectContaining({ meeting_key: meeting.meeting_key, topic: meeting.topic }),
	]);
});

test('download every available recording: the binary data n8n stored is the recording', async () => {
	const { recordings } = await stack.sandbox.seed({
		recordings: [
			{ topic: 'Product Demo', file_size: 150_000, status: 'available' },
			{ topic: 'Team Standup', file_size: 90_000, status: 'processing' },
		],
	});
	const [demo] = recordings;

	const execution = await stack.cli.importAndExecute(example(/recording/i));

	const archived = itemsOf(execution, 'Archived Files');
	expect(archived.map((item) => item.json.recording_id)).toEqual([demo.recording_id]);
	const file = archived[0].binary?.data;
	expect(file).toMatchObject({ mimeType: 'video/mp4', fileName: expect.stringMatching(/\.mp4$/) });
	const bytes = stack.cli.readBinary(file!);
	expect(bytes.length).toBe(demo.file_size);
	expect(bytes.equals(recordingChunk(demo.recording_id, 0, demo.file_size))).toBe(true);
	expect(outputOf(execution, 'Still Processing')).toHaveLength(1);
});

test("reports of last week's meetings", async () => {
	const { meetings } = await stack.sandbox.seed({
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

	const execution = await stack.cli.importAndExecute(example(/report/i));

	expect(outputOf(execution, 'Get Completed Meetings').map((m) => m.topic)).toEqual(['Product Demo']);
	expect(outputOf(execution, 'Get Meeting Report')).toEqual([
		expect.objectContaining({ meeting_key: meetings[1].meeting_key, total_participants: 1 }),
	]);
});
