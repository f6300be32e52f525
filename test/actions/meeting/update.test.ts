import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('meeting: update', () => {
	it('sends only the changed fields with PUT and returns the updated meeting', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'update',
			meetingKey: { __rl: true, mode: 'id', value: key },
			updateFields: { topic: 'Updated Meeting Topic', startTime: '2099-12-20T16:00:00Z', duration: 60, timezone: 'UTC' },
		});

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({
			meeting_key: key,
			topic: 'Updated Meeting Topic',
			start_time: '2099-12-20T16:00:00Z',
			duration: 60,
		});
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'PUT',
				path: `/api/v2/meetings/${key}`,
				query: {},
				body: { topic: 'Updated Meeting Topic', start_time: '2099-12-20T16:00:00Z', duration: 60, timezone: 'UTC' },
			},
		]);
	});

	it('refuses an empty update before sending anything', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'update',
			meetingKey: { __rl: true, mode: 'id', value: '123' },
			updateFields: {},
		});
		expect(result.error?.message).toBe('Update Fields is empty');
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('says MEETING_PAST for a meeting that already took place', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: [{ topic: 'Done', start_time: '2001-01-01T10:00:00Z', duration: 30 }] });
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'update',
			meetingKey: { __rl: true, mode: 'id', value: meetings[0].meeting_key },
			updateFields: { duration: 45 },
		});
		expect(result.error?.message).toMatch(/^MEETING_PAST: /);
	});
});
