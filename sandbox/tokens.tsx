import { randomBytes } from 'node:crypto';

/**
 * The spec's scopes ("Available Scopes"), then those the organization API's pages and
 * clients name (docs/zoho-api.md).
 */
export const MEETING_SCOPES = [
	'ZohoMeeting.meeting.ALL',
	'ZohoMeeting.meeting.CREATE',
	'ZohoMeeting.meeting.READ',
	'ZohoMeeting.meeting.UPDATE',
	'ZohoMeeting.meeting.DELETE',
	'ZohoMeeting.recording.ALL',
	'ZohoMeeting.recording.READ',
	'ZohoMeeting.webinar.ALL',
	'ZohoMeeting.report.READ',
	'ZohoMeeting.webinar.CREATE',
	'ZohoMeeting.webinar.READ',
	'ZohoMeeting.webinar.UPDATE',
	'ZohoMeeting.webinar.DELETE',
	'ZohoMeeting.manageOrg.READ',
	'ZohoMeeting.user.READ',
	'ZohoMeeting.meetinguds.READ',
] as const;

/** Zoho scopes are compared without regard to case (Pipedream asks for `manageorg`). */
export const isMeetingScope = (scope: string) =>
	MEETING_SCOPES.some((known) => known.toLowerCase() === scope.toLowerCase());

/**
 * Everything a token can be granted, for tests that do not care about scopes: with
 * Zoho WorkDrive's file scope, which recording downloads in the organization API ask for.
 */
export const ALL_SCOPES: readonly string[] = [...MEETING_SCOPES, 'ZohoFiles.files.READ'];

/**
 * The one Zoho account behind every token: the presenter of every meeting. Tokens
 * carry the account so that rate limits count per account, as Zoho's do.
 */
export const SANDBOX_USER = { email: 'owner@sandbox.test', name: 'Sandbox Owner' } as const;
export const SANDBOX_ACCOUNT = 'owner';

/**
 * The same user as Zoho's organization API knows them: the organization's ID (`zsoid`,
 * the first segment of every organization path) and the user's Zoho user ID (`zuid`).
 */
export const SANDBOX_ORGANIZATION = { zsoid: 880012345, zuid: 550012345 } as const;

export type AccessType = 'online' | 'offline';

export interface AuthorizationCode {
	clientId: string;
	redirectUri: string;
	scopes: string[];
	accessType: AccessType;
	expiresAt: number;
}

export interface AccessGrant {
	account: string;
	clientId: string;
	scopes: string[];
	expiresAt: number;
}

export interface RefreshGrant {
	account: string;
	clientId: string;
	scopes: string[];
}

export interface IssuedTokens {
	access_token: string;
	refresh_token?: string;
	api_domain: string;
	token_type: 'Bearer';
	expires_in: number;
}

const CODE_LIFETIME_MS = 10 * 60_000;

/** Zoho's token format: `1000.<hex>.<hex>`. */
const newToken = () => `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;

/** Splits a scope parameter: Zoho documents commas, OAuth clients often send spaces. */
export const parseScopes = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/**
 * Authorization codes, access tokens and refresh tokens. Token lifetimes run on real
 * time, not the virtual clock: a client that caches a token really has to refresh it.
 */
export class TokenRegistry {
	private readonly codes = new Map<string, AuthorizationCode>();
	private readonly access = new Map<string, AccessGrant>();
	private readonly refresh = new Map<string, RefreshGrant>();

	issueCode(grant: Omit<AuthorizationCode, 'expiresAt'>): string {
		const code = newToken();
		this.codes.set(code, { ...grant, expiresAt: Date.now() + CODE_LIFETIME_MS });
		return code;
	}

	/** A code works once, for the client and redirect URI it was issued to. */
	redeemCode(
		code: string,
		clientId: string,
		redirectUri: string | undefined,
	): AuthorizationCode | undefined {
		const grant = this.codes.get(code);
		if (!grant) return undefined;
		this.codes.delete(code);
		const valid =
			grant.clientId === clientId &&
			grant.redirectUri === redirectUri &&
			grant.expiresAt > Date.now();
		return valid ? grant : undefined;
	}

	issue(
		clientId: string,
		scopes: string[],
		ttlSeconds: number,
		apiDomain: string,
		withRefreshToken: boolean,
	): IssuedTokens {
		const accessToken = newToken();
		this.access.set(accessToken, {
			account: SANDBOX_ACCOUNT,
			clientId,
			scopes,
			expiresAt: Date.now() + ttlSeconds * 1000,
		});
		const issued: IssuedTokens = {
			access_token: accessToken,
			api_domain: apiDomain,
			token_type: 'Bearer',
			expires_in: ttlSeconds,
		};
		if (withRefreshToken) {
			issued.refresh_token = newToken();
			this.refresh.set(issued.refresh_token, { account: SANDBOX_ACCOUNT, clientId, scopes });
		}
		return issued;
	}

	findAccess(token: string): AccessGrant | undefined {
		const grant = this.access.get(token);
		return grant && grant.expiresAt > Date.now() ? grant : undefined;
	}

	findRefresh(token: string, clientId: string): RefreshGrant | undefined {
		const grant = this.refresh.get(token);
		return grant && grant.clientId === clientId ? grant : undefined;
	}

	/** Ends every access token now; refresh tokens keep working. */
	expireAccessTokens(): number {
		const now = Date.now();
		let expired = 0;
		for (const grant of this.access.values()) {
			if (grant.expiresAt > now) {
				grant.expiresAt = now;
				expired++;
			}
		}
		return expired;
	}

	/** Revokes one refresh token, or all of them. */
	revokeRefreshTokens(token?: string): number {
		if (token !== undefined) return this.refresh.delete(token) ? 1 : 0;
		const revoked = this.refresh.size;
		this.refresh.clear();
		return revoked;
	}

	counts() {
		const now = Date.now();
		const live = [...this.access.values()].filter((grant) => grant.expiresAt > now).length;
		return { accessTokens: live, refreshTokens: this.refresh.size };
	}

	clear(): void {
		this.codes.clear();
		this.access.clear();
		this.refresh.clear();
	}
}
