import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('meeting: update', () => {
	it('sends only the changed fields with PUT and returns the updated meeting', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'update',
			meetingKey: { __rl: true, mode: 'id', value: key },
			updateFields: { topic: 'Updated Meeting Topic', startTime: '2099-12-20T16:00:00Z', duration: 60, timezone: 'UTC' },
		});

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({
			meeting_key: key,
			topic: 'Updated Meeting Topic',
			start_time: '2099-12-20T16:00:00Z',
			duration: 60,
		});
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'PUT',
				path: `/api/v2/meetings/${key}`,
				query: {},
				body: { topic: 'Updated Meeting Topic', start_time: '2099-12-20T16:00:00Z', duration: 60, timezone: 'UTC' },
			},
		]);
	});

	// Issue 10, finding 9: a Tokyo meeting updated from a New York workflow moved 14 hours.
	it("reads a start time without an offset in the meeting's own time zone, asking Zoho for it", async () => {
		const { meetings } = await sandbox.admin.seed({
			meetings: [{ topic: 'Tokyo sync', start_time: '2030-05-01T01:00:00Z', duration: 30, timezone: 'Asia/Tokyo' }],
		});
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{
				resource: 'meeting',
				operation: 'update',
				meetingKey: { __rl: true, mode: 'id', value: key },
				updateFields: { startTime: '2030-06-01T10:00:00', duration: 45 },
			},
			{ timezone: 'America/New_York' },
		);

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/meetings/${key}`, query: {}, body: null },
			{
				method: 'PUT',
				path: `/api/v2/meetings/${key}`,
				query: {},
				// 10:00 in Tokyo; the meeting keeps its zone.
				body: { start_time: '2030-06-01T01:00:00Z', duration: 45 },
			},
		]);
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ start_time: '2030-06-01T01:00:00Z', timezone: 'Asia/Tokyo' });
	});

	it.each([
		['a new time zone is given', { startTime: '2030-06-01T10:00:00', timezone: 'Europe/Berlin' }, '2030-06-01T08:00:00Z'],
		['the start time has an offset', { startTime: '2030-06-01T10:00:00+09:00' }, '2030-06-01T01:00:00Z'],
	])('sends one request when %s', async (_, updateFields, utc) => {
		const { meetings } = await sandbox.admin.seed({ meetings: [{ topic: 'Sync', start_time: '2030-05-01T01:00:00Z', timezone: 'Asia/Tokyo' }] });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'update', meetingKey: { __rl: true, mode: 'id', value: meetings[0].meeting_key }, updateFields },
			{ timezone: 'America/New_York' },
		);

		expect(result.error).toBeUndefined();
		const requests = await sandbox.apiRequests();
		expect(requests.map((request) => request.method)).toEqual(['PUT']);
		expect(requests[0].body).toMatchObject({ start_time: utc });
	});

	it("refuses a time the meeting's zone skips, after reading the zone and before changing anything", async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: [{ topic: 'Sync', start_time: '2030-05-01T01:00:00Z', timezone: 'Europe/Berlin' }] });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'update',
			meetingKey: { __rl: true, mode: 'id', value: meetings[0].meeting_key },
			updateFields: { startTime: '2030-03-31T02:30:00' },
		});

		expect(result.error?.message).toBe(
			'Start Time 2030-03-31T02:30:00 does not exist in Europe/Berlin: clocks jump from 02:00 to 03:00',
		);
		expect((await sandbox.apiRequests()).map((request) => request.method)).toEqual(['GET']);
	});

	it('checks every field before any request, even one that looks up the meeting by URL', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'update',
			meetingKey: { __rl: true, mode: 'url', value: meetings[0].meeting_url },
			updateFields: { startTime: '2030-06-01T10:00:00', duration: '={{ "1e2" }}' },
		});

		expect(result.error?.message).toBe('Duration must be a whole number from 1 to 1440');
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('refuses an empty update before sending anything', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'update',
			meetingKey: { __rl: true, mode: 'id', value: '123' },
			updateFields: {},
		});
		expect(result.error?.message).toBe('Update Fields is empty');
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('says MEETING_PAST for a meeting that already took place', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: [{ topic: 'Done', start_time: '2001-01-01T10:00:00Z', duration: 30 }] });
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'update',
			meetingKey: { __rl: true, mode: 'id', value: meetings[0].meeting_key },
			updateFields: { duration: 45 },
		});
		expect(result.error?.message).toMatch(/^MEETING_PAST: /);
	});
});
