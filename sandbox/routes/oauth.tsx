import { escapeHtml, type Exchange } from '../http';
import type { Store } from '../store';
import { type AccessType, isMeetingScope, parseScopes } from '../tokens';

/**
 * Spec "Authentication": Zoho Accounts' consent page and token endpoint, as an OAuth
 * client such as n8n's sees them. Like Zoho, the token endpoint answers a bad code or
 * client with HTTP 200 and an `error` field.
 */

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
}

export interface OAuthContext {
	store: Store;
	client: OAuthClient;
}

interface AuthorizationRequest {
	clientId: string;
	redirectUri: string;
	scopes: string[];
	accessType: AccessType;
	state: string | null;
	/** Passed through the consent form so that accepting it repeats the same request. */
	fields: URLSearchParams;
}

const TITLE = 'Zoho Meeting Sandbox — Authorize';

export async function handleOAuth(exchange: Exchange, context: OAuthContext): Promise<void> {
	const route = `${exchange.method} ${exchange.path}`;
	if (route === 'GET /oauth/v2/auth') return askConsent(exchange, context);
	if (route === 'POST /oauth/v2/auth') return answerConsent(exchange, context);
	if (route === 'POST /oauth/v2/token') return issueTokens(exchange, context);
	exchange.sendJson(404, { error: 'not_found' });
}

// ----- Step 2: Generate Authorization Code -----

function askConsent(exchange: Exchange, context: OAuthContext): void {
	const request = readAuthorizationRequest(exchange.query, context.client);
	if (typeof request === 'string') return showError(exchange, request);
	if (context.store.config.autoApprove) return redirectWithCode(exchange, context, request);
	const hidden = [...request.fields]
		.map(
			([name, value]) =>
				`<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
		)
		.join('\n      ');
	const scopes = request.scopes
		.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`)
		.join('');
	exchange.sendHtml(
		200,
		page(`<h1>Authorize access to Zoho Meeting</h1>
    <p>The application <strong>${escapeHtml(request.clientId)}</strong> asks for access to the account
      <strong>owner@sandbox.test</strong> with these scopes:</p>
    <ul>${scopes}</ul>
    <form method="POST" action="/oauth/v2/auth">
      ${hidden}
      <button type="submit" name="decision" value="accept">Accept</button>
      <button type="submit" name="decision" value="deny">Deny</button>
    </form>`),
	);
}

function answerConsent(exchange: Exchange, context: OAuthContext): void {
	const form = new URLSearchParams(exchange.rawBody.toString('utf8'));
	const request = readAuthorizationRequest(form, context.client);
	if (typeof request === 'string') return showError(exchange, request);
	if (form.get('decision') === 'accept') return redirectWithCode(exchange, context, request);
	const target = new URL(request.redirectUri);
	target.searchParams.set('error', 'access_denied');
	if (request.state !== null) target.searchParams.set('state', request.state);
	exchange.redirect(target.toString());
}

/** The authorization request, or why it cannot be shown to a user. */
function readAuthorizationRequest(
	params: URLSearchParams,
	client: OAuthClient,
): AuthorizationRequest | string {
	const clientId = params.get('client_id');
	if (clientId !== client.clientId) {
		return `Invalid client: no application is registered with client_id "${clientId ?? ''}".`;
	}
	if (params.get('response_type') !== 'code') {
		return 'Invalid response_type: only "code" is supported.';
	}
	const redirectUri = params.get('redirect_uri') ?? '';
	if (!/^https?:\/\/[^\s]+$/.test(redirectUri)) {
		return 'Invalid redirect_uri: an http(s) URL is required.';
	}
	const scopes = parseScopes(params.get('scope') ?? '');
	if (scopes.length === 0) return 'Invalid scope: at least one scope is required.';
	// Other Zoho services' scopes may come along; a misspelt Zoho Meeting scope may not.
	const unknown = scopes.find(
		(scope) => scope.toLowerCase().startsWith('zohomeeting.') && !isMeetingScope(scope),
	);
	if (unknown) return `Invalid scope: ${unknown}`;
	const fields = new URLSearchParams();
	for (const name of [
		'client_id',
		'redirect_uri',
		'scope',
		'response_type',
		'access_type',
		'prompt',
		'state',
	]) {
		const value = params.get(name);
		if (value !== null) fields.set(name, value);
	}
	return {
		clientId,
		redirectUri,
		scopes,
		accessType: params.get('access_type') === 'offline' ? 'offline' : 'online',
		state: params.get('state'),
		fields,
	};
}

function redirectWithCode(
	exchange: Exchange,
	context: OAuthContext,
	request: AuthorizationRequest,
): void {
	const code = context.store.tokens.issueCode({
		clientId: request.clientId,
		redirectUri: request.redirectUri,
		scopes: request.scopes,
		accessType: request.accessType,
	});
	const target = new URL(request.redirectUri);
	target.searchParams.set('code', code);
	if (request.state !== null) target.searchParams.set('state', request.state);
	// Zoho names the data center that issued the code, so clients know where to redeem it.
	target.searchParams.set('location', 'us');
	target.searchParams.set('accounts-server', context.store.baseUrl);
	exchange.redirect(target.toString());
}

function showError(exchange: Exchange, message: string): void {
	exchange.sendHtml(
		400,
		page(`<h1>Cannot authorize</h1>\n    <p class="error">${escapeHtml(message)}</p>`),
	);
}

function page(body: string): string {
	return `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><title>${TITLE}</title></head>
  <body>
    ${body}
  </body>
</html>
`;
}

// ----- Steps 3 and 4: Generate and Refresh Access Token -----

function issueTokens(exchange: Exchange, context: OAuthContext): void {
	const { store, client } = context;
	// OAuth clients put parameters in the form body; some put them in the query string.
	const params = new URLSearchParams([
		...exchange.query,
		...new URLSearchParams(exchange.rawBody.toString('utf8')),
	]);
	const presented = clientCredentials(params, exchange.req.headers.authorization);
	if (presented.id !== client.clientId || presented.secret !== client.clientSecret) {
		return exchange.sendJson(200, { error: 'invalid_client' });
	}
	const ttl = store.config.tokenTtlSeconds;
	switch (params.get('grant_type')) {
		case 'authorization_code': {
			const grant = store.tokens.redeemCode(
				params.get('code') ?? '',
				client.clientId,
				params.get('redirect_uri') ?? undefined,
			);
			if (!grant) return exchange.sendJson(200, { error: 'invalid_code' });
			const offline = grant.accessType === 'offline';
			return exchange.sendJson(
				200,
				store.tokens.issue(client.clientId, grant.scopes, ttl, store.baseUrl, offline),
			);
		}
		case 'refresh_token': {
			const grant = store.tokens.findRefresh(params.get('refresh_token') ?? '', client.clientId);
			if (!grant) return exchange.sendJson(200, { error: 'invalid_code' });
			return exchange.sendJson(
				200,
				store.tokens.issue(client.clientId, grant.scopes, ttl, store.baseUrl, false),
			);
		}
		default:
			return exchange.sendJson(200, { error: 'unsupported_grant_type' });
	}
}

/** Client credentials from the form, or from HTTP Basic auth (RFC 6749 section 2.3.1). */
function clientCredentials(params: URLSearchParams, authorization: string | undefined) {
	const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
	if (!basic) return { id: params.get('client_id'), secret: params.get('client_secret') };
	const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	try {
		// Form-encoded before base64, per the RFC; most clients' ids survive decoding unchanged.
		return {
			id: decodeURIComponent(decoded.slice(0, colon)),
			secret: decodeURIComponent(decoded.slice(colon + 1)),
		};
	} catch {
		return { id: null, secret: null };
	}
}
