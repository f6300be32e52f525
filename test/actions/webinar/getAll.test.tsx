import type { INodeParameters } from 'n8n-workflow';

import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const getAll = (fields: INodeParameters) => ({ resource: 'webinar', operation: 'getAll', ...fields });

describe('Webinar > Get Many', () => {
	test('returns up to Limit webinars, soonest first, from one page of that size', async () => {
		const { webinars } = await sandbox.admin.seed({ webinars: 5 });

		const result = await sandbox.runZoho(getAll({ limit: 3 }));

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: '/api/v2/webinars', query: { page: '1', per_page: '3' }, body: null },
		]);
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => item.json)).toEqual(webinars.slice(0, 3));
		expect(output.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	test('Return All pages through every webinar, 100 at a time', async () => {
		await sandbox.admin.seed({ webinars: 150 });

		const result = await sandbox.runZoho(getAll({ returnAll: true }));

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(150);
		expect((await sandbox.apiRequests()).map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
		]);
	});

	test('filters by status and by start date, read in the workflow time zone', async () => {
		await sandbox.admin.seed({
			webinars: [
				{ topic: 'Held last month', status: 'completed' },
				{ topic: 'January', start_time: '2030-01-10T15:00:00Z' },
				{ topic: 'February', start_time: '2030-02-10T15:00:00Z' },
				{ topic: 'March', start_time: '2030-03-10T15:00:00Z' },
			],
		});

		const byStatus = await sandbox.runZoho(getAll({ returnAll: true, filters: { status: 'completed' } }));
		const byDate = await sandbox.runZoho(
			getAll({ returnAll: true, filters: { fromDate: '2030-02-01T00:00:00', toDate: '2030-02-28T23:59:59' } }),
			{ timezone: 'America/New_York' },
		);

		expect(byStatus.output(ZOHO_NODE_NAME).map((item) => item.json.topic)).toEqual(['Held last month']);
		expect(byDate.output(ZOHO_NODE_NAME).map((item) => item.json.topic)).toEqual(['February']);
		expect((await sandbox.apiRequests()).map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100', status: 'completed' },
			{
				page: '1',
				per_page: '100',
				from_date: '2030-02-01T05:00:00Z',
				to_date: '2030-03-01T04:59:59Z',
			},
		]);
	});

	test.each([
		['From Date after To Date', { filters: { fromDate: '2030-03-01', toDate: '2030-02-01' } }, 'From Date is after To Date'],
		['a Limit of 0', { limit: 0 }, 'Limit must be a whole number from 1 to 100000'],
		['a From Date that is not a date', { filters: { fromDate: 'next week' } }, 'From Date "next week" is not an ISO 8601 date-time'],
	])('%s is refused before any request', async (_, fields, message) => {
		const result = await sandbox.runZoho(getAll(fields));

		expect(result.error?.message).toBe(message);
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
