import { capturedLogText, linearWorkflow, MANUAL_TRIGGER, runWorkflow, type TokenPair } from './index';
import { CLIENT } from './fixtures/oauth-api-server';
import { connectedStore, useThrowawayServer } from './fixtures/server-setup';
import { API_CALL, testNodeTypes } from './fixtures/test-nodes';

const server = useThrowawayServer();
const connect = (tokens?: TokenPair) => connectedStore(server(), tokens);

async function callApi(setup: ReturnType<typeof connect>) {
	server().requests.length = 0;
	const workflow = linearWorkflow([
		{ name: 'Start', type: MANUAL_TRIGGER },
		{ name: 'Call', type: API_CALL, credentials: setup.nodeCredentials },
	]);
	return await runWorkflow({ workflow, credentials: setup.credentials, nodeTypes: testNodeTypes() });
}

const requests = () => server().requests;
const paths = () => requests().map((r) => `${r.method} ${r.path}`);

describe('OAuth2 through n8n-core', () => {
	test('signs the request with the stored access token', async () => {
		const setup = connect();
		const result = await callApi(setup);

		expect(result.error).toBeUndefined();
		expect(result.output('Call')[0].json.token).toBe(setup.tokens.access_token);
		expect(requests()).toEqual([
			expect.objectContaining({
				path: '/api/echo',
				authorization: `Bearer ${setup.tokens.access_token}`,
			}),
		]);
		expect(setup.credentials.refreshCount(setup.ref.id)).toBe(0);
	});

	test('refreshes once on 401 at the expression-derived token URL, retries and persists', async () => {
		const setup = connect();
		server().expireAccessTokens();
		const result = await callApi(setup);

		expect(result.error).toBeUndefined();
		expect(paths()).toEqual(['GET /api/echo', 'POST /oauth/v2/token', 'GET /api/echo']);
		const refresh = new URLSearchParams(requests()[1].body);
		expect(Object.fromEntries(refresh)).toEqual({
			grant_type: 'refresh_token',
			refresh_token: setup.tokens.refresh_token,
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});

		const stored = setup.credentials.get(setup.ref.id).oauthTokenData as Record<string, unknown>;
		expect(stored.access_token).not.toBe(setup.tokens.access_token);
		expect(stored.refresh_token).toBe(setup.tokens.refresh_token);
		expect(requests()[2].authorization).toBe(`Bearer ${String(stored.access_token)}`);
		expect(result.output('Call')[0].json.token).toBe(stored.access_token);
		expect(setup.credentials.refreshCount(setup.ref.id)).toBe(1);

		// The next run reads the persisted token: no second refresh.
		await callApi(setup);
		expect(paths()).toEqual(['GET /api/echo']);
		expect(setup.credentials.refreshCount(setup.ref.id)).toBe(1);
	});

	test('a refresh answered 200 {"error":"invalid_code"} surfaces as the run error', async () => {
		const setup = connect({ access_token: 'stale', refresh_token: 'revoked' });
		const result = await callApi(setup);

		// @n8n/client-oauth2 only rejects token responses >= 400, so n8n-core merges the
		// error body into the token data, retries with the old token and fails on its 401.
		expect(paths()).toEqual(['GET /api/echo', 'POST /oauth/v2/token', 'GET /api/echo']);
		expect(result.error).toMatchObject({ httpCode: '401', node: { name: 'Call' } });
		expect(result.nodeError('Call')?.message).toBe(result.error?.message);
		expect(setup.credentials.get(setup.ref.id).oauthTokenData).toMatchObject({
			access_token: 'stale',
			error: 'invalid_code',
		});
	});

	test('no token or client secret reaches the logs', async () => {
		const setup = connect();
		server().expireAccessTokens();
		await callApi(setup);
		const stored = setup.credentials.get(setup.ref.id).oauthTokenData as Record<string, string>;

		const logs = capturedLogText();
		expect(logs).toContain('expired. Revalidating.');
		for (const secret of [
			setup.tokens.access_token,
			setup.tokens.refresh_token,
			stored.access_token,
			CLIENT.clientSecret,
		]) {
			expect(logs).not.toContain(secret);
		}
	});
});
