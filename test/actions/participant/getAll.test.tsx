import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('participant: getAll', () => {
	it('returns every participant of the meeting with Return All, one item each', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: [{ participant_limit: 200 }] });
		const key = meetings[0].meeting_key;
		const { participants } = await sandbox.admin.seed({ participants: Array.from({ length: 105 }, () => ({ meeting_key: key })) });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'participant',
			operation: 'getAll',
			meetingKey: locator('list', key),
			returnAll: true,
		});

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => item.json)).toEqual(participants);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/meetings/${key}/participants`, query: { page: '1', per_page: '100' }, body: null },
			{ method: 'GET', path: `/api/v2/meetings/${key}/participants`, query: { page: '2', per_page: '100' }, body: null },
		]);
	});

	it('asks for no more than the limit', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.seed({ participants: 5 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'participant',
			operation: 'getAll',
			meetingKey: locator('id', key),
			limit: 2,
		});

		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.email)).toEqual([
			'participant1@example.com',
			'participant2@example.com',
		]);
		expect((await sandbox.apiRequests()).map((r) => r.query)).toEqual([{ page: '1', per_page: '2' }]);
	});

	it('says INVALID_MEETING_KEY for a meeting that does not exist', async () => {
		const result = await sandbox.runZoho({
			resource: 'participant',
			operation: 'getAll',
			meetingKey: locator('id', '404404404'),
			returnAll: true,
		});
		expect(result.error).toMatchObject({
			message: 'INVALID_MEETING_KEY: The specified meeting key does not exist',
			httpCode: '404',
		});
	});
});
