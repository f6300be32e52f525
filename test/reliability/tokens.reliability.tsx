import { locator, SANDBOX_CREDENTIAL, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';
import { DIALECTS, type Wire } from './dialects';
import { useReliabilitySandbox } from './session';

/**
 * Token safety. Every run of the reliability suite (fault cases, bad input, load, trigger
 * polls) is scanned for tokens by session.ts; here, that the scan would see one, and that
 * a recording download redirected to another origin never carries the token there. Both
 * dialects: the organization API refuses an expired token with HTTP 400, on which the node
 * has n8n refresh it, and looks a recording's address up in the organization's list first.
 */
describe.each(DIALECTS)('%s dialect', (api, wire: Wire) => {
	const zoho = useReliabilitySandbox({ fastPolicy: true, api });

	describe('token safety', () => {
		it('the scan finds every token it must look for, so its zero means zero', async () => {
			await zoho.admin.seed({ meetings: 1 });
			const before = zoho.currentTokens();
			await zoho.admin.expireTokens();
			const result = await zoho.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true });
			expect(result.output(ZOHO_NODE_NAME)).toHaveLength(1);
			const after = zoho.currentTokens();
			expect(after.access_token).not.toBe(before.access_token);

			const secrets = [before.access_token, before.refresh_token, after.access_token, zoho.sandbox.clientSecret];
			for (const secret of secrets) {
				expect(zoho.tokensIn(`{"message":"failed with ${String(secret)} in it"}`)).toEqual([secret]);
			}
			const issuedElsewhere = `1000.${'a'.repeat(32)}.${'b'.repeat(32)}`;
			expect(zoho.tokensIn(`Authorization: Bearer ${issuedElsewhere}`)).toEqual([issuedElsewhere]);
			expect(zoho.tokensIn(JSON.stringify(result.data))).toEqual([]);
		});

		it('a download redirected to the file host never takes the token there, even right after a refresh', async () => {
			const { recordings } = await zoho.admin.seed({
				recordings: [{ file_size: 5000 }, { file_size: 6000 }, { file_size: 7000 }],
			});
			await zoho.admin.setDownloadMode('redirect');
			await zoho.admin.expireTokens();
			const refreshes = zoho.credentials.refreshCount(SANDBOX_CREDENTIAL.id);

			const result = await zoho.runZoho(
				{ resource: 'recording', operation: 'download', recordingId: locator('id', '={{ $json.id }}') },
				{ items: recordings.map((recording) => ({ id: wire.recordingId(recording.recording_id) })) },
			);

			expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.file_size)).toEqual([5000, 6000, 7000]);
			expect(zoho.credentials.refreshCount(SANDBOX_CREDENTIAL.id)).toBe(refreshes + 1);
			const requests = await zoho.admin.requests();
			const fileHost = requests.filter((request) => request.origin === 'cdn');
			expect(fileHost).toHaveLength(3);
			expect(fileHost.every((request) => !request.hadAuthorization && request.authScheme === null)).toBe(true);
			const apiRequests = requests.filter((request) => request.origin === 'api');
			expect(apiRequests.every((request) => request.hadAuthorization)).toBe(true);
			// Refused with the expired token (as many as were on their way), then each item's
			// look-ups and its redirect to the file host.
			const statuses = apiRequests.map((request) => request.status);
			const refused = statuses.filter((status) => status === wire.tokenRefused).length;
			expect(refused).toBeGreaterThanOrEqual(1);
			expect(statuses.slice(refused).sort()).toEqual([...Array<number>(3 * wire.fileLookups).fill(200), 302, 302, 302]);
		});
	});
});
