import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const day = (n: number, hour: number) => `2025-01-${String(n).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

/**
 * 250 meetings in 2025 and after: 150 held (45 or 30 minutes, every other one recorded),
 * 40 cancelled (60 minutes), 60 still to come (15 minutes, recorded); and two held around
 * New Year in Berlin: at 00:30 on January 1 (23:30 UTC, in the range read in Berlin time)
 * and at 23:30 on December 31 (before it).
 */
async function seedYear() {
	const held = Array.from({ length: 150 }, (_, i) => ({
		topic: `Held ${i}`,
		start_time: day(2 + (i % 20), 8 + Math.floor(i / 20)),
		duration: i % 3 === 0 ? 45 : 30,
		recording_enabled: i % 2 === 0,
		status: 'completed' as const,
	}));
	const cancelled = Array.from({ length: 40 }, (_, i) => ({
		topic: `Cancelled ${i}`,
		start_time: day(25, i % 20),
		duration: 60,
		status: 'cancelled' as const,
	}));
	const upcoming = Array.from({ length: 60 }, () => ({ duration: 15, recording_enabled: true }));
	const newYear = { topic: 'New Year', start_time: '2024-12-31T23:30:00Z', duration: 90, status: 'completed' as const };
	const eve = { topic: 'Eve', start_time: '2024-12-31T22:30:00Z', duration: 120, status: 'completed' as const };
	await sandbox.admin.seed({ meetings: [...held, ...cancelled, newYear, eve] });
	await sandbox.admin.seed({ meetings: upcoming });
	await sandbox.admin.clearRequests();
}

describe('meeting: getStatistics', () => {
	it('counts the meetings of the range in one item, reading them 100 to a request', async () => {
		await seedYear();

		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'getStatistics', fromDate: '2025-01-01T00:00:00', toDate: '2099-12-31T23:59:59Z' },
			{ timezone: 'Europe/Berlin' },
		);

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{
					from_date: '2024-12-31T23:00:00Z',
					to_date: '2099-12-31T23:59:59Z',
					total_meetings: 251,
					by_status: { scheduled: 60, completed: 151, cancelled: 40 },
					total_duration: 50 * 45 + 100 * 30 + 90 + 40 * 60 + 60 * 15,
					// 8,640 minutes over 251 meetings, to one decimal.
					avg_duration: 34.4,
					recording_enabled_count: 75 + 60,
				},
				{ item: 0 },
			],
		]);
		const query = (page: number) => ({ page: String(page), per_page: '100', from_date: '2024-12-31T23:00:00Z', to_date: '2099-12-31T23:59:59Z' });
		expect(await sandbox.apiRequests()).toEqual(
			[1, 2, 3].map((page) => ({ method: 'GET', path: '/api/v2/meetings', query: query(page), body: null })),
		);
	});

	it('answers zeros for a range without meetings, after one request', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'getStatistics',
			fromDate: '2030-01-01T00:00:00Z',
			toDate: '2030-01-31T00:00:00Z',
		});

		expect(result.output(ZOHO_NODE_NAME)[0].json).toEqual({
			from_date: '2030-01-01T00:00:00Z',
			to_date: '2030-01-31T00:00:00Z',
			total_meetings: 0,
			by_status: { scheduled: 0, completed: 0, cancelled: 0 },
			total_duration: 0,
			avg_duration: 0,
			recording_enabled_count: 0,
		});
		expect(await sandbox.apiRequests()).toHaveLength(1);
	});

	it('counts what a server sends outside the contract without failing: an unknown status, a duration that is no number', async () => {
		const data = [
			{ meeting_key: '1', status: 'in_progress', duration: 30, recording_enabled: true },
			{ meeting_key: '2', status: 'completed', duration: 'an hour' },
			{ meeting_key: '3', duration: -5, recording_enabled: 'yes' },
		];
		await sandbox.admin.injectFault({
			path: '^/api/v2/meetings$',
			fault: { type: 'status', status: 200, body: { status: 'success', data, pagination: { page: 1, per_page: 100, total: 3, has_more: false } } },
		});

		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'getStatistics',
			fromDate: '2025-01-01T00:00:00Z',
			toDate: '2025-12-31T00:00:00Z',
		});

		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({
			total_meetings: 3,
			by_status: { scheduled: 0, completed: 1, cancelled: 0, in_progress: 1, unknown: 1 },
			total_duration: 30,
			avg_duration: 10,
			recording_enabled_count: 1,
		});
	});

	it.each([
		// The editor refuses an empty required field; an expression can still yield nothing.
		[{ fromDate: '={{ $json.none }}', toDate: '2025-12-31T00:00:00Z' }, 'From Date is empty'],
		[{ fromDate: '2025-01-01T00:00:00Z', toDate: '={{ "" }}' }, 'To Date is empty'],
		[{ fromDate: '2025-12-31T00:00:00Z', toDate: '2025-01-01T00:00:00Z' }, 'From Date is after To Date'],
		[{ fromDate: 'last month', toDate: '2025-01-01T00:00:00Z' }, 'From Date "last month" is not an ISO 8601 date-time'],
	])('refuses %j before any request', async (range, message) => {
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getStatistics', ...range });
		expect(result.error?.message).toBe(message);
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
