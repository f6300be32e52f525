/**
 * A token that expires mid-run: the sandbox expires every access token, the next request
 * gets 401, n8n refreshes with the refresh token, retries, and stores the new token in its
 * database, where `n8n export:credentials --decrypted` reads it back.
 */
import { outputOf } from '../../scripts/n8n/n8n';
import { e2eStack, manualWorkflow, zohoNode } from './stack';

const stack = e2eStack();

async function storedToken(): Promise<{ access_token: string; refresh_token: string }> {
	const [credential] = await stack.cli.exportCredentials(stack.credential.id);
	return (credential.data as { oauthTokenData: { access_token: string; refresh_token: string } }).oauthTokenData;
}

test('n8n refreshes an expired access token and persists the new one', async () => {
	const listMeetings = manualWorkflow('e2eTokenRefresh', 'E2E: token refresh', [
		zohoNode('List Meetings', { resource: 'meeting', operation: 'getAll', returnAll: false, limit: 5 }),
	]);
	await stack.cli.importWorkflows([listMeetings]);
	const before = await storedToken();

	const { expired } = await stack.sandbox.expireTokens();
	expect(expired).toBeGreaterThan(0);
	await stack.sandbox.clearRequests();

	const execution = (await stack.cli.execute(listMeetings.id));
	expect(execution.ok).toBe(true);
	expect(outputOf(execution.execution, 'List Meetings')).toEqual(expect.any(Array));

	const requests = await stack.sandbox.requests();
	const refreshes = requests.filter(
		(r) => r.path.endsWith('/oauth/v2/token') && (r.body as { grant_type?: string } | null)?.grant_type === 'refresh_token',
	);
	expect(refreshes).toHaveLength(1);
	expect(requests.filter((r) => r.status === 401)).toHaveLength(1);

	const after = await storedToken();
	expect(after.access_token).not.toBe(before.access_token);
	expect(after.refresh_token).toBe(before.refresh_token);

	// The stored token is the one n8n now uses: a second run needs no refresh.
	await stack.sandbox.clearRequests();
	expect((await stack.cli.execute(listMeetings.id)).ok).toBe(true);
	const second = await stack.sandbox.requests();
	expect(second.some((r) => r.path.endsWith('/oauth/v2/token'))).toBe(false);
	expect(second.every((r) => r.status !== 401)).toBe(true);
});
