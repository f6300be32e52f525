import { recordingChunk } from '../../sandbox/recordingBytes';
import { readBinary } from '../harness';
import { exampleWorkflow } from '../helpers/examples';
import { useSandbox } from '../helpers/sandboxWorkflow';

const sandbox = useSandbox();
const workflow = exampleWorkflow('archive-recordings.json');

describe('examples/archive-recordings.json', () => {
	test('downloads every available recording to binary and keeps going past the one still processing', async () => {
		const { recordings } = await sandbox.admin.seed({
			recordings: [
				{ topic: 'Product Demo', file_size: 150_000, status: 'available' },
				{ topic: 'Team Standup', file_size: 90_000, status: 'processing' },
				{ topic: 'Q4 Planning', file_size: 210_000, status: 'available' },
			],
		});
		const [demo, standup, planning] = recordings;

		const result = await sandbox.run(workflow);

		expect(result.error).toBeUndefined();
		expect(result.output('Get Recordings').map((item) => item.json)).toEqual(recordings);

		// "On Error: Continue (using error output)" keeps the archive going: the recording
		// still processing goes to the error branch, paired with its input.
		const downloaded = result.output('Download Recording', 0);
		expect(downloaded.map((item) => [item.json.recording_id, item.pairedItem])).toEqual([
			[demo.recording_id, { item: 0 }],
			[planning.recording_id, { item: 2 }],
		]);
		const notReady = result.output('Download Recording', 1);
		expect(notReady.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		const [waiting] = result.output('Still Processing');
		expect(waiting.json).toMatchObject({ error: 'RECORDING_NOT_AVAILABLE: Recording not yet available' });
		expect(waiting.binary).toBeUndefined();
		const archived = result.output('Archived Files');
		expect(archived.map((item) => item.json.recording_id)).toEqual([demo.recording_id, planning.recording_id]);
		for (const [item, recording] of [
			[archived[0], demo],
			[archived[1], planning],
		] as const) {
			const file = await readBinary(item, 'data');
			expect(file.metadata.mimeType).toBe('video/mp4');
			expect(file.metadata.fileName).toMatch(/\.mp4$/);
			expect(file.size).toBe(recording.file_size);
			expect((await file.buffer()).equals(recordingChunk(recording.recording_id, 0, recording.file_size))).toBe(
				true,
			);
		}

		const requests = (await sandbox.apiRequests()).map(({ method, path, query }) => ({ method, path, query }));
		expect(requests[0]).toEqual({
			method: 'GET',
			path: '/api/v2/recordings',
			query: { page: '1', per_page: '100' },
		});
		const downloads = requests.filter((request) => request.path.endsWith('/download'));
		expect(downloads.map((request) => request.path)).toEqual(
			[demo, standup, planning].map((recording) => `/api/v2/recordings/${recording.recording_id}/download`),
		);
	});
});
