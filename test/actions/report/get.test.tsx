import { seedHeldMeeting } from '../../helpers/heldMeeting';
import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('report: get', () => {
	it('gets the meeting report with one detail row per participant and session', async () => {
		const key = await seedHeldMeeting(sandbox);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'report',
			operation: 'get',
			meetingKey: locator('list', key),
		});

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		const row = (day: string, name: string, joinMinute: string, duration: number) => ({
			name,
			email: `${name.toLowerCase()}@example.com`,
			join_time: `2025-03-0${day}T09:${joinMinute}:00Z`,
			leave_time: `2025-03-0${day}T09:30:00Z`,
			duration,
		});
		expect(output[0].json).toEqual({
			meeting_key: key,
			topic: 'Daily sync',
			total_sessions: 3,
			total_participants: 2,
			total_duration: 90,
			average_attendance: 2,
			participant_details: ['3', '4', '5'].flatMap((day) => [row(day, 'Ann', '00', 30), row(day, 'Bob', '01', 29)]),
		});
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/meetings/${key}/report`, query: {}, body: null },
		]);
	});

	it('outputs one item per participant row with Item per Participant, each with the meeting key and topic', async () => {
		const key = await seedHeldMeeting(sandbox);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{ resource: 'report', operation: 'get', meetingKey: locator('id', '={{ $json.key }}'), options: { itemPerParticipant: true } },
			{ items: [{ key }, { key }] },
		);

		expect(result.error).toBeUndefined();
		const row = (day: string, name: string, joinMinute: string, duration: number) => ({
			meeting_key: key,
			topic: 'Daily sync',
			name,
			email: `${name.toLowerCase()}@example.com`,
			join_time: `2025-03-0${day}T09:${joinMinute}:00Z`,
			leave_time: `2025-03-0${day}T09:30:00Z`,
			duration,
		});
		const rows = ['3', '4', '5'].flatMap((day) => [row(day, 'Ann', '00', 30), row(day, 'Bob', '01', 29)]);
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json, item.pairedItem])).toEqual([
			...rows.map((json) => [json, { item: 0 }]),
			...rows.map((json) => [json, { item: 1 }]),
		]);
		const request = { method: 'GET', path: `/api/v2/meetings/${key}/report`, query: {}, body: null };
		expect(await sandbox.apiRequests()).toEqual([request, request]);
	});

	it('outputs no item for a meeting no one attended, with Item per Participant', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const result = await sandbox.runZoho({
			resource: 'report',
			operation: 'get',
			meetingKey: locator('id', meetings[0].meeting_key),
			options: { itemPerParticipant: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toEqual([]);
	});

	it('says so when a server answers participant_details that is not a list of rows', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		const data = { meeting_key: key, topic: 'Odd', participant_details: 'Ann, Bob' };
		await sandbox.admin.injectFault({ path: '/report$', fault: { type: 'status', status: 200, body: { status: 'success', data } } });

		const result = await sandbox.runZoho({
			resource: 'report',
			operation: 'get',
			meetingKey: locator('id', key),
			options: { itemPerParticipant: true },
		});

		expect(result.error).toMatchObject({
			message: 'Zoho Meeting answered a report whose participant_details is not a list of participants',
			description: 'Turn off Item per Participant to see the report as Zoho Meeting sent it.',
		});
	});

	it('refuses an Item per Participant that is not true or false before any request', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({
			resource: 'report',
			operation: 'get',
			meetingKey: locator('id', meetings[0].meeting_key),
			options: { itemPerParticipant: '={{ "per person" }}' },
		});
		expect(result.error?.message).toBe('Item Per Participant must be true or false');
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('reports zeros, not an error, for a meeting not yet held', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const result = await sandbox.runZoho({
			resource: 'report',
			operation: 'get',
			meetingKey: locator('id', meetings[0].meeting_key),
		});
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({
			total_sessions: 0,
			total_participants: 0,
			participant_details: [],
		});
	});

	it('says INVALID_MEETING_KEY for a meeting that does not exist', async () => {
		const result = await sandbox.runZoho({
			resource: 'report',
			operation: 'get',
			meetingKey: locator('id', '404404404'),
		});
		expect(result.error).toMatchObject({
			message: 'INVALID_MEETING_KEY: The specified meeting key does not exist',
			description: expect.stringMatching(/^Verify the meeting key/),
			httpCode: '404',
		});
	});

	it('keeps going with Continue On Fail: an error item for the unknown meeting, reports for the rest', async () => {
		const key = await seedHeldMeeting(sandbox);

		const result = await sandbox.runZoho(
			{ resource: 'report', operation: 'get', meetingKey: locator('id', '={{ $json.key }}') },
			{ items: [{ key }, { key: '404404404' }, { key }], continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json.meeting_key ?? item.json.error)).toEqual([
			key,
			'INVALID_MEETING_KEY: The specified meeting key does not exist',
			key,
		]);
	});
});
