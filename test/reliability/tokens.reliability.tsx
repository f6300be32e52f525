import { locator, SANDBOX_CREDENTIAL, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';
import { useReliabilitySandbox } from './session';

/**
 * Token safety. Every run of the reliability suite (fault cases, bad input, load, trigger
 * polls) is scanned for tokens by session.ts; here, that the scan would see one, and that
 * a recording download redirected to another origin never carries the token there.
 */
const zoho = useReliabilitySandbox({ fastPolicy: true });

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
			{ items: recordings.map((recording) => ({ id: recording.recording_id })) },
		);

		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.file_size)).toEqual([5000, 6000, 7000]);
		expect(zoho.credentials.refreshCount(SANDBOX_CREDENTIAL.id)).toBe(refreshes + 1);
		const requests = await zoho.admin.requests();
		const fileHost = requests.filter((request) => request.origin === 'cdn');
		expect(fileHost).toHaveLength(3);
		expect(fileHost.every((request) => !request.hadAuthorization && request.authScheme === null)).toBe(true);
		const api = requests.filter((request) => request.origin === 'api');
		expect(api.every((request) => request.hadAuthorization)).toBe(true);
		expect(api.map((request) => request.status)).toEqual([401, 302, 302, 302]);
	});
});
