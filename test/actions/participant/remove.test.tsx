import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('participant: remove', () => {
	it('removes a participant picked from the list and says from which meeting', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		const { participants } = await sandbox.admin.seed({ participants: 2 });
		const [removed, kept] = participants.map((p) => p.participant_id);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{
				resource: 'participant',
				operation: 'remove',
				meetingKey: locator('list', key),
				participantId: locator('list', removed),
			},
			{ typeVersion: 2 },
		);

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json, item.pairedItem])).toEqual([
			[{ deleted: true, meetingKey: key, participantId: removed }, { item: 0 }],
		]);
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'DELETE', path: `/api/v2/meetings/${key}/participants/${removed}`, query: {}, body: null },
		]);
		const left = await sandbox.runZoho({
			resource: 'participant',
			operation: 'getAll',
			meetingKey: locator('id', key),
			returnAll: true,
		});
		expect(left.output(ZOHO_NODE_NAME).map((item) => item.json.participant_id)).toEqual([kept]);
	});

	// Version 1 answered { success: true }; its workflows (and this one, with the ID as plain text) keep working.
	it('keeps going with Continue On Fail: an error item for the unknown participant, the others removed', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		const { participants } = await sandbox.admin.seed({ participants: 2 });
		const ids = [participants[0].participant_id, '123', participants[1].participant_id];

		const result = await sandbox.runZoho(
			{
				resource: 'participant',
				operation: 'remove',
				meetingKey: locator('id', key),
				participantId: '={{ $json.id }}',
			},
			{ items: ids.map((id) => ({ id })), continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ success: true, deleted: true, meetingKey: key, participantId: ids[0] }, { item: 0 }],
			[{ error: 'INVALID_PARTICIPANT_ID: The specified participant does not exist in this meeting' }, { item: 1 }],
			[{ success: true, deleted: true, meetingKey: key, participantId: ids[2] }, { item: 2 }],
		]);
		expect(output[1].error).toMatchObject({ httpCode: '404', description: expect.stringMatching(/^Verify the participant ID/) });
	});

	it('refuses a participant ID that would change the path, without a request', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'participant',
			operation: 'remove',
			meetingKey: locator('id', meetings[0].meeting_key),
			participantId: '../../settings',
		});

		expect(result.error?.message).toBe('Participant ID "../../settings" is not a valid ID');
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
