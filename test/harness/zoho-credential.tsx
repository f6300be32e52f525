import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** The sandbox's default OAuth client (sandbox/ server). */
export const SANDBOX_CLIENT_ID = 'sandbox-client-id';
export const SANDBOX_CLIENT_SECRET = 'sandbox-client-secret';
export const ZOHO_CREDENTIAL_TYPE = 'zohoMeetingOAuth2Api';

/** The token part of an OAuth token response (also what the sandbox admin API issues). */
export interface TokenPair {
	access_token: string;
	/** Absent for `access_type=online` grants. */
	refresh_token?: string;
	/** Seconds; default 3600, Zoho's lifetime. */
	expires_in?: number;
}

/** The credential's API settings: which wire format, and the organization's ID for `organization`. */
export interface ApiChoice {
	api: 'auto' | 'organization' | 'v2';
	organizationId?: string;
}

/**
 * Data of a zohoMeetingOAuth2Api credential that has been through the OAuth dance against a
 * server at `baseUrl` (dataCenter `custom`: accounts and API both there), as n8n stores it
 * after the callback: client id/secret plus `oauthTokenData`. Its API is the sandbox's
 * default, `v2`, unless `choice` says otherwise (`auto` would ask the server first).
 */
export function connectedZohoCredential(
	baseUrl: string,
	tokens: TokenPair,
	client = { clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET },
	choice: ApiChoice = { api: 'v2' },
): ICredentialDataDecryptedObject {
	return {
		dataCenter: 'custom',
		accountsUrl: baseUrl,
		apiUrl: baseUrl,
		...choice,
		...client,
		oauthTokenData: {
			access_token: tokens.access_token,
			...(tokens.refresh_token === undefined ? {} : { refresh_token: tokens.refresh_token }),
			token_type: 'Bearer',
			expires_in: tokens.expires_in ?? 3600,
		},
	};
}
