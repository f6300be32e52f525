import { connectedZohoCredential, ZOHO_CREDENTIAL_TYPE } from '../harness';
import { ipv4HostForms } from '../helpers/addressForms';
import { locator } from '../helpers/sandboxWorkflow';
import { count } from './ledger';
import { inBatches } from './hostile';
import { useReliabilitySandbox } from './session';

/**
 * Custom data-center URLs a user may type or paste, generated: plain http to hosts that
 * are not this machine (including names that only DNS could keep local), user:password@,
 * schemes that are not web ones, whitespace, text that is no URL, and every way of writing
 * this machine. Refused ones must fail before any request, so the sandbox's API and OAuth
 * logs stay empty; https and loopback http must be accepted (and reach the sandbox when
 * they point at it). Each URL is tried as the API URL and as the Accounts URL.
 */
const zoho = useReliabilitySandbox();

type Verdict = 'https' | 'userinfo' | 'notUrl' | 'reaches' | 'accepted';

const MESSAGES: Record<'https' | 'userinfo' | 'notUrl', (label: string) => string> = {
	https: (label) => `The credential's ${label} must start with https://`,
	userinfo: (label) => `The credential's ${label} contains a user name or password`,
	notUrl: (label) => `The credential's ${label} is not a URL`,
};

/** Custom URLs and what must become of them; `sandbox` is the sandbox's origin. */
function customUrls(sandbox: URL): Array<[string, Verdict]> {
	const sp = sandbox.port;
	const elsewhere = ['meeting.example.com', 'meeting.zoho.eu', '8.8.8.8', '10.0.0.5', '192.168.1.10', '172.16.9.9', '169.254.169.254', '100.64.0.1', '[2001:db8::1]', '[fe80::1]', '[fd00::1]', '[::ffff:10.0.0.5]', 'localhost.example.com', '127.0.0.1.nip.io', 'localhost.', 'app.localhost', 'a.b.localhost'];
	const localForms = [...ipv4HostForms([127, 0, 0, 1]), 'localhost', 'LOCALHOST', 'LocalHost'].filter((host) => !host.startsWith('[0:0'));
	return [
		...elsewhere.flatMap((host): Array<[string, Verdict]> => [
			[`http://${host}`, 'https'],
			[`http://${host}:${sp}/`, 'https'],
			[`HTTP://${host.toUpperCase()}/zoho`, 'https'],
		]),
		[' \thttp://meeting.example.com\n', 'https'],
		...['ftp', 'ws', 'wss', 'gopher', 'httpx'].map((scheme): [string, Verdict] => [`${scheme}://127.0.0.1:${sp}`, 'https']),
		['file:///etc/passwd', 'https'],
		['javascript:alert(1)', 'https'],
		['data:text/plain,zoho', 'https'],
		['mailto:admin@example.com', 'https'],
		['localhost:4010', 'https'],
		[`http://user:secret@127.0.0.1:${sp}`, 'userinfo'],
		[`http://:secret@localhost:${sp}`, 'userinfo'],
		[`http://admin@127.0.0.1:${sp}`, 'userinfo'],
		['https://user@meeting.example.com', 'userinfo'],
		['https://%40:%40@meeting.example.com', 'userinfo'],
		['HTTPS://USER:PASS@MEETING.EXAMPLE.COM', 'userinfo'],
		['meeting example', 'notUrl'],
		['127.0.0.1:4010', 'notUrl'],
		['http://', 'notUrl'],
		['https://', 'notUrl'],
		['http://exa mple.com', 'notUrl'],
		['http://[::1', 'notUrl'],
		[`//127.0.0.1:${sp}`, 'notUrl'],
		['http://1.2.3.4.5', 'notUrl'],
		...localForms.map((host): [string, Verdict] => [`http://${host}:${sp}`, 'reaches']),
		[`  http://127.0.0.1:${sp}///  `, 'reaches'],
		// The URL parser would read these as http://…, n8n's HTTP client would not.
		[`http:127.0.0.1:${sp}`, 'notUrl'],
		[`http:/localhost:${sp}`, 'notUrl'],
		[`https:meeting.example.com`, 'notUrl'],
		[`ht\ttp://127.0.0.1:${sp}`, 'notUrl'],
		[`http://0.0.0.0:${sp}`, 'reaches'],
		[`http://[::ffff:127.0.0.1]:${sp}`, 'reaches'],
		[`http://[::1]:${sp}`, 'accepted'],
		[`https://127.0.0.1:${sp}`, 'accepted'],
		[`https://localhost:${sp}/`, 'accepted'],
	];
}

const getMeeting = { resource: 'meeting', operation: 'get', meetingKey: locator('id', '1234567890') };

describe('Custom data-center URLs', () => {
	it('are refused before any request unless https or http on this machine, as the API URL and as the Accounts URL', async () => {
		const sandbox = new URL(zoho.sandbox.url);
		const tokens = await zoho.issueTokens();
		const { meetings } = await zoho.admin.seed({ meetings: 1 });
		const cases = customUrls(sandbox).flatMap(([url, verdict]) => [
			{ url, verdict, label: 'API URL' },
			// As the Accounts URL, only whether it is refused matters: the API URL is the sandbox's.
			{ url, verdict: verdict === 'accepted' ? 'reaches' : verdict, label: 'Accounts URL' },
		]);

		const problems = await inBatches(
			cases.map(({ url, verdict, label }, index) => async () => {
				const credential = { id: `custom-${index}`, name: `Custom ${index}` };
				const data = connectedZohoCredential(zoho.sandbox.url, tokens);
				zoho.credentials.create({ type: ZOHO_CREDENTIAL_TYPE, ...credential, data: { ...data, [label === 'API URL' ? 'apiUrl' : 'accountsUrl']: url } });
				const node = { ...zoho.zoho({ ...getMeeting, meetingKey: locator('id', meetings[0].meeting_key) }), credentials: { [ZOHO_CREDENTIAL_TYPE]: credential } };

				const result = await zoho.run([node]);

				const message = result.error?.message;
				const refused = Object.values(MESSAGES).some((expected) => message === expected(label));
				const ok =
					verdict === 'reaches'
						? message === undefined
						: verdict === 'accepted'
							? message !== undefined && !refused
							: message === MESSAGES[verdict](label);
				if (ok) count('customUrlCases');
				return ok ? [] : [`${label} ${JSON.stringify(url)}: ${message ?? 'accepted'}, expected ${verdict}`];
			}),
			8,
		);

		expect(problems.flat()).toEqual([]);
		const reaching = cases.filter(({ verdict }) => verdict === 'reaches').length;
		expect(await zoho.admin.requests('api')).toHaveLength(reaching);
		expect(await zoho.admin.requests('oauth')).toEqual([]);
	});
});
