import { locator, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/** The router's loop over items, seen from a workflow: pairing and the error settings. */
const sandbox = useSandbox();

const getByKey = { resource: 'meeting', operation: 'get', meetingKey: locator('id', '={{ $json.key }}') };

describe('router', () => {
	it('sends failed items to the error output with "Continue (using error output)"', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 2 });
		const keys = [meetings[0].meeting_key, '404404404', 'bad/key', meetings[1].meeting_key];

		const result = await sandbox.runZoho(getByKey, {
			items: keys.map((key) => ({ key })),
			onError: 'continueErrorOutput',
		});

		expect(result.error).toBeUndefined();
		const success = result.output(ZOHO_NODE_NAME, 0);
		const failed = result.output(ZOHO_NODE_NAME, 1);
		expect(success.map((item) => [item.json.meeting_key, item.pairedItem])).toEqual([
			[keys[0], { item: 0 }],
			[keys[3], { item: 3 }],
		]);
		expect(failed.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['INVALID_MEETING_KEY: The specified meeting key does not exist', { item: 1 }],
			['Meeting Key "bad/key" is not a valid ID', { item: 2 }],
		]);
		// The bad key never reached the sandbox.
		expect((await sandbox.apiRequests()).map((r) => r.path)).toEqual([
			`/api/v2/meetings/${keys[0]}`,
			'/api/v2/meetings/404404404',
			`/api/v2/meetings/${keys[3]}`,
		]);
	});

	it('stops at the first failed item without an error setting, naming the item', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		// One item at a time, so nothing after the failed item is sent (parallelRequests.test.ts has the parallel case).
		const result = await sandbox.runZoho({ ...getByKey, options: { parallelRequests: 1 } }, {
			items: [{ key: meetings[0].meeting_key }, { key: '404404404' }, { key: meetings[0].meeting_key }],
		});
		expect(result.error?.message).toBe('INVALID_MEETING_KEY: The specified meeting key does not exist');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(await sandbox.apiRequests()).toHaveLength(2);
	});
});
