import { CredentialStore, connectedZohoCredential, resolveCredentialData, ZOHO_CREDENTIAL_TYPE } from './index';

const store = new CredentialStore();
const resolve = async (data: Record<string, unknown>) =>
	await resolveCredentialData(
		store,
		store.create({ type: ZOHO_CREDENTIAL_TYPE, data: data as never }),
		ZOHO_CREDENTIAL_TYPE,
	);

describe('credential resolution (CLI credentials-helper semantics)', () => {
	test('derives the OAuth URLs from $self for a custom data center', async () => {
		const data = await resolve(
			connectedZohoCredential('http://127.0.0.1:4010/', { access_token: 'a', refresh_token: 'r' }),
		);
		expect(data).toMatchObject({
			accessTokenUrl: 'http://127.0.0.1:4010/oauth/v2/token',
			authUrl: 'http://127.0.0.1:4010/oauth/v2/auth',
			// Defaults of the child and of the oAuth2Api parent.
			grantType: 'authorizationCode',
			authentication: 'body',
			authQueryParameters: 'access_type=offline&prompt=consent',
			useDynamicClientRegistration: false,
			oauthTokenData: { access_token: 'a', refresh_token: 'r' },
		});
		// doNotInherit: the parent's tokenExpiredStatusCode/ignoreSSLIssues stay unset.
		expect(data).not.toHaveProperty('tokenExpiredStatusCode');
		expect(data).not.toHaveProperty('ignoreSSLIssues');
	});

	test('derives the URLs of a named data center, ignoring a stored token URL', async () => {
		const data = await resolve({
			dataCenter: 'eu',
			clientId: 'id',
			clientSecret: 'secret',
			accessTokenUrl: 'http://evil.example/token',
		});
		expect(data.accessTokenUrl).toBe('https://accounts.zoho.eu/oauth/v2/token');
		expect(data.authUrl).toBe('https://accounts.zoho.eu/oauth/v2/auth');
	});

	test('get() returns a copy of the current data', () => {
		const ref = store.create({ type: ZOHO_CREDENTIAL_TYPE, data: { clientId: 'x' } });
		const copy = store.get(ref.id);
		copy.clientId = 'changed';
		expect(store.get(ref.id).clientId).toBe('x');
		expect(() => store.get('missing')).toThrow('No credential with ID "missing"');
	});
});
