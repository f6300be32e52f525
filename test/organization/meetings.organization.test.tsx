import { locator, SANDBOX_ZSOID, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/**
 * Meetings against the sandbox in Zoho's organization dialect (docs/zoho-api.md): the same
 * workflows as for the v2 reference, the organization's requests on the wire, the
 * contract's objects in the output.
 */
const sandbox = useSandbox({ api: 'organization' });

const SESSIONS = `/api/v2/${SANDBOX_ZSOID}/sessions`;

describe('organization API: meetings', () => {
	it('creates a meeting in the session wrapper: start in the zone to the minute, duration in ms, participants by email', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Product Demo',
			startTime: '2099-06-19T19:00:00',
			duration: 45,
			timezone: 'Asia/Kolkata',
			additionalFields: {
				agenda: 'Demonstrate new features',
				participants: { participant: [{ email: 'client@example.com', name: 'Jane Smith' }] },
			},
		});

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'POST',
				path: `${SESSIONS}.json`,
				query: {},
				body: {
					session: {
						topic: 'Product Demo',
						agenda: 'Demonstrate new features',
						startTime: 'Jun 19, 2099 07:00 PM',
						duration: 2_700_000,
						timezone: 'Asia/Kolkata',
						participants: [{ email: 'client@example.com' }],
					},
				},
			},
		]);
		const [item] = result.output(ZOHO_NODE_NAME);
		expect(item.json).toMatchObject({
			meeting_key: expect.stringMatching(/^\d+$/),
			topic: 'Product Demo',
			agenda: 'Demonstrate new features',
			start_time: '2099-06-19T13:30:00Z',
			duration: 45,
			timezone: 'Asia/Kolkata',
			status: 'scheduled',
			meeting_url: expect.stringMatching(/^http/),
			participants: [expect.objectContaining({ email: 'client@example.com' })],
			// Zoho's own fields stay under their names.
			startLink: expect.any(String),
			endTime: 'Jun 19, 2099 07:45 PM IST',
		});
		expect(item.json).not.toHaveProperty('meetingKey');
		expect(item.json).not.toHaveProperty('startTime');
	});

	it('writes the start in a zone behind UTC on the day it falls on there', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Late call',
			startTime: '2099-01-05T03:30:00Z',
			duration: 30,
			timezone: 'America/Los_Angeles',
		});
		expect(result.error).toBeUndefined();
		const [request] = await sandbox.apiRequests();
		expect((request.body as { session: object }).session).toMatchObject({ startTime: 'Jan 04, 2099 07:30 PM', duration: 1_800_000 });
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ start_time: '2099-01-05T03:30:00Z' });
	});

	it('writes the first of the two 02:30s of a night the clocks go back, and refuses the second', async () => {
		const create = (startTime: string) => ({ resource: 'meeting', operation: 'create', topic: 'Night', startTime, duration: 30, timezone: 'Europe/Berlin' });

		const first = await sandbox.runZoho(create('2099-10-25T00:30:00Z'));
		const second = await sandbox.runZoho(create('2099-10-25T01:30:00Z'));

		expect(first.error).toBeUndefined();
		expect(first.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ start_time: '2099-10-25T00:30:00Z' });
		expect(second.error?.message).toBe('Start Time 2099-10-25T01:30:00Z falls in the hour that Europe/Berlin passes twice');
		expect(second.error?.description).toMatch(/\(02:30 on 2099-10-25\)/);
		expect((await sandbox.apiRequests()).map((r) => (r.body as { session: { startTime: string } }).session.startTime)).toEqual([
			'Oct 25, 2099 02:30 AM',
		]);
	});

	it('gets a meeting by key, in the contract\'s fields', async () => {
		const { meetings } = await sandbox.admin.seed({
			meetings: [{ topic: 'Weekly', start_time: '2099-03-10T10:00:00Z', duration: 30, timezone: 'Europe/Berlin' }],
		});
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'get', meetingKey: locator('id', key) });

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({
			meeting_key: key,
			topic: 'Weekly',
			start_time: '2099-03-10T10:00:00Z',
			duration: 30,
			timezone: 'Europe/Berlin',
			status: 'scheduled',
			presenter: { email: 'owner@sandbox.test', name: 'Sandbox Owner', zuid: expect.any(String) },
			meeting_password: meetings[0].meeting_password,
		});
		expect(await sandbox.apiRequests()).toEqual([{ method: 'GET', path: `${SESSIONS}/${key}.json`, query: {}, body: null }]);
	});

	it('lists every meeting with Return All: listtype all, index by record, count 100', async () => {
		await sandbox.admin.seed({ meetings: 150 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true });

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output).toHaveLength(150);
		expect(new Set(output.map((item) => item.json.meeting_key)).size).toBe(150);
		expect((await sandbox.apiRequests()).map((r) => [r.path, r.query])).toEqual([
			[`${SESSIONS}.json`, { listtype: 'all', index: '1', count: '100' }],
			[`${SESSIONS}.json`, { listtype: 'all', index: '101', count: '100' }],
		]);
	});

	it('asks for no more than the limit', async () => {
		await sandbox.admin.seed({ meetings: 30 });
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', limit: 7 });
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(7);
		expect((await sandbox.apiRequests()).map((r) => r.query)).toEqual([{ listtype: 'all', index: '1', count: '7' }]);
	});

	it('reads Status as the list type and filters the dates itself, which this API cannot', async () => {
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

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.topic)).toEqual(['In range']);
		expect((await sandbox.apiRequests()).map((r) => r.query)).toEqual([{ listtype: 'upcoming', index: '1', count: '100' }]);
	});

	it('lists completed meetings as listtype past', async () => {
		await sandbox.admin.seed({ meetings: [{ topic: 'Held', start_time: '2025-03-03T09:00:00Z', duration: 30, status: 'completed' }] });
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true, filters: { status: 'completed' } });
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json.topic, item.json.status])).toEqual([['Held', 'completed']]);
		expect((await sandbox.apiRequests()).map((r) => r.query.listtype)).toEqual(['past']);
	});

	it('refuses the Cancelled status before any request: Zoho deletes cancelled meetings', async () => {
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', filters: { status: 'cancelled' } });
		expect(result.error?.message).toBe('Status "cancelled" is not offered by Zoho\'s organization API');
		expect(result.error?.description).toMatch(/Choose Scheduled or Completed/);
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('updates a meeting, its start written in the zone given', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'update',
			meetingKey: locator('id', key),
			updateFields: { topic: 'Moved', startTime: '2099-12-20T16:00:00Z', duration: 60, timezone: 'UTC' },
		});

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'PUT',
				path: `${SESSIONS}/${key}.json`,
				query: {},
				body: { session: { topic: 'Moved', startTime: 'Dec 20, 2099 04:00 PM', duration: 3_600_000, timezone: 'UTC' } },
			},
		]);
		// edit-meeting-api.html's answer has no zone after startTime: it is read in `timezone`.
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ meeting_key: key, topic: 'Moved', start_time: '2099-12-20T16:00:00Z', duration: 60 });
	});

	// A start with an offset is written in the meeting's zone, which the node asks for; one
	// without is also read in it, which the operation asks for first (actions/shared/updates.ts).
	it.each(['2099-04-02T00:30:00Z', '2099-04-02T09:30:00'])(
		"writes a new start %s in the meeting's own zone when Update Fields has none, after asking for it",
		async (startTime) => {
			const { meetings } = await sandbox.admin.seed({
				meetings: [{ topic: 'Tokyo sync', start_time: '2099-04-01T01:00:00Z', duration: 30, timezone: 'Asia/Tokyo' }],
			});
			const key = meetings[0].meeting_key;
			await sandbox.admin.clearRequests();

			const result = await sandbox.runZoho({
				resource: 'meeting',
				operation: 'update',
				meetingKey: locator('id', key),
				updateFields: { startTime },
			});

			expect(result.error).toBeUndefined();
			const requests = await sandbox.apiRequests();
			const put = requests.pop();
			expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(requests.map(() => `GET ${SESSIONS}/${key}.json`));
			expect(requests.length).toBeGreaterThan(0);
			expect(put).toEqual({
				method: 'PUT',
				path: `${SESSIONS}/${key}.json`,
				query: {},
				body: { session: { startTime: 'Apr 02, 2099 09:30 AM', timezone: 'Asia/Tokyo' } },
			});
			expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ start_time: '2099-04-02T00:30:00Z', timezone: 'Asia/Tokyo' });
		},
	);

	it('cancels a meeting with DELETE; Zoho answers 204', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'cancel', meetingKey: locator('id', key) });

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ success: true, meetingKey: key });
		expect(await sandbox.apiRequests()).toEqual([{ method: 'DELETE', path: `${SESSIONS}/${key}.json`, query: {}, body: null }]);
	});

	it.each([
		[{ password: 'secret' }, 'Password'],
		[{ participantLimit: 10 }, 'Participant Limit'],
		[{ enableWaitingRoom: true }, 'Enable Waiting Room'],
		[{ recurrence: { rule: { type: 'daily', repeatInterval: 1 } } }, 'Recurrence'],
	])('refuses %j, which this API has no place for, before any request', async (additionalFields, label) => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Review',
			startTime: '2099-01-01T10:00:00Z',
			duration: 30,
			timezone: 'UTC',
			additionalFields,
		});
		expect(result.error?.message).toBe(`${label} is not offered by Zoho's organization API`);
		expect(result.error?.description).toMatch(new RegExp(`Remove ${label}, or, .* set the credential's API to V2`));
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('puts the checked key into the path, never the raw value', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'get', meetingKey: locator('id', `={{ " ${key} " }}`) });
		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests()).map((r) => r.path)).toEqual([`${SESSIONS}/${key}.json`]);
	});

	it("answers Zoho's INVALID_MEETING_KEY (HTTP 400 in this API) with the fix", async () => {
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'get', meetingKey: locator('id', '999999') });
		expect(result.error).toMatchObject({
			message: 'INVALID_MEETING_KEY: The meeting key is invalid.',
			description: expect.stringMatching(/Verify the meeting key/),
			httpCode: '400',
		});
	});
});
