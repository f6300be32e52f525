import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('recording: delete', () => {
	it('deletes a recording and says which', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: 2 });
		const [doomed, kept] = recordings.map((r) => r.recording_id);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{ resource: 'recording', operation: 'delete', recordingId: locator('list', doomed) },
			{ typeVersion: 2 },
		);

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json, item.pairedItem])).toEqual([
			[{ deleted: true, recordingId: doomed }, { item: 0 }],
		]);
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'DELETE', path: `/api/v2/recordings/${doomed}`, query: {}, body: null },
		]);
		const left = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', returnAll: true });
		expect(left.output(ZOHO_NODE_NAME).map((item) => item.json.recording_id)).toEqual([kept]);
	});

	// A version 1 node keeps the { success: true } it answered before `deleted` existed.
	it('keeps going with Continue On Fail: an error item for the unknown ID, the others deleted', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: 2 });
		const ids = [recordings[0].recording_id, 'REC_404', recordings[1].recording_id];

		const result = await sandbox.runZoho(
			{ resource: 'recording', operation: 'delete', recordingId: locator('id', '={{ $json.id }}') },
			{ items: ids.map((id) => ({ id })), continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ success: true, deleted: true, recordingId: ids[0] }, { item: 0 }],
			[{ error: 'INVALID_RECORDING_ID: The specified recording does not exist' }, { item: 1 }],
			[{ success: true, deleted: true, recordingId: ids[2] }, { item: 2 }],
		]);
		expect(output[1].error).toMatchObject({ httpCode: '404', description: expect.stringMatching(/^Verify the recording ID/) });
		expect((await sandbox.admin.state()).recordings).toBe(0);
	});
});
