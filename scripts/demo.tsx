/**
 * `npm run demo`: starts the Zoho Meeting sandbox, runs a workflow through n8n-core's
 * real execution engine (the test harness) — schedule a meeting, get it, list the
 * meetings — and prints what each node returned and what the sandbox received.
 */
import { SandboxAdmin } from '../sandbox/client';
import { startSandbox } from '../sandbox/server';
import type { INodeParameters } from 'n8n-workflow';

import {
	connectedZohoCredential,
	CredentialStore,
	linearWorkflow,
	MANUAL_TRIGGER,
	PACKAGE_NAME,
	runWorkflow,
	ZOHO_CREDENTIAL_TYPE,
} from '../test/harness';

const ZOHO = `${PACKAGE_NAME}.zohoMeeting`;

async function main() {
	const sandbox = await startSandbox({ quiet: true });
	const admin = new SandboxAdmin(sandbox.url);
	console.log(`Zoho Meeting sandbox on ${sandbox.url}`);
	try {
		await admin.seed({ meetings: 3 });
		const credentials = new CredentialStore();
		const credential = credentials.create({
			type: ZOHO_CREDENTIAL_TYPE,
			name: 'Zoho Meeting (sandbox)',
			data: connectedZohoCredential(sandbox.url, await admin.issueTokens()),
		});
		const zoho = (name: string, parameters: INodeParameters) => ({
			name,
			type: ZOHO,
			parameters,
			credentials: { [ZOHO_CREDENTIAL_TYPE]: credential },
		});
		const tomorrow = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const workflow = linearWorkflow([
			{ name: 'Start', type: MANUAL_TRIGGER },
			zoho('Schedule Meeting', {
				resource: 'meeting',
				operation: 'create',
				topic: 'Product Demo',
				startTime: tomorrow,
				duration: 45,
				timezone: 'America/New_York',
				additionalFields: {
					agenda: 'Demonstrate new features to client',
					participants: { participant: [{ email: 'client@example.com', name: 'Jane Smith' }] },
				},
			}),
			zoho('Get Meeting', {
				resource: 'meeting',
				operation: 'get',
				meetingKey: { __rl: true, mode: 'id', value: '={{ $json.meeting_key }}' },
			}),
			zoho('List Meetings', { resource: 'meeting', operation: 'getAll', returnAll: true }),
		]);

		const result = await runWorkflow({ workflow, credentials });
		if (result.error) throw new Error(`${result.error.message}\n${result.error.description ?? ''}`);

		const created = result.output('Schedule Meeting')[0].json;
		const fetched = result.output('Get Meeting')[0].json;
		console.log('\nSchedule Meeting →', JSON.stringify(created, null, 2));
		console.log(`\nGet Meeting → "${String(fetched.topic)}" with ${(fetched.participants as unknown[]).length} participant(s)`);
		console.log('\nList Meetings →');
		for (const { json } of result.output('List Meetings')) {
			console.log(`  ${String(json.meeting_key)}  ${String(json.start_time)}  ${String(json.status).padEnd(9)}  ${String(json.topic)}`);
		}
		console.log('\nRequests the sandbox received:');
		for (const request of await admin.requests('api')) {
			const query = new URLSearchParams(request.query).toString();
			console.log(`  ${request.method} ${request.path}${query ? `?${query}` : ''} → ${request.status} (${request.authScheme})`);
		}
	} finally {
		await sandbox.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
