import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

describe('meeting: get', () => {
	it('gets a meeting by key, participants included', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.seed({ participants: [{ meeting_key: key, email: 'ann@example.com', name: 'Ann' }] });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'get',
			meetingKey: { __rl: true, mode: 'list', value: key },
		});

		expect(result.error).toBeUndefined();
		const [item] = result.output(ZOHO_NODE_NAME);
		expect(item.json).toMatchObject({ meeting_key: key, topic: meetings[0].topic });
		expect(item.json.participants).toEqual([expect.objectContaining({ email: 'ann@example.com' })]);
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/meetings/${key}`, query: {}, body: null },
		]);
	});

	it('finds the meeting of a join link (meeting_url holds no key)', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 120 });
		const wanted = meetings[110];
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'get',
			meetingKey: { __rl: true, mode: 'url', value: wanted.meeting_url },
		});

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json.meeting_key).toBe(wanted.meeting_key);
		const paths = (await sandbox.apiRequests()).map((r) => `${r.path}?${new URLSearchParams(r.query)}`);
		expect(paths).toEqual([
			'/api/v2/meetings?page=1&per_page=100',
			'/api/v2/meetings?page=2&per_page=100',
			`/api/v2/meetings/${wanted.meeting_key}?`,
		]);
	});

	it('takes the key straight from a link that carries it', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const key = meetings[0].meeting_key;
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'get',
			meetingKey: { __rl: true, mode: 'url', value: `https://meeting.zoho.com/join?key=${key}` },
		});
		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests()).map((r) => r.path)).toEqual([`/api/v2/meetings/${key}`]);
	});

	it('says INVALID_MEETING_KEY for a key that does not exist', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'get',
			meetingKey: { __rl: true, mode: 'id', value: '999999999' },
		});
		expect(result.error?.message).toBe('INVALID_MEETING_KEY: The specified meeting key does not exist');
		expect(result.error?.description).toMatch(/Verify the meeting key/);
		expect(result.error).toMatchObject({ httpCode: '404' });
	});

	// Such keys come from expressions (the editor's own check stops typed ones first).
	it.each(['../settings', '12/participants', '%2e%2e', '12?x=1', '12#x', ' ', 'a b'])(
		'refuses the key %j without a request',
		async (key) => {
			const result = await sandbox.runZoho(
				{
					resource: 'meeting',
					operation: 'get',
					meetingKey: { __rl: true, mode: 'id', value: '={{ $json.key }}' },
				},
				{ items: [{ key }] },
			);
			expect(result.error?.message).toMatch(/^Meeting Key/);
			expect(result.error?.context?.itemIndex).toBe(0);
			expect(await sandbox.apiRequests()).toEqual([]);
		},
	);
});
