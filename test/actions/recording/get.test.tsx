import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('recording: get', () => {
	it('gets the details of a recording', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ topic: 'Product Demo', duration: 58 }] });
		const recording = recordings[0];
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'recording',
			operation: 'get',
			recordingId: locator('list', recording.recording_id),
		});

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json, item.pairedItem])).toEqual([
			[recording, { item: 0 }],
		]);
		expect(recording).toMatchObject({ topic: 'Product Demo', duration: 58, status: 'available' });
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/recordings/${recording.recording_id}`, query: {}, body: null },
		]);
	});

	it('says INVALID_RECORDING_ID for a recording that does not exist', async () => {
		const result = await sandbox.runZoho({
			resource: 'recording',
			operation: 'get',
			recordingId: locator('id', 'REC_404'),
		});
		expect(result.error).toMatchObject({
			message: 'INVALID_RECORDING_ID: The specified recording does not exist',
			description: expect.stringMatching(/^Verify the recording ID/),
			httpCode: '404',
		});
	});

	it('refuses an ID that would change the path, without a request', async () => {
		const result = await sandbox.runZoho({
			resource: 'recording',
			operation: 'get',
			recordingId: locator('id', 'REC_1/download'),
		});
		expect(result.error?.message).toMatch(/^Recording ID "REC_1\/download" is not a valid ID/);
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
