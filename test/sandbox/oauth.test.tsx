import { expectZohoError, Harness, sleep } from './helpers';

const REDIRECT_URI = 'http://localhost:5678/rest/oauth2-credential/callback';
const SCOPE = 'ZohoMeeting.meeting.ALL,ZohoMeeting.recording.READ';

describe('sandbox OAuth (spec "Authentication")', () => {
	const h = new Harness();

	const authUrl = (params: Record<string, string>) =>
		`${h.url}/oauth/v2/auth?${new URLSearchParams({
			client_id: 'sandbox-client-id',
			redirect_uri: REDIRECT_URI,
			scope: SCOPE,
			response_type: 'code',
			access_type: 'offline',
			prompt: 'consent',
			state: 'xyz-state',
			...params,
		})}`;

	const token = async (fields: Record<string, string>, headers: Record<string, string> = {}) => {
		const response = await fetch(`${h.url}/oauth/v2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
			body: new URLSearchParams(fields),
		});
		expect(response.status).toBe(200);
		return (await response.json()) as Record<string, string | number>;
	};

	/** Walks the consent page the way a browser does and returns the redirect target. */
	const consent = async (params: Record<string, string> = {}, decision = 'accept') => {
		const page = await fetch(authUrl(params));
		const html = await page.text();
		const form = new URLSearchParams();
		for (const [, name, value] of html.matchAll(
			/<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
		)) {
			form.set(name, value.replace(/&amp;/g, '&'));
		}
		form.set('decision', decision);
		const answer = await fetch(`${h.url}/oauth/v2/auth`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form,
			redirect: 'manual',
		});
		expect(answer.status).toBe(302);
		return new URL(answer.headers.get('location') ?? '');
	};

	const exchangeCode = (code: string, redirectUri = REDIRECT_URI) =>
		token({
			grant_type: 'authorization_code',
			client_id: 'sandbox-client-id',
			client_secret: 'sandbox-client-secret',
			redirect_uri: redirectUri,
			code,
		});

	it('shows a consent page listing the requested scopes', async () => {
		const page = await fetch(authUrl({}));
		const html = await page.text();
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toContain('text/html');
		expect(html).toContain('<title>Zoho Meeting Sandbox — Authorize</title>');
		expect(html).toContain('<code>ZohoMeeting.recording.READ</code>');
		expect(html).toMatch(/<form method="POST" action="\/oauth\/v2\/auth">/);
		expect(html).toContain('value="accept">Accept</button>');
	});

	it("redirects with a code, the state and Zoho's location parameters once accepted", async () => {
		const target = await consent();
		expect(`${target.origin}${target.pathname}`).toBe(REDIRECT_URI);
		expect(target.searchParams.get('code')).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
		expect(target.searchParams.get('state')).toBe('xyz-state');
		expect(target.searchParams.get('location')).toBe('us');
		expect(target.searchParams.get('accounts-server')).toBe(h.url);
	});

	it('redirects with access_denied when the user denies', async () => {
		const target = await consent({}, 'deny');
		expect(target.searchParams.get('error')).toBe('access_denied');
		expect(target.searchParams.get('code')).toBeNull();
	});

	it('answers an error page for an unknown client or a misspelt Zoho Meeting scope', async () => {
		const unknownClient = await fetch(authUrl({ client_id: 'someone-else' }));
		expect(unknownClient.status).toBe(400);
		expect(await unknownClient.text()).toContain('Invalid client');
		const badScope = await fetch(authUrl({ scope: 'ZohoMeeting.meetings.ALL' }));
		expect(badScope.status).toBe(400);
		expect(await badScope.text()).toContain('Invalid scope: ZohoMeeting.meetings.ALL');
	});

	it('redirects at once when auto-approve is on', async () => {
		await h.admin.configure({ autoApprove: true });
		const response = await fetch(authUrl({}), { redirect: 'manual' });
		expect(response.status).toBe(302);
		expect(new URL(response.headers.get('location') ?? '').searchParams.get('code')).toMatch(
			/^1000\./,
		);
	});

	it('exchanges a code once for working tokens with the granted scopes', async () => {
		const code = (await consent()).searchParams.get('code') ?? '';
		const tokens = await exchangeCode(code);
		expect(tokens).toEqual({
			access_token: expect.stringMatching(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/),
			refresh_token: expect.stringMatching(/^1000\./),
			api_domain: h.url,
			token_type: 'Bearer',
			expires_in: 3600,
		});
		const meetings = await h.api('GET', '/meetings', { token: tokens.access_token as string });
		expect(meetings.status).toBe(200);
		// The consent granted meeting.ALL and recording.READ only.
		const webinars = await h.api('GET', '/webinars', { token: tokens.access_token as string });
		expectZohoError(webinars, 403, 'INSUFFICIENT_SCOPE');

		expect(await exchangeCode(code)).toEqual({ error: 'invalid_code' });
	});

	it('issues no refresh token without access_type=offline', async () => {
		const code = (await consent({ access_type: 'online' })).searchParams.get('code') ?? '';
		const tokens = await exchangeCode(code);
		expect(tokens.access_token).toMatch(/^1000\./);
		expect(tokens).not.toHaveProperty('refresh_token');
	});

	it('refuses a code redeemed with another redirect_uri, and a wrong client secret', async () => {
		const code = (await consent()).searchParams.get('code') ?? '';
		expect(await exchangeCode(code, 'http://localhost:9999/elsewhere')).toEqual({
			error: 'invalid_code',
		});
		const other = (await consent()).searchParams.get('code') ?? '';
		const badClient = await token({
			grant_type: 'authorization_code',
			client_id: 'sandbox-client-id',
			client_secret: 'wrong',
			redirect_uri: REDIRECT_URI,
			code: other,
		});
		expect(badClient).toEqual({ error: 'invalid_client' });
	});

	it('accepts HTTP Basic client authentication and query parameters', async () => {
		const code = (await consent()).searchParams.get('code') ?? '';
		const basic = Buffer.from('sandbox-client-id:sandbox-client-secret').toString('base64');
		const tokens = await token(
			{ grant_type: 'authorization_code', redirect_uri: REDIRECT_URI, code },
			{ Authorization: `Basic ${basic}` },
		);
		expect(tokens.access_token).toMatch(/^1000\./);

		const query = new URLSearchParams({
			grant_type: 'refresh_token',
			client_id: 'sandbox-client-id',
			client_secret: 'sandbox-client-secret',
			refresh_token: tokens.refresh_token as string,
		});
		const refreshed = await fetch(`${h.url}/oauth/v2/token?${query}`, { method: 'POST' });
		expect(((await refreshed.json()) as { access_token: string }).access_token).toMatch(/^1000\./);
	});

	it('refreshes access tokens until the refresh token is revoked', async () => {
		const pair = await h.admin.issueTokens({ scope: ['ZohoMeeting.meeting.READ'] });
		const refresh = async () => (await h.refresh(pair.refresh_token ?? '')).body;
		const refreshed = await refresh();
		expect(refreshed).toEqual({
			access_token: expect.stringMatching(/^1000\./),
			api_domain: h.url,
			token_type: 'Bearer',
			expires_in: 3600,
		});
		expect(refreshed.access_token).not.toBe(pair.access_token);
		const access = refreshed.access_token as string;
		expect((await h.api('GET', '/meetings', { token: access })).status).toBe(200);
		// The refreshed token keeps the original grant's scopes.
		const create = await h.api('POST', '/meetings', { token: access, body: {} });
		expectZohoError(create, 403, 'INSUFFICIENT_SCOPE');

		expect(await h.admin.revokeRefreshTokens(pair.refresh_token)).toEqual({ revoked: 1 });
		expect(await refresh()).toEqual({ error: 'invalid_code' });
	});

	it('answers unsupported_grant_type for other grants', async () => {
		const answer = await token({
			grant_type: 'password',
			client_id: 'sandbox-client-id',
			client_secret: 'sandbox-client-secret',
		});
		expect(answer).toEqual({ error: 'unsupported_grant_type' });
	});

	it('lets access tokens expire on real time, and on demand', async () => {
		await h.admin.configure({ tokenTtlSeconds: 1 });
		const shortLived = await h.admin.issueTokens();
		expect(shortLived.expires_in).toBe(1);
		expect((await h.api('GET', '/settings', { token: shortLived.access_token })).status).toBe(200);
		await sleep(1100);
		expectZohoError(
			await h.api('GET', '/settings', { token: shortLived.access_token }),
			401,
			'INVALID_TOKEN',
		);

		expect((await h.admin.expireTokens()).expired).toBe(1);
		expectZohoError(await h.api('GET', '/settings'), 401, 'INVALID_TOKEN');
	});

	it('takes both Bearer and Zoho-oauthtoken, and nothing else', async () => {
		expect((await h.api('GET', '/settings', { scheme: 'Zoho-oauthtoken' })).status).toBe(200);
		expect((await h.api('GET', '/settings', { scheme: 'Bearer' })).status).toBe(200);
		expectZohoError(await h.api('GET', '/settings', { token: null }), 401, 'INVALID_TOKEN');
		expectZohoError(
			await h.api('GET', '/settings', { token: '1000.unknown.token' }),
			401,
			'INVALID_TOKEN',
		);
		const basic = await h.api('GET', '/settings', {
			token: null,
			headers: { Authorization: `Basic ${h.token}` },
		});
		expectZohoError(basic, 401, 'INVALID_TOKEN');
	});

	it('logs token requests without their secrets', async () => {
		const code = (await consent()).searchParams.get('code') ?? '';
		await exchangeCode(code);
		const [entry] = (await h.admin.requests('oauth')).filter((e) => e.path === '/oauth/v2/token');
		expect(entry.body).toEqual({
			grant_type: 'authorization_code',
			client_id: 'sandbox-client-id',
			client_secret: '[redacted]',
			redirect_uri: REDIRECT_URI,
			code: '[redacted]',
		});
		expect(JSON.stringify(await h.admin.requests())).not.toContain(code);
	});
});

describe('sandbox scopes', () => {
	const h = new Harness();

	const withScopes = async (...scope: string[]) =>
		(await h.admin.issueTokens({ scope })).access_token;

	it('opens meeting endpoints with the matching CRUD scope', async () => {
		const meeting = await h.scheduleMeeting();
		const reader = await withScopes('ZohoMeeting.meeting.READ');
		expect((await h.api('GET', `/meetings/${meeting.meeting_key}`, { token: reader })).status).toBe(
			200,
		);
		expect(
			(await h.api('GET', `/meetings/${meeting.meeting_key}/sessions`, { token: reader })).status,
		).toBe(200);
		const denied = await h.api('DELETE', `/meetings/${meeting.meeting_key}`, { token: reader });
		expectZohoError(denied, 403, 'INSUFFICIENT_SCOPE');
		expect(denied.body.error.message).toContain('ZohoMeeting.meeting.DELETE');

		const deleter = await withScopes('ZohoMeeting.meeting.DELETE');
		expect(
			(await h.api('DELETE', `/meetings/${meeting.meeting_key}`, { token: deleter })).status,
		).toBe(204);
	});

	it('lets recording.READ read but not delete recordings, and keeps settings to meeting.ALL', async () => {
		const [recording] = (await h.admin.seed({ recordings: 1 })).recordings;
		const reader = await withScopes('ZohoMeeting.recording.READ', 'ZohoMeeting.meeting.READ');
		expect(
			(await h.api('GET', `/recordings/${recording.recording_id}`, { token: reader })).status,
		).toBe(200);
		const deletion = await h.api('DELETE', `/recordings/${recording.recording_id}`, {
			token: reader,
		});
		expectZohoError(deletion, 403, 'INSUFFICIENT_SCOPE');
		expect(deletion.body.error.message).toContain('ZohoMeeting.recording.ALL');
		const settings = await h.api('GET', '/settings', { token: reader });
		expectZohoError(settings, 403, 'INSUFFICIENT_SCOPE');
		expect(settings.body.error.message).toContain('ZohoMeeting.meeting.ALL');
	});

	it('needs report.READ for reports and webinar.ALL for webinars and registrations', async () => {
		const meeting = await h.scheduleMeeting();
		const meetingOnly = await withScopes('ZohoMeeting.meeting.ALL');
		expectZohoError(
			await h.api('GET', `/meetings/${meeting.meeting_key}/report`, { token: meetingOnly }),
			403,
			'INSUFFICIENT_SCOPE',
		);
		const reporter = await withScopes('ZohoMeeting.report.READ');
		expect(
			(await h.api('GET', `/meetings/${meeting.meeting_key}/report`, { token: reporter })).status,
		).toBe(200);
		const [webinar] = (await h.admin.seed({ webinars: 1 })).webinars;
		const path = `/webinars/${webinar.webinar_key}/registrations`;
		expectZohoError(await h.api('GET', path, { token: reporter }), 403, 'INSUFFICIENT_SCOPE');
		expect(
			(await h.api('GET', path, { token: await withScopes('ZohoMeeting.webinar.ALL') })).status,
		).toBe(200);
	});
});
