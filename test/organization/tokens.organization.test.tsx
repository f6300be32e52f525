import { locator, SANDBOX_CREDENTIAL, SANDBOX_ZSOID, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/**
 * Zoho's organization API answers an expired, unknown or foreign token with HTTP 400
 * `{"error":{"code":2000,"message":"INVALID_OAUTHTOKEN"}}`, which n8n's OAuth2 helper does
 * not take for an expired token. The node has n8n refresh it (once per run) and sends the
 * request again; a 400 that says anything else never costs a refresh.
 */
const sandbox = useSandbox({ api: 'organization' });

const SESSIONS = `/api/v2/${SANDBOX_ZSOID}/sessions`;
const refreshes = () => sandbox.credentials.refreshCount(SANDBOX_CREDENTIAL.id);

const create = (topic: string, startTime = '2099-01-01T10:00:00Z') => ({
	resource: 'meeting',
	operation: 'create',
	topic,
	startTime,
	duration: 30,
	timezone: 'UTC',
});

describe('organization API: a refused token', () => {
	it('is refreshed once through n8n, and the create is sent again and done once', async () => {
		await sandbox.admin.expireTokens();
		const before = refreshes();

		const result = await sandbox.runZoho(create('After expiry'));

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ topic: 'After expiry' });
		expect(refreshes()).toBe(before + 1);
		expect((await sandbox.apiRequests()).map((r) => r.method)).toEqual(['POST', 'POST']);
		expect((await sandbox.admin.requests('api')).map((r) => r.status)).toEqual([400, 201]);
		expect((await sandbox.admin.state()).meetings).toBe(1);
	});

	it('is refreshed once for a whole run of parallel items', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 5 });
		await sandbox.admin.expireTokens();
		const before = refreshes();

		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'get', meetingKey: locator('id', '={{ $json.key }}') },
			{ items: meetings.map((meeting) => ({ key: meeting.meeting_key })) },
		);

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.meeting_key)).toEqual(meetings.map((m) => m.meeting_key));
		expect(refreshes()).toBe(before + 1);
	});

	it('tries the refresh again with the request when the token endpoint fails for a moment (a 500, then a reset)', async () => {
		await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.expireTokens();
		await sandbox.admin.injectFault({ path: '^/oauth/v2/token$', fault: { type: 'status', status: 500 } });
		await sandbox.admin.injectFault({ path: '^/oauth/v2/token$', fault: { type: 'reset' } });

		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true });

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(1);
		// Each try is refused with the old token first: a refresh that failed did not happen.
		expect((await sandbox.admin.requests()).map((r) => `${r.origin} ${r.status}`)).toEqual([
			'api 400',
			'oauth 500',
			'api 400',
			'oauth null',
			'api 400',
			'oauth 200',
			'api 200',
		]);
	});

	it('asks to reconnect when Zoho refuses the refresh', async () => {
		// A credential of its own: its refresh token is revoked for good.
		const credential = await sandbox.addCredential({ api: 'organization', organizationId: SANDBOX_ZSOID });
		const stored = sandbox.credentials.get(credential.id) as { oauthTokenData: { refresh_token: string } };
		await sandbox.admin.revokeRefreshTokens(stored.oauthTokenData.refresh_token);
		await sandbox.admin.expireTokens();

		const result = await sandbox.runZoho(create('Never'), { credential });

		// Zoho answers a refused refresh 200 `{"error":"invalid_code"}`, which n8n 2.x stores
		// beside the old token; the create is tried once more with it, and refused again.
		expect(result.error).toMatchObject({
			message: 'INVALID_OAUTHTOKEN: Access token invalid or expired, or of another data center',
			description: expect.stringMatching(/after n8n refreshed it\. Open the Zoho Meeting credential in n8n and click "Reconnect"/),
			httpCode: '400',
		});
		expect((await sandbox.admin.state()).meetings).toBe(0);
		expect((await sandbox.admin.requests()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`POST ${SESSIONS}.json 400`,
			'POST /oauth/v2/token 200',
			`POST ${SESSIONS}.json 400`,
		]);
	});

	it('is not refreshed for a 400 that is about the input', async () => {
		// A fresh token of its own (another test here expires every token).
		const credential = await sandbox.addCredential({ api: 'organization', organizationId: SANDBOX_ZSOID });
		const result = await sandbox.runZoho(create('Too late', '2001-01-01T10:00:00Z'), { credential });
		expect(result.error).toMatchObject({ message: expect.stringMatching(/^MEETING_PAST: /), httpCode: '400' });
		expect(sandbox.credentials.refreshCount(credential.id)).toBe(0);
		expect(await sandbox.admin.requests('oauth')).toEqual([]);
	});
});
