import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('meeting: cancel', () => {
	it.each([true, false])('cancels with notify_participants=%s and says what it cancelled', async (notify) => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'cancel',
			meetingKey: { __rl: true, mode: 'id', value: key },
			notifyParticipants: notify,
		});

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json, item.pairedItem])).toEqual([
			[{ success: true, meetingKey: key, notifiedParticipants: notify }, { item: 0 }],
		]);
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'DELETE', path: `/api/v2/meetings/${key}`, query: { notify_participants: String(notify) }, body: null },
		]);
		const after = await sandbox.runZoho({ resource: 'meeting', operation: 'get', meetingKey: { __rl: true, mode: 'id', value: key } });
		expect(after.output(ZOHO_NODE_NAME)[0].json.status).toBe('cancelled');
	});

	it.each([
		['false', false],
		[' TRUE ', true],
	])('reads Notify Participants %j from an expression as %s', async (text, notify) => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{
				resource: 'meeting',
				operation: 'cancel',
				meetingKey: { __rl: true, mode: 'id', value: key },
				notifyParticipants: '={{ $json.notify }}',
			},
			{ items: [{ notify: text }] },
		);

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json).toEqual({ success: true, meetingKey: key, notifiedParticipants: notify });
		expect((await sandbox.apiRequests())[0].query).toEqual({ notify_participants: String(notify) });
	});

	it('refuses a Notify Participants that is not true or false before cancelling', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'cancel',
			meetingKey: { __rl: true, mode: 'id', value: meetings[0].meeting_key },
			notifyParticipants: '={{ "no thanks" }}',
		});
		expect(result.error?.message).toBe('Notify Participants must be true or false');
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('keeps going with Continue On Fail: an error item for the bad key, the others cancelled', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 2 });
		const keys = [meetings[0].meeting_key, '404404404', meetings[1].meeting_key];

		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'cancel', meetingKey: { __rl: true, mode: 'id', value: '={{ $json.key }}' } },
			{ items: keys.map((key) => ({ key })), continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toMatchObject({ success: true, meetingKey: keys[0] });
		expect(output[1].json).toEqual({ error: 'INVALID_MEETING_KEY: The specified meeting key does not exist' });
		expect(output[1].error).toMatchObject({ httpCode: '404', description: expect.stringMatching(/^Verify the meeting key/) });
		expect(output[2].json).toMatchObject({ success: true, meetingKey: keys[2] });
	});
});
