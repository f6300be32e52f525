import { DEFAULT_SCOPES, ZohoMeetingOAuth2Api } from '../../credentials/ZohoMeetingOAuth2Api.credentials';
import { accountsUrlExpression, DATA_CENTERS, resolveApiUrl, resolveDownloadUrl } from '../../credentials/dataCenters';

/** The credential's Accounts URL rule, evaluated as n8n evaluates the hidden field's expression. */
function resolveAccountsUrl(self: object): string {
	const body = accountsUrlExpression('').replace(/^=\{\{|\}\}$/g, '');
	return (new Function('$self', `return (${body});`) as (self: object) => string)(self);
}

describe('data centers', () => {
	it("has the spec's four data centers exactly", () => {
		expect(resolveApiUrl({ dataCenter: 'us' })).toBe('https://meeting.zoho.com');
		expect(resolveApiUrl({ dataCenter: 'eu' })).toBe('https://meeting.zoho.eu');
		expect(resolveApiUrl({ dataCenter: 'in' })).toBe('https://meeting.zoho.in');
		expect(resolveApiUrl({ dataCenter: 'au' })).toBe('https://meeting.zoho.com.au');
	});

	it("follows Zoho's naming for the others", () => {
		expect(resolveAccountsUrl({ dataCenter: 'jp' })).toBe('https://accounts.zoho.jp');
		expect(resolveAccountsUrl({ dataCenter: 'ca' })).toBe('https://accounts.zohocloud.ca');
		expect(resolveAccountsUrl({ dataCenter: 'sa' })).toBe('https://accounts.zoho.sa');
		expect(resolveAccountsUrl({ dataCenter: 'uk' })).toBe('https://accounts.zoho.uk');
		expect(resolveApiUrl({ dataCenter: 'cn' })).toBe('https://meeting.zoho.com.cn');
	});

	it('uses the given URLs for custom, without a trailing slash', () => {
		const custom = { dataCenter: 'custom', accountsUrl: 'http://127.0.0.1:4010/', apiUrl: ' http://127.0.0.1:4010// ' };
		expect(resolveAccountsUrl(custom)).toBe('http://127.0.0.1:4010');
		expect(resolveApiUrl(custom)).toBe('http://127.0.0.1:4010');
		expect(resolveApiUrl({ dataCenter: 'custom' })).toBeUndefined();
		expect(resolveAccountsUrl({ dataCenter: 'custom' })).toBe('');
	});

	it("names each data center's download host, the one other host that gets the token; none for custom", () => {
		expect(resolveDownloadUrl({ dataCenter: 'us' })).toBe('https://download.zoho.com');
		expect(resolveDownloadUrl({})).toBe('https://download.zoho.com');
		expect(resolveDownloadUrl({ dataCenter: 'eu' })).toBe('https://download.zoho.eu');
		expect(resolveDownloadUrl({ dataCenter: 'ca' })).toBe('https://download.zohocloud.ca');
		expect(resolveDownloadUrl({ dataCenter: 'custom', apiUrl: 'https://gateway.example' })).toBeUndefined();
		expect(resolveDownloadUrl({ dataCenter: 'mars' })).toBeUndefined();
	});

	it('has the API field, Auto-Detect by default, and the Organization ID beside it', () => {
		const credential = new ZohoMeetingOAuth2Api();
		const api = credential.properties.find((p) => p.name === 'api');
		const organizationId = credential.properties.find((p) => p.name === 'organizationId');
		expect(api?.default).toBe('auto');
		expect(api?.options?.map((o) => (o as { value: string }).value)).toEqual(['auto', 'organization', 'v2']);
		expect(organizationId).toMatchObject({ type: 'string', default: '', displayOptions: { show: { api: ['auto', 'organization'] } } });
		expect(DEFAULT_SCOPES.split(',')).toEqual(
			expect.arrayContaining(['ZohoMeeting.manageOrg.READ', 'ZohoMeeting.meetinguds.READ', 'ZohoFiles.files.READ']),
		);
	});

	it('offers every data center of the table, plus custom, in the credential', () => {
		const credential = new ZohoMeetingOAuth2Api();
		const field = credential.properties.find((p) => p.name === 'dataCenter');
		expect(field?.options?.map((o) => (o as { value: string }).value)).toEqual([
			...DATA_CENTERS.map((dc) => dc.value),
			'custom',
		]);
	});

	it('derives the hidden OAuth URLs from the same table', () => {
		const credential = new ZohoMeetingOAuth2Api();
		const hidden = Object.fromEntries(credential.properties.map((p) => [p.name, p.default]));
		expect(hidden.authUrl).toBe(accountsUrlExpression('/oauth/v2/auth'));
		expect(hidden.accessTokenUrl).toBe(accountsUrlExpression('/oauth/v2/token'));
		for (const dc of DATA_CENTERS) expect(hidden.authUrl).toContain(`https://accounts.${dc.domain}`);
		expect(hidden.authQueryParameters).toBe('access_type=offline&prompt=consent');
		expect(hidden.authentication).toBe('body');
		expect(hidden.scope).toBe(DEFAULT_SCOPES);
	});

	it('evaluates the URL expression for each data center as n8n would', () => {
		// The expression body is plain JavaScript over $self; evaluate it the same way.
		const body = accountsUrlExpression('/oauth/v2/token').replace(/^=\{\{|\}\}$/g, '');
		const evaluate = new Function('$self', `return (${body});`) as (self: object) => string;
		expect(evaluate({ dataCenter: 'eu' })).toBe('https://accounts.zoho.eu/oauth/v2/token');
		expect(evaluate({})).toBe('https://accounts.zoho.com/oauth/v2/token');
		expect(evaluate({ dataCenter: 'custom', accountsUrl: 'http://127.0.0.1:4010/ ' })).toBe(
			'http://127.0.0.1:4010/oauth/v2/token',
		);
	});
});
