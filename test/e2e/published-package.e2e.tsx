/**
 * The package as published: `npm pack` the project, install the tarball the way n8n's
 * community-package installer does, and run a workflow from it in n8n 2.x.
 */
import { mkdtempSync } from 'node:fs';
import path from 'node:path';

import { outputOf } from '../../scripts/n8n/n8n';
import { installTarball, packPackage } from '../../scripts/n8n/package';
import { runOrFail } from '../../scripts/n8n/processes';
import { N8N_CURRENT } from '../../scripts/n8n/runtime';
import { E2E_DIR, e2eStack, manualWorkflow, separateN8n, zohoNode } from './stack';

const stack = e2eStack();

test('the npm tarball installs into n8n and runs a workflow', async () => {
	const tarball = await packPackage(mkdtempSync(path.join(E2E_DIR, 'pack-')));

	const { stdout } = await runOrFail('tar', ['-tzf', tarball]);
	const files = stdout.trim().split('\n');
	expect(files).toEqual(
		expect.arrayContaining([
			'package/package.json',
			'package/dist/nodes/ZohoMeeting/ZohoMeeting.node.js',
			'package/dist/credentials/ZohoMeetingOAuth2Api.credentials.js',
		]),
	);
	// Only the build output ships: no TypeScript sources, tests or the sandbox.
	expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
	expect(files.filter((f) => /^package\/(test|sandbox|scripts)\//.test(f))).toEqual([]);

	const cli = await separateN8n(stack, 'packed-user', N8N_CURRENT);
	await installTarball(cli.userFolder, tarball);

	const { meetings } = await stack.sandbox.seed({ meetings: [{ topic: 'Seeded for the tarball' }] });
	const execution = await cli.importAndExecute(
		manualWorkflow('e2ePublished', 'E2E: published package', [
			zohoNode('List Meetings', { resource: 'meeting', operation: 'getAll', returnAll: true }),
		]),
	);
	expect(outputOf(execution, 'List Meetings')).toContainEqual(
		expect.objectContaining({ meeting_key: meetings[0].meeting_key, topic: 'Seeded for the tarball' }),
	);
});
