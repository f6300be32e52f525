import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const participants = (...entries: Array<{ email: string; name?: string; sendInvitation?: boolean }>) => ({
	participant: entries,
});

describe('participant: add', () => {
	it('adds the listed participants in one call and outputs one item for each', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'participant',
			operation: 'add',
			meetingKey: locator('list', key),
			participants: participants(
				{ email: 'user1@example.com', name: 'User One', sendInvitation: true },
				{ email: ' user2@example.com ', name: 'User Two', sendInvitation: false },
				{ email: 'user3@example.com' },
			),
		});

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'POST',
				path: `/api/v2/meetings/${key}/participants`,
				query: {},
				body: {
					participants: [
						{ email: 'user1@example.com', name: 'User One', send_invitation: true },
						{ email: 'user2@example.com', name: 'User Two', send_invitation: false },
						{ email: 'user3@example.com', send_invitation: true },
					],
				},
			},
		]);
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => [item.json.email, item.json.name, item.json.status, item.pairedItem])).toEqual([
			['user1@example.com', 'User One', 'invited', { item: 0 }],
			['user2@example.com', 'User Two', 'invited', { item: 0 }],
			['user3@example.com', 'user3', 'invited', { item: 0 }],
		]);
		expect(output.every((item) => typeof item.json.participant_id === 'string')).toBe(true);
	});

	it('makes one call per input item, each item paired with what it added', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 2 });
		const keys = meetings.map((meeting) => meeting.meeting_key);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{
				resource: 'participant',
				operation: 'add',
				meetingKey: locator('id', '={{ $json.key }}'),
				participants: participants({ email: '={{ $json.email }}', name: '={{ $json.name }}' }),
			},
			{
				items: [
					{ key: keys[0], email: 'ann@example.com', name: 'Ann' },
					{ key: keys[1], email: 'bob@example.com', name: 'Bob' },
				],
			},
		);

		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests()).map((r) => [r.path, r.body])).toEqual([
			[`/api/v2/meetings/${keys[0]}/participants`, { participants: [{ email: 'ann@example.com', name: 'Ann', send_invitation: true }] }],
			[`/api/v2/meetings/${keys[1]}/participants`, { participants: [{ email: 'bob@example.com', name: 'Bob', send_invitation: true }] }],
		]);
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json.email, item.pairedItem])).toEqual([
			['ann@example.com', { item: 0 }],
			['bob@example.com', { item: 1 }],
		]);
	});

	it('reads Send Invitation given as text as meant, and takes internationalized domains', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{
				resource: 'participant',
				operation: 'add',
				meetingKey: locator('id', meetings[0].meeting_key),
				participants: participants(
					{ email: 'user@пример.рф', sendInvitation: '={{ $json.first }}' as unknown as boolean },
					{ email: 'user@example.xn--p1ai', sendInvitation: '={{ $json.second }}' as unknown as boolean },
				),
			},
			{ items: [{ first: 'false', second: ' 1 ' }] },
		);

		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests())[0].body).toEqual({
			participants: [
				{ email: 'user@пример.рф', send_invitation: false },
				{ email: 'user@example.xn--p1ai', send_invitation: true },
			],
		});
		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.email)).toEqual([
			'user@пример.рф',
			'user@example.xn--p1ai',
		]);
	});

	it('refuses a Send Invitation that is not true or false before sending anything', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'participant',
			operation: 'add',
			meetingKey: locator('id', meetings[0].meeting_key),
			participants: participants({ email: 'ann@example.com', sendInvitation: '={{ "sure" }}' as unknown as boolean }),
		});

		expect(result.error).toMatchObject({ message: 'Send Invitation must be true or false', description: expect.stringContaining('"sure"') });
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('refuses an invalid email before sending anything, naming the row', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'participant',
			operation: 'add',
			meetingKey: locator('id', meetings[0].meeting_key),
			participants: participants({ email: 'ann@example.com' }, { email: 'bob at example.com' }),
		});

		expect(result.error).toMatchObject({
			message: 'Participants[1].email "bob at example.com" is not an email address',
			description: 'Enter an address such as jane.smith@example.com.',
		});
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('asks for at least one participant', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'participant',
			operation: 'add',
			meetingKey: locator('id', meetings[0].meeting_key),
		});

		expect(result.error?.message).toBe('No participants to add');
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('explains PARTICIPANT_LIMIT_REACHED when the meeting is full', async () => {
		const { meetings } = await sandbox.admin.seed({
			meetings: [{ participant_limit: 2, participants: [{ email: 'host@example.com', name: 'Host' }] }],
		});

		const result = await sandbox.runZoho({
			resource: 'participant',
			operation: 'add',
			meetingKey: locator('id', meetings[0].meeting_key),
			participants: participants({ email: 'ann@example.com' }, { email: 'bob@example.com' }),
		});

		expect(result.error?.message).toBe(
			'PARTICIPANT_LIMIT_REACHED: Maximum participants reached: the meeting allows 2 participants, not 3',
		);
		expect(result.error).toMatchObject({
			description: expect.stringMatching(/^Upgrade the Zoho Meeting plan/),
			httpCode: '400',
		});
	});

	it('says INVALID_MEETING_KEY for a meeting that does not exist', async () => {
		const result = await sandbox.runZoho({
			resource: 'participant',
			operation: 'add',
			meetingKey: locator('id', '404404404'),
			participants: participants({ email: 'ann@example.com' }),
		});
		expect(result.error).toMatchObject({
			message: 'INVALID_MEETING_KEY: The specified meeting key does not exist',
			httpCode: '404',
		});
	});

	it('keeps going with Continue On Fail: an error item for the full meeting, the others added', async () => {
		const { meetings } = await sandbox.admin.seed({
			meetings: [{}, { participant_limit: 1, participants: [{ email: 'host@example.com' }] }, {}],
		});

		const result = await sandbox.runZoho(
			{
				resource: 'participant',
				operation: 'add',
				meetingKey: locator('id', '={{ $json.key }}'),
				participants: participants({ email: 'ann@example.com', name: 'Ann' }),
			},
			{ items: meetings.map((meeting) => ({ key: meeting.meeting_key })), continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toMatchObject({ email: 'ann@example.com', name: 'Ann' });
		expect(output[1].json).toEqual({
			error: 'PARTICIPANT_LIMIT_REACHED: Maximum participants reached: the meeting allows 1 participants, not 2',
		});
		expect(output[1].error).toMatchObject({ httpCode: '400', description: expect.stringMatching(/^Upgrade the Zoho Meeting plan/) });
		expect(output[2].json).toMatchObject({ email: 'ann@example.com', name: 'Ann' });
	});
});
