import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const pageQueries = async () => (await sandbox.apiRequests()).map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query)}`);

describe('recording: getAll', () => {
	it('returns every recording with Return All, 100 per page, one item each', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: 130 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', returnAll: true });

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => item.json.recording_id)).toEqual(recordings.map((r) => r.recording_id));
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(await pageQueries()).toEqual([
			'GET /api/v2/recordings?page=1&per_page=100',
			'GET /api/v2/recordings?page=2&per_page=100',
		]);
	});

	it('asks for no more than the limit', async () => {
		await sandbox.admin.seed({ recordings: 30 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', limit: 7 });

		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(7);
		expect(await pageQueries()).toEqual(['GET /api/v2/recordings?page=1&per_page=7']);
	});

	it('sends the date filters in UTC, a time without offset read in the workflow zone', async () => {
		await sandbox.admin.seed({
			recordings: [
				{ topic: 'Before', start_time: '2025-02-28T22:00:00Z' },
				{ topic: 'March 1 in Berlin', start_time: '2025-02-28T23:30:00Z' },
				{ topic: 'Inside', start_time: '2025-03-10T10:00:00Z' },
				{ topic: 'After', start_time: '2025-04-01T10:00:00Z' },
			],
		});
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{
				resource: 'recording',
				operation: 'getAll',
				returnAll: true,
				filters: { fromDate: '2025-03-01T00:00:00', toDate: '2025-03-31T23:59:59Z' },
			},
			{ timezone: 'Europe/Berlin' },
		);

		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.topic)).toEqual(['March 1 in Berlin', 'Inside']);
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'GET',
				path: '/api/v2/recordings',
				query: { page: '1', per_page: '100', from_date: '2025-02-28T23:00:00Z', to_date: '2025-03-31T23:59:59Z' },
				body: null,
			},
		]);
	});

	it('refuses a date that is not ISO 8601 before sending anything', async () => {
		const result = await sandbox.runZoho({
			resource: 'recording',
			operation: 'getAll',
			returnAll: true,
			filters: { fromDate: '15/12/2025' },
		});
		expect(result.error).toMatchObject({
			message: 'From Date "15/12/2025" is not an ISO 8601 date-time',
			description: expect.stringMatching(/2025-12-20T15:00:00Z/),
		});
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('explains INVALID_DATE_FORMAT when Zoho rejects a date', async () => {
		await sandbox.admin.injectFault({ path: '^/api/v2/recordings$', fault: { type: 'status', code: 'INVALID_DATE_FORMAT' } });

		const result = await sandbox.runZoho({
			resource: 'recording',
			operation: 'getAll',
			returnAll: true,
			filters: { fromDate: '2025-03-01T00:00:00Z' },
		});

		expect(result.error).toMatchObject({
			message: 'INVALID_DATE_FORMAT: Date format is incorrect',
			description: 'Use an ISO 8601 date-time such as 2025-12-20T15:00:00Z.',
			httpCode: '400',
		});
	});

	describe('filters the API lacks (meeting and status), applied by the node', () => {
		const hour = (i: number) => new Date(Date.UTC(2025, 1, 1) + i * 3_600_000).toISOString().replace('.000', '');
		const TARGETS = [150, 151, 152, 153, 154, 155, 210, 211, 212, 213, 214, 215];
		const PROCESSING = [20, 120, 152, 220];

		/** 250 recordings an hour apart, listed in that order: TARGETS are of one meeting, PROCESSING still processing. */
		async function seedRecordings() {
			const { meetings } = await sandbox.admin.seed({
				meetings: [{ topic: 'Weekly review', start_time: '2025-01-06T10:00:00Z', duration: 30, status: 'completed' }],
			});
			const meetingKey = meetings[0].meeting_key;
			const { recordings } = await sandbox.admin.seed({
				recordings: Array.from({ length: 250 }, (_, i) => ({
					start_time: hour(i),
					duration: 30,
					...(TARGETS.includes(i) && { meeting_key: meetingKey }),
					...(PROCESSING.includes(i) && { status: 'processing' as const }),
				})),
			});
			await sandbox.admin.clearRequests();
			return { meetingKey, ids: recordings.map((recording) => recording.recording_id) };
		}

		it('a Limit of 10 returns the first 10 recordings of the meeting, reading pages of 100 until it has them', async () => {
			const { meetingKey, ids } = await seedRecordings();

			const result = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', limit: 10, filters: { meetingKey } });

			expect(result.error).toBeUndefined();
			expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.recording_id)).toEqual(TARGETS.slice(0, 10).map((i) => ids[i]));
			expect(result.output(ZOHO_NODE_NAME).every((item) => item.json.meeting_key === meetingKey)).toBe(true);
			expect(await pageQueries()).toEqual([
				'GET /api/v2/recordings?page=1&per_page=100',
				'GET /api/v2/recordings?page=2&per_page=100',
				'GET /api/v2/recordings?page=3&per_page=100',
			]);
		});

		it('Return All with a status returns every recording in it, and no status goes to Zoho', async () => {
			const { ids } = await seedRecordings();

			const result = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', returnAll: true, filters: { status: 'processing' } });

			expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json.recording_id, item.json.status])).toEqual(
				PROCESSING.map((i) => [ids[i], 'processing']),
			);
			expect((await pageQueries()).sort()).toEqual([1, 2, 3].map((page) => `GET /api/v2/recordings?page=${page}&per_page=100`));
		});

		it('combines the meeting, the status and the dates', async () => {
			const { meetingKey, ids } = await seedRecordings();

			const result = await sandbox.runZoho({
				resource: 'recording',
				operation: 'getAll',
				returnAll: true,
				filters: { meetingKey, status: 'available', fromDate: hour(151), toDate: hour(213) },
			});

			expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.recording_id)).toEqual([151, 153, 154, 155, 210, 211, 212, 213].map((i) => ids[i]));
			expect(await sandbox.apiRequests()).toEqual([
				{
					method: 'GET',
					path: '/api/v2/recordings',
					query: { page: '1', per_page: '100', from_date: hour(151), to_date: hour(213) },
					body: null,
				},
			]);
		});

		it.each([
			[{ status: '={{ "ready" }}' }, 'Status "ready" is not a recording status'],
			[{ meetingKey: '={{ "12/34" }}' }, 'Meeting Key "12/34" is not a valid ID'],
		])('refuses the filter %j before any request', async (filters, message) => {
			const result = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', returnAll: true, filters });
			expect(result.error?.message).toBe(message);
			expect(await sandbox.apiRequests()).toEqual([]);
		});
	});

	it('returns nothing, not an error, when there are no recordings', async () => {
		const result = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toEqual([]);
	});
});
