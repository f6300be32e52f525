import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const remove = (webinarKey: string) => ({
	resource: 'webinar',
	operation: 'delete',
	webinarKey: locator('id', webinarKey),
});

describe('Webinar > Delete', () => {
	test.each([
		[2, { deleted: true }],
		// Version 1 answered { success: true }, which its workflows may test.
		[1, { success: true, deleted: true }],
	])('deletes the webinar and says which one (node version %i)', async (typeVersion, answer) => {
		const { webinars } = await sandbox.admin.seed({ webinars: 2 });
		const webinarKey = webinars[0].webinar_key;

		const result = await sandbox.runZoho(remove(webinarKey), { typeVersion });

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'DELETE', path: `/api/v2/webinars/${webinarKey}`, query: {}, body: null },
		]);
		expect(result.output(ZOHO_NODE_NAME)).toEqual([{ json: { ...answer, webinarKey }, pairedItem: { item: 0 } }]);
		expect((await sandbox.admin.state()).webinars).toBe(1);
	});

	test('an unknown webinar key is a 404 INVALID_WEBINAR_KEY', async () => {
		const result = await sandbox.runZoho(remove('2999999999'));

		expect(result.error).toMatchObject({
			message: 'INVALID_WEBINAR_KEY: The specified webinar key does not exist',
			httpCode: '404',
		});
	});

	test('a webinar key expression that yields nothing is refused before any request', async () => {
		const result = await sandbox.runZoho(remove('={{ $json.webinar_key }}'), { items: [{ topic: 'Launch' }] });

		expect(result.error?.message).toBe('Webinar Key is empty');
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
