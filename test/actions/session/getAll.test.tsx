import { seedHeldMeeting } from '../../helpers/heldMeeting';
import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('session: getAll', () => {
	it('returns each held session of the meeting as one item', async () => {
		const key = await seedHeldMeeting(sandbox);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'session',
			operation: 'getAll',
			meetingKey: locator('list', key),
			returnAll: true,
		});

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => [item.json.start_time, item.json.end_time, item.pairedItem])).toEqual([
			['2025-03-03T09:00:00Z', '2025-03-03T09:30:00Z', { item: 0 }],
			['2025-03-04T09:00:00Z', '2025-03-04T09:30:00Z', { item: 0 }],
			['2025-03-05T09:00:00Z', '2025-03-05T09:30:00Z', { item: 0 }],
		]);
		expect(output[0].json).toMatchObject({ meeting_key: key, participants_count: 2, recording_available: true });
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/meetings/${key}/sessions`, query: { page: '1', per_page: '100' }, body: null },
		]);
	});

	it('asks for no more than the limit', async () => {
		const key = await seedHeldMeeting(sandbox);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'session',
			operation: 'getAll',
			meetingKey: locator('id', key),
			limit: 2,
		});

		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.start_time)).toEqual([
			'2025-03-03T09:00:00Z',
			'2025-03-04T09:00:00Z',
		]);
		expect((await sandbox.apiRequests()).map((r) => r.query)).toEqual([{ page: '1', per_page: '2' }]);
	});

	it('returns nothing, not an error, for a meeting not yet held', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const result = await sandbox.runZoho({
			resource: 'session',
			operation: 'getAll',
			meetingKey: locator('id', meetings[0].meeting_key),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toEqual([]);
	});

	it('keeps going with Continue On Fail: an error item for the unknown meeting', async () => {
		const key = await seedHeldMeeting(sandbox);

		const result = await sandbox.runZoho(
			{ resource: 'session', operation: 'getAll', meetingKey: locator('id', '={{ $json.key }}'), returnAll: true },
			{ items: [{ key: '404404404' }, { key }], continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }, { item: 1 }]);
		expect(output[0].json).toMatchObject({
			error: 'INVALID_MEETING_KEY: The specified meeting key does not exist',
		});
		expect(output.slice(1).map((item) => item.json.meeting_key)).toEqual([key, key, key]);
	});
});
