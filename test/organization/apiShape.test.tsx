import { SANDBOX_ZSOID, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/**
 * The credential's API `auto` against both of the sandbox's dialects: one request (GET
 * /api/v2/user.json) per credential and process decides, `userDetails.zsoid` meaning the
 * organization API and a not-found answer the v2 reference. Each test has a credential of
 * its own, since the answer is kept for the process.
 */
const organization = useSandbox({ api: 'organization' });
const v2 = useSandbox();

const listMeetings = { resource: 'meeting', operation: 'getAll', returnAll: true };
const paths = async (sandbox: typeof v2) => (await sandbox.apiRequests()).map((r) => `${r.method} ${r.path}`);

describe('the credential API Auto-Detect', () => {
	it('finds the organization API and its organization with one request, then keeps the answer', async () => {
		await organization.admin.seed({ meetings: 2 });
		const credential = await organization.addCredential({ api: 'auto' });
		await organization.admin.clearRequests();

		const first = await organization.runZoho(listMeetings, { credential });
		const second = await organization.runZoho(listMeetings, { credential });

		expect(first.output(ZOHO_NODE_NAME)).toHaveLength(2);
		expect(second.output(ZOHO_NODE_NAME)).toHaveLength(2);
		expect(await paths(organization)).toEqual([
			'GET /api/v2/user.json',
			`GET /api/v2/${SANDBOX_ZSOID}/sessions.json`,
			`GET /api/v2/${SANDBOX_ZSOID}/sessions.json`,
		]);
	});

	it('finds the v2 reference API by its not-found answer', async () => {
		await v2.admin.seed({ meetings: 2 });
		const credential = await v2.addCredential({ api: 'auto' });
		await v2.admin.clearRequests();

		const first = await v2.runZoho(listMeetings, { credential });
		const second = await v2.runZoho(listMeetings, { credential });

		expect(first.error).toBeUndefined();
		expect(first.output(ZOHO_NODE_NAME)).toHaveLength(2);
		expect(second.output(ZOHO_NODE_NAME)).toHaveLength(2);
		expect(await paths(v2)).toEqual(['GET /api/v2/user.json', 'GET /api/v2/meetings', 'GET /api/v2/meetings']);
	});

	it('asks only once for parallel items, and in the check pass sends nothing else', async () => {
		const credential = await organization.addCredential({ api: 'auto' });
		const result = await organization.runZoho(
			{ resource: 'settings', operation: 'get' },
			{ credential, items: [{}, {}, {}] },
		);
		expect(result.error?.message).toBe("Reading settings is not offered by Zoho's organization API");
		expect(await paths(organization)).toEqual(['GET /api/v2/user.json']);
	});

	it('says what the look-up needs when the token lacks its scope, and how to do without it', async () => {
		const credential = await organization.addCredential({ api: 'auto' }, 'ZohoMeeting.meeting.ALL');
		const result = await organization.runZoho(listMeetings, { credential });
		expect(result.error).toMatchObject({ message: expect.stringMatching(/^INSUFFICIENT_SCOPE: /), httpCode: '403' });
		expect(result.error?.description).toMatch(/^The node asked Zoho which API this account speaks \(GET \/api\/v2\/user\.json, once per credential\)\./);
		expect(result.error?.description).toMatch(/Add ZohoMeeting\.manageOrg\.READ to the credential's Scope and reconnect it, or set the credential's API to Organization with the Organization ID/);
	});

	it('asks again in the next run after a look-up failed', async () => {
		const credential = await organization.addCredential({ api: 'auto' });
		await organization.admin.injectFault({ path: '^/api/v2/user\\.json$', count: 4, fault: { type: 'status', status: 500 } });
		const failed = await organization.runZoho(listMeetings, { credential });
		expect(failed.error).toMatchObject({ httpCode: '500' });
		await organization.admin.clearFaults();
		await organization.admin.clearRequests();

		const result = await organization.runZoho(listMeetings, { credential });

		expect(result.error).toBeUndefined();
		expect(await paths(organization)).toEqual(['GET /api/v2/user.json', `GET /api/v2/${SANDBOX_ZSOID}/sessions.json`]);
	});
});

describe('the credential API Organization', () => {
	it('looks the organization up when its ID is empty', async () => {
		const credential = await organization.addCredential({ api: 'organization' });
		const result = await organization.runZoho(listMeetings, { credential });
		expect(result.error).toBeUndefined();
		expect(await paths(organization)).toEqual(['GET /api/v2/user.json', `GET /api/v2/${SANDBOX_ZSOID}/sessions.json`]);
	});

	it('refuses an Organization ID that is not one, before any request', async () => {
		const credential = await organization.addCredential({ api: 'organization', organizationId: '88/../1' });
		const result = await organization.runZoho(listMeetings, { credential });
		expect(result.error?.message).toBe('The credential\'s Organization ID "88/../1" is not a Zoho organization ID');
		expect(await organization.apiRequests()).toEqual([]);
	});

	it("says an organization that is not the user's is the Organization ID's fault, not the token's", async () => {
		const credential = await organization.addCredential({ api: 'organization', organizationId: '12345' });
		const result = await organization.runZoho(listMeetings, { credential });
		expect(result.error).toMatchObject({
			message: 'UNAUTHORIZED_USER: You do not have permission to access this organization account.',
			description: expect.stringMatching(/^The credential's Organization ID is not an organization this Zoho user belongs to/),
			httpCode: '401',
		});
		expect(organization.credentials.refreshCount(credential.id)).toBe(0);
	});

	it('says so when a server without the look-up is told to be the organization API', async () => {
		const credential = await v2.addCredential({ api: 'organization' });
		const result = await v2.runZoho(listMeetings, { credential });
		expect(result.error?.message).toBe('Zoho Meeting has no /api/v2/user.json to look up the organization');
		expect(await paths(v2)).toEqual(['GET /api/v2/user.json']);
	});
});
