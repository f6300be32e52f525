import { type Sandbox, startSandbox } from '../../sandbox/server';
import {
	capturedLogText,
	connectedZohoCredential,
	CredentialStore,
	linearWorkflow,
	MANUAL_TRIGGER,
	PACKAGE_NAME,
	runWorkflow,
	type TokenPair,
	ZOHO_CREDENTIAL_TYPE,
} from './index';

/** The harness against the real sandbox and the package's real Zoho Meeting node. */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ quiet: true });
});
afterAll(async () => await sandbox.close());

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${sandbox.url}/__admin${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as T;
}

interface LogEntry {
	method: string;
	path: string;
	authScheme: string;
}

async function listMeetings() {
	const credentials = new CredentialStore();
	const tokens = await admin<TokenPair>('POST', '/oauth/tokens', {});
	const ref = credentials.create({
		type: ZOHO_CREDENTIAL_TYPE,
		data: connectedZohoCredential(sandbox.url, tokens),
	});
	const run = async () =>
		await runWorkflow({
			workflow: linearWorkflow([
				{ name: 'Start', type: MANUAL_TRIGGER },
				{
					name: 'Zoho Meeting',
					type: `${PACKAGE_NAME}.zohoMeeting`,
					parameters: { resource: 'meeting', operation: 'getAll', returnAll: true },
					credentials: { [ZOHO_CREDENTIAL_TYPE]: ref },
				},
			]),
			credentials,
		});
	return { credentials, ref, tokens, run };
}

const requests = async () =>
	(await admin<LogEntry[]>('GET', '/requests')).map((r) => `${r.method} ${r.path} ${r.authScheme}`);

describe('harness against the sandbox', () => {
	beforeEach(async () => {
		await admin('POST', '/reset', { revokeTokens: true });
		await admin('POST', '/seed', { meetings: 3 });
	});

	test('the Zoho Meeting node lists meetings with the issued token', async () => {
		const { run, credentials, ref } = await listMeetings();
		const result = await run();

		expect(result.error).toBeUndefined();
		expect(result.output('Zoho Meeting')).toHaveLength(3);
		expect(await requests()).toEqual([expect.stringMatching(/^GET \/api\/v2\/meetings\S* Bearer$/)]);
		expect(credentials.refreshCount(ref.id)).toBe(0);
	});

	test('an expired access token is refreshed at the sandbox and persisted', async () => {
		const { run, credentials, ref, tokens } = await listMeetings();
		await admin('POST', '/oauth/expire');
		const result = await run();

		expect(result.error).toBeUndefined();
		expect(result.output('Zoho Meeting')).toHaveLength(3);
		expect(await requests()).toEqual([
			expect.stringMatching(/^GET \/api\/v2\/meetings\S* Bearer$/),
			'POST /oauth/v2/token null',
			expect.stringMatching(/^GET \/api\/v2\/meetings\S* Bearer$/),
		]);
		expect(credentials.refreshCount(ref.id)).toBe(1);
		const stored = credentials.get(ref.id).oauthTokenData as unknown as TokenPair;
		expect(stored.access_token).not.toBe(tokens.access_token);
		expect(stored.refresh_token).toEqual(tokens.refresh_token ?? 'an offline grant');
		for (const token of [tokens.access_token, tokens.refresh_token, stored.access_token]) {
			expect(capturedLogText()).not.toContain(token);
		}
	});

	test('a revoked refresh token fails the run', async () => {
		const { run } = await listMeetings();
		await admin('POST', '/oauth/revoke-refresh', {});
		await admin('POST', '/oauth/expire');
		const result = await run();

		expect(result.error).toMatchObject({ httpCode: '401', node: { name: 'Zoho Meeting' } });
		expect(result.nodeError('Zoho Meeting')?.message).toBe(result.error?.message);
		expect((await requests()).some((r) => r.startsWith('POST /oauth/v2/token'))).toBe(true);
	});
});
