import type { INodeParameterResourceLocator } from 'n8n-workflow';

import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const get = (webinarKey: INodeParameterResourceLocator) => ({ resource: 'webinar', operation: 'get', webinarKey });

describe('Webinar > Get', () => {
	test('gets the webinar picked from the list', async () => {
		const {
			webinars: [webinar],
		} = await sandbox.admin.seed({ webinars: [{ topic: 'Product Launch Webinar', max_attendees: 500 }] });

		const result = await sandbox.runZoho(get(locator('list', webinar.webinar_key)));

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/webinars/${webinar.webinar_key}`, query: {}, body: null },
		]);
		expect(result.output(ZOHO_NODE_NAME)).toEqual([{ json: webinar, pairedItem: { item: 0 } }]);
	});

	test('an unknown webinar key is a 404 INVALID_WEBINAR_KEY with the fix', async () => {
		const result = await sandbox.runZoho(get(locator('id', '2999999999')));

		expect(result.error).toMatchObject({
			message: 'INVALID_WEBINAR_KEY: The specified webinar key does not exist',
			description: expect.stringMatching(/^Verify the webinar key/),
			httpCode: '404',
		});
	});

	test('a key that would change the path is refused before any request', async () => {
		const result = await sandbox.runZoho(get(locator('id', '../settings')));

		expect(result.error?.message).toBe('Webinar Key "../settings" is not a valid ID');
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	test('with Continue On Fail, a missing webinar becomes an error item and the others are returned', async () => {
		const { webinars } = await sandbox.admin.seed({ webinars: 2 });
		const keys = [webinars[0].webinar_key, '2999999999', webinars[1].webinar_key];

		const result = await sandbox.runZoho(get(locator('id', '={{ $json.key }}')), {
			items: keys.map((key) => ({ key })),
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.webinar_key).toBe(keys[0]);
		expect(output[1].json).toEqual({ error: 'INVALID_WEBINAR_KEY: The specified webinar key does not exist' });
		expect(output[1].error).toMatchObject({
			description: expect.stringMatching(/^Verify the webinar key/),
			httpCode: '404',
		});
		expect(output[2].json.webinar_key).toBe(keys[2]);
		expect((await sandbox.apiRequests()).map((request) => request.path)).toEqual(
			keys.map((key) => `/api/v2/webinars/${key}`),
		);
	});
});
