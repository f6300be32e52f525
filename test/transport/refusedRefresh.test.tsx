import type { IExecuteFunctions } from 'n8n-workflow';

import { ZohoClient } from '../../nodes/ZohoMeeting/transport';

/**
 * n8n 1.x refreshes an expired token once per request in flight; Zoho refuses more than
 * ten refreshes in ten minutes. With many parallel requests, some refreshes are refused
 * while others go through and store a new token. The harness runs n8n 2.x, which
 * refreshes once, so this scripts n8n's side: the OAuth2 helper throws what client-oauth2
 * throws for a refused refresh, and the stored credential holds a token or a newer one.
 */
const refused = () => Object.assign(new Error('Access Denied'), { code: 'EAUTH' });

function scriptedRun(storedTokens: string[], answers: Array<'refused' | 'created'>) {
	let reads = 0;
	const sent: string[] = [];
	const ctx = {
		getNode: () => ({ name: 'Zoho Meeting', type: 'zohoMeeting', credentials: { zohoMeetingOAuth2Api: { id: 'refresh' } } }),
		getCredentials: async () => ({
			dataCenter: 'custom',
			apiUrl: 'https://zoho.test',
			api: 'v2',
			oauthTokenData: { access_token: storedTokens[Math.min(reads++, storedTokens.length - 1)] },
		}),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: { method: string }) => {
				sent.push(options.method);
				if (answers[sent.length - 1] === 'refused') throw refused();
				return { statusCode: 201, headers: {}, body: { status: 'success', data: { meeting_key: '1001' } } };
			},
		},
	} as unknown as IExecuteFunctions;
	return { zoho: new ZohoClient(ctx), sent };
}

const create = { method: 'POST' as const, path: '/meetings', body: { topic: 'Standup' } };

describe('a token refresh that Zoho refused', () => {
	it('sends the request once more when another request stored a new token meanwhile', async () => {
		const run = scriptedRun(['expired', 'refreshed by another request'], ['refused', 'created']);
		await expect(run.zoho.request(create)).resolves.toEqual({ meeting_key: '1001' });
		expect(run.sent).toEqual(['POST', 'POST']);
	});

	it('fails at once, asking to reconnect, when no other refresh went through', async () => {
		const run = scriptedRun(['expired'], ['refused', 'created']);
		await expect(run.zoho.request(create)).rejects.toThrow(/^The Zoho Meeting credential could not be refreshed: Access Denied/);
		expect(run.sent).toEqual(['POST']);
	});

	it('tries only once more', async () => {
		const run = scriptedRun(['expired', 'newer', 'newest'], ['refused', 'refused', 'created']);
		await expect(run.zoho.request(create)).rejects.toThrow(/could not be refreshed/);
		expect(run.sent).toEqual(['POST', 'POST']);
	});
});
