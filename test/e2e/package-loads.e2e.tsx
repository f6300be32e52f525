/**
 * The package as n8n itself loads it: from `.n8n/nodes/node_modules`, as a community
 * package, with its node types named `n8n-nodes-zoho-meeting.<node>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { N8nRestClient } from '../../scripts/n8n/n8n';
import { PACKAGE_NAME } from '../../scripts/n8n/package';
import { e2eStack, ZOHO_MEETING } from './stack';

interface NodeTypeDescription {
	name: string;
	displayName: string;
	credentials?: Array<{ name: string }>;
	properties: Array<{ name: string; options?: Array<{ value: string }>; displayOptions?: unknown }>;
}

const stack = e2eStack();

async function loggedIn(): Promise<N8nRestClient> {
	const server = new N8nRestClient(stack.n8nUrl);
	await server.login(stack.owner);
	return server;
}

test('n8n 2.x loaded the package without complaint', () => {
	const log = readFileSync(path.join(stack.logDir, 'n8n.log'), 'utf8');
	expect(log).not.toMatch(/Failed to load package|Skipping package|Error loading package/i);
	expect(log).toContain('Editor is now accessible');
	// Its online services are switched off (scripts/n8n/n8n.tsx): no lookups of n8n's hosts.
	expect(log).not.toMatch(/ENOTFOUND|EAI_AGAIN|getaddrinfo/);
});

test('the editor knows the Zoho Meeting node under the community-package prefix', async () => {
	const server = await loggedIn();
	const types = (await server.rest('POST', '/rest/node-types', {
		nodeInfos: [{ name: ZOHO_MEETING, version: 1 }],
	})) as NodeTypeDescription[];
	expect(types).toHaveLength(1);
	const [node] = types;
	expect(ZOHO_MEETING).toBe(`${PACKAGE_NAME}.zohoMeeting`);
	expect(node.displayName).toBe('Zoho Meeting');
	expect(node.credentials?.map((c) => c.name)).toContain('zohoMeetingOAuth2Api');
	const resource = node.properties.find((p) => p.name === 'resource');
	expect(resource?.options?.map((o) => o.value)).toContain('meeting');
});

test('the credential type is known and the imported credential is listed', async () => {
	const server = await loggedIn();
	const credentials = (await server.rest('GET', '/rest/credentials')) as Array<{ id: string; type: string; name: string }>;
	expect(credentials).toContainEqual(
		expect.objectContaining({ id: stack.credential.id, type: 'zohoMeetingOAuth2Api', name: stack.credential.name }),
	);
	const types = (await server.rest('GET', '/types/credentials.json')) as Array<{ name: string; displayName: string }>;
	expect(types).toContainEqual(expect.objectContaining({ name: 'zohoMeetingOAuth2Api', displayName: 'Zoho Meeting OAuth2 API' }));
});
