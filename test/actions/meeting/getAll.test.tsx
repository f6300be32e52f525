import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const pageQueries = async () => (await sandbox.apiRequests()).map((r) => r.query);

describe('meeting: getAll', () => {
	it('returns every meeting with Return All, 100 per page, one item each', async () => {
		await sandbox.admin.seed({ meetings: 250 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true });

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output).toHaveLength(250);
		expect(new Set(output.map((item) => item.json.meeting_key)).size).toBe(250);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(await pageQueries()).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
			{ page: '3', per_page: '100' },
		]);
	});

	it('stops paging at the limit', async () => {
		await sandbox.admin.seed({ meetings: 250 });
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: false, limit: 120 });
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(120);
		expect(await pageQueries()).toHaveLength(2);
	});

	it('passes the status and date filters in the spec format', async () => {
		await sandbox.admin.seed({
			meetings: [
				{ topic: 'In range', start_time: '2099-03-10T10:00:00Z', duration: 30 },
				{ topic: 'Too late', start_time: '2099-05-10T10:00:00Z', duration: 30 },
			],
		});
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'scheduled', fromDate: '2099-03-01T00:00:00Z', toDate: '2099-03-31T23:59:59Z' },
		});

		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.topic)).toEqual(['In range']);
		expect(await pageQueries()).toEqual([
			{
				page: '1',
				per_page: '100',
				status: 'scheduled',
				from_date: '2099-03-01T00:00:00Z',
				to_date: '2099-03-31T23:59:59Z',
			},
		]);
	});

	// Issue 10, finding 2, with the issue's own times: read in the workflow's time zone, the
	// day before a daylight-saving change east of UTC (main sent each an hour off).
	it.each([
		['2025-10-04T20:00:00', 'Australia/Sydney', '2025-10-04T10:00:00Z'],
		['2025-10-26T01:30:00', 'Europe/Berlin', '2025-10-25T23:30:00Z'],
		['2025-09-27T22:00:00', 'Pacific/Auckland', '2025-09-27T10:00:00Z'],
	])('reads From Date %s in the workflow zone %s as %s', async (local, timezone, utc) => {
		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'getAll', returnAll: true, filters: { fromDate: local } },
			{ timezone },
		);
		expect(result.error).toBeUndefined();
		expect(await pageQueries()).toEqual([{ page: '1', per_page: '100', from_date: utc }]);
	});

	it('reads Return All and Limit given as text from expressions as meant', async () => {
		await sandbox.admin.seed({ meetings: 5 });
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'getAll', returnAll: '={{ $json.all }}', limit: '={{ $json.limit }}' },
			{ items: [{ all: 'false', limit: ' 2 ' }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(2);
		expect(await pageQueries()).toEqual([{ page: '1', per_page: '2' }]);
	});

	it('refuses a date range that ends before it starts', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'getAll',
			returnAll: true,
			filters: { fromDate: '2099-04-01T00:00:00Z', toDate: '2099-03-01T00:00:00Z' },
		});
		expect(result.error?.message).toBe('From Date is after To Date');
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('returns nothing, not an error, for an empty account', async () => {
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toEqual([]);
	});
});
