import { capturedLogText } from '../harness';
import { SANDBOX_CREDENTIAL, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/**
 * What every operation gets from the transport, seen through real workflows: token
 * refresh, rate limits, retries, and tokens kept out of everything a user can see.
 */
const sandbox = useSandbox();

const getMeetings = { resource: 'meeting', operation: 'getAll', returnAll: true };

function tokens() {
	return sandbox.credentials.get(SANDBOX_CREDENTIAL.id).oauthTokenData as {
		access_token: string;
		refresh_token: string;
	};
}

describe('transport through workflows', () => {
	it('refreshes an access token that expired mid-run once, retries, and stores the new token', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 3 });
		const before = tokens();
		const refreshesBefore = sandbox.credentials.refreshCount(SANDBOX_CREDENTIAL.id);
		await sandbox.admin.expireTokens();

		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'get', meetingKey: { __rl: true, mode: 'id', value: '={{ $json.key }}' } },
			{ items: meetings.map((meeting) => ({ key: meeting.meeting_key })) },
		);

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(3);
		expect(sandbox.credentials.refreshCount(SANDBOX_CREDENTIAL.id)).toBe(refreshesBefore + 1);
		const after = tokens();
		expect(after.access_token).not.toBe(before.access_token);
		expect(after.refresh_token).toBe(before.refresh_token);
		const statuses = (await sandbox.admin.requests('api')).map((r) => r.status);
		expect(statuses).toEqual([401, 200, 200, 200]);
		const oauth = await sandbox.admin.requests('oauth');
		expect(oauth.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth/v2/token']);
	});

	it('asks for reconnection when the refresh token is no longer valid', async () => {
		await sandbox.admin.revokeRefreshTokens();
		await sandbox.admin.expireTokens();
		const result = await sandbox.runZoho(getMeetings);
		expect(result.error?.message).toMatch(/^INVALID_TOKEN: /);
		expect(result.error?.description).toMatch(/Reconnect/);
		expect(result.error).toMatchObject({ httpCode: '401' });
		// Give the next tests a working credential again.
		sandbox.credentials.replaceData(SANDBOX_CREDENTIAL.id, {
			...sandbox.credentials.get(SANDBOX_CREDENTIAL.id),
			oauthTokenData: { ...(await sandbox.admin.issueTokens()), token_type: 'Bearer' },
		});
	});

	it('waits for the rate-limit reset on a 429 and then succeeds', async () => {
		await sandbox.admin.seed({ meetings: 2 });
		await sandbox.admin.injectFault({
			method: 'GET',
			path: '^/api/v2/meetings$',
			fault: { type: 'status', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 2 },
		});
		const started = Date.now();
		const result = await sandbox.runZoho(getMeetings);
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect((await sandbox.admin.requests('api')).map((r) => r.status)).toEqual([429, 200]);
	});

	it('waits for the reset before the next call when no calls remain, instead of provoking a 429', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.setLimits({ perWindow: 2, windowSeconds: 2 });
		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'get', meetingKey: { __rl: true, mode: 'id', value: meetings[0].meeting_key } },
			{ items: [{}, {}, {}, {}, {}] },
		);
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(5);
		expect((await sandbox.admin.requests('api')).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
	});

	it('retries a GET after 5xx answers and connection resets', async () => {
		await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.injectFault({ method: 'GET', count: 1, fault: { type: 'status', status: 503 } });
		await sandbox.admin.injectFault({ method: 'GET', count: 1, fault: { type: 'reset' } });
		const result = await sandbox.runZoho(getMeetings);
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(1);
	});

	it('never sends a create twice: a lost response is an error and the meeting exists once', async () => {
		await sandbox.admin.injectFault({ method: 'POST', path: '^/api/v2/meetings$', fault: { type: 'lostResponse' } });
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Lost answer',
			startTime: '2099-01-01T10:00:00Z',
			duration: 30,
			timezone: 'UTC',
		});
		expect(result.error?.message).toMatch(/^Could not reach Zoho Meeting/);
		expect(result.error?.description).toMatch(/not sent again/);
		expect((await sandbox.admin.requests('api')).filter((r) => r.method === 'POST')).toHaveLength(1);
		expect((await sandbox.admin.state()).meetings).toBe(1);
	});

	it('does not retry a create after a 5xx either', async () => {
		await sandbox.admin.injectFault({ method: 'POST', fault: { type: 'status', status: 500 } });
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Server error',
			startTime: '2099-01-01T10:00:00Z',
			duration: 30,
			timezone: 'UTC',
		});
		expect(result.error).toMatchObject({ httpCode: '500' });
		expect((await sandbox.admin.requests('api')).filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('explains an HTML error page and malformed JSON without retrying forever', async () => {
		await sandbox.admin.injectFault({ method: 'GET', count: 10, fault: { type: 'html', status: 502 } });
		const html = await sandbox.runZoho(getMeetings);
		expect(html.error?.message).toBe('Zoho Meeting answered HTTP 502 with an unexpected response (text/html)');
		expect((await sandbox.admin.requests('api')).length).toBe(4);

		await sandbox.admin.reset();
		await sandbox.admin.injectFault({ method: 'GET', count: 10, fault: { type: 'malformedJson' } });
		const malformed = await sandbox.runZoho(getMeetings);
		expect(malformed.error?.message).toMatch(/unexpected response/);
	});

	it('never lets a token reach an output item, an error or a log line', async () => {
		const { access_token, refresh_token } = tokens();
		await sandbox.admin.expireTokens();
		const runs = [
			await sandbox.runZoho(getMeetings),
			await sandbox.runZoho({ resource: 'meeting', operation: 'get', meetingKey: { __rl: true, mode: 'id', value: '1' } }),
			await sandbox.runZoho(
				{ resource: 'meeting', operation: 'get', meetingKey: { __rl: true, mode: 'id', value: '1' } },
				{ continueOnFail: true },
			),
		];
		const newToken = tokens().access_token;
		const seen = JSON.stringify(runs.map((run) => run.data)) + capturedLogText();
		for (const token of [access_token, refresh_token, newToken]) expect(seen).not.toContain(token);
		expect(runs[1].error?.message).toMatch(/^INVALID_MEETING_KEY/);
	});
});
