import type { INodeParameters } from 'n8n-workflow';

import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const getAll = (webinarKey: string, fields: INodeParameters = {}) => ({
	resource: 'registration',
	operation: 'getAll',
	webinarKey: locator('list', webinarKey),
	...fields,
});

describe('Registration > Get Many', () => {
	test("returns one item per registration of the webinar, up to Limit", async () => {
		const {
			webinars: [webinar],
			registrations,
		} = await sandbox.admin.seed({
			webinars: [{ topic: 'Product Launch Webinar', registration_required: true }],
			registrations: [
				{ email: 'ana@example.com', name: 'Ana Lima' },
				{ email: 'bo@example.com', name: 'Bo Chen', status: 'approved' },
				{ email: 'cy@example.com', name: 'Cy Roy' },
			],
		});

		const result = await sandbox.runZoho(getAll(webinar.webinar_key, { limit: 2 }));

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'GET',
				path: `/api/v2/webinars/${webinar.webinar_key}/registrations`,
				query: { page: '1', per_page: '2' },
				body: null,
			},
		]);
		expect(result.output(ZOHO_NODE_NAME)).toEqual(
			registrations.slice(0, 2).map((json) => ({ json, pairedItem: { item: 0 } })),
		);
	});

	test('Return All pages through every registration', async () => {
		const {
			webinars: [webinar],
		} = await sandbox.admin.seed({ webinars: 1, registrations: 120 });

		const result = await sandbox.runZoho(getAll(webinar.webinar_key, { returnAll: true }));

		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(120);
		expect((await sandbox.apiRequests()).map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
		]);
	});

	test('an unknown webinar key is a 404 INVALID_WEBINAR_KEY', async () => {
		const result = await sandbox.runZoho(getAll('2999999999'));

		expect(result.error).toMatchObject({
			message: 'INVALID_WEBINAR_KEY: The specified webinar key does not exist',
			httpCode: '404',
		});
	});
});
