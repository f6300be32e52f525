import { seedHeldMeeting } from '../../helpers/heldMeeting';
import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

/** The meeting's session IDs, learnt the way a user would: Session > Get Many. */
async function sessionIdsOf(meetingKey: string): Promise<string[]> {
	const result = await sandbox.runZoho({
		resource: 'session',
		operation: 'getAll',
		meetingKey: locator('id', meetingKey),
		returnAll: true,
	});
	return result.output(ZOHO_NODE_NAME).map((item) => String(item.json.session_id));
}

describe('session: get', () => {
	// The session ID as plain text, as workflows saved before it was a picker hold it.
	it('gets one session of a meeting', async () => {
		const key = await seedHeldMeeting(sandbox);
		const second = (await sessionIdsOf(key))[1];
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'session',
			operation: 'get',
			meetingKey: locator('list', key),
			sessionId: second,
		});

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{
					session_id: second,
					meeting_key: key,
					start_time: '2025-03-04T09:00:00Z',
					end_time: '2025-03-04T09:30:00Z',
					duration: 30,
					participants_count: 2,
					max_concurrent_participants: 2,
					recording_available: true,
				},
				{ item: 0 },
			],
		]);
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/meetings/${key}/sessions/${second}`, query: {}, body: null },
		]);
	});

	it('gets a session picked from the list of the chosen meeting', async () => {
		const key = await seedHeldMeeting(sandbox);
		const third = (await sessionIdsOf(key))[2];
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'session',
			operation: 'get',
			meetingKey: locator('list', key),
			sessionId: locator('list', third),
		});

		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.start_time)).toEqual(['2025-03-05T09:00:00Z']);
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/meetings/${key}/sessions/${third}`, query: {}, body: null },
		]);
	});

	it('says INVALID_SESSION_ID for a session the meeting does not have', async () => {
		const key = await seedHeldMeeting(sandbox);

		const result = await sandbox.runZoho({
			resource: 'session',
			operation: 'get',
			meetingKey: locator('id', key),
			sessionId: 'SESSION_404',
		});

		expect(result.error).toMatchObject({
			message: 'INVALID_SESSION_ID: The specified session does not exist for this meeting',
			description: expect.stringMatching(/^Verify the session ID/),
			httpCode: '404',
		});
	});

	it('says INVALID_MEETING_KEY for a meeting that does not exist', async () => {
		const result = await sandbox.runZoho({
			resource: 'session',
			operation: 'get',
			meetingKey: locator('id', '404404404'),
			sessionId: 'SESSION_1',
		});
		expect(result.error).toMatchObject({
			message: 'INVALID_MEETING_KEY: The specified meeting key does not exist',
			httpCode: '404',
		});
	});

	it('refuses an empty session ID without a request', async () => {
		const key = await seedHeldMeeting(sandbox);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'session',
			operation: 'get',
			meetingKey: locator('id', key),
			sessionId: ' ',
		});

		expect(result.error?.message).toBe('Session ID is empty');
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
