import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('Settings > Get', () => {
	test("returns the account's meeting defaults as one item", async () => {
		const result = await sandbox.runZoho({ resource: 'settings', operation: 'get' });

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: '/api/v2/settings', query: {}, body: null },
		]);
		expect(result.output(ZOHO_NODE_NAME)).toEqual([
			{
				json: {
					default_meeting_duration: 60,
					default_timezone: 'UTC',
					auto_recording: false,
					waiting_room_enabled: false,
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});
