/**
 * Zoho's organization API (docs/zoho-api.md) in a running n8n: a second sandbox, started
 * in the organization dialect (`--api=organization`, scripts/n8n/sandbox.tsx), and a
 * credential whose API is Organization without an Organization ID, so the node looks the
 * organization up (`GET /api/v2/user.json`) once per credential and n8n process. The
 * complete-meeting example runs in `n8n execute`; the trigger runs in the n8n server's
 * active workflow.
 */
import path from 'node:path';

import { itemsOf, outputOf, type CredentialFile, type WorkflowFile } from '../../scripts/n8n/n8n';
import { startSandboxProcess, type RunningSandbox } from '../../scripts/n8n/sandbox';
import { CREDENTIAL_TYPE, sandboxCredential } from '../../scripts/n8n/stack';
import { erecordingIdOf } from '../../sandbox/organization/recordings';
import { recordingChunk } from '../../sandbox/recordingBytes';
import { SANDBOX_ORGANIZATION } from '../../sandbox/tokens';
import { ActiveWorkflow } from './activeWorkflow';
import { example } from './examples';
import { e2eStack, triggerWorkflow } from './stack';

const stack = e2eStack();
const ORGANIZATION_CREDENTIAL = { id: 'zoho-organization', name: 'Zoho Meeting (organization sandbox)' };
const ZSOID = String(SANDBOX_ORGANIZATION.zsoid);
const TRIGGER_ID = 'e2eOrgNewRecording';

let organization: RunningSandbox;

beforeAll(async () => {
	organization = await startSandboxProcess({ api: 'organization', logFile: path.join(stack.logDir, 'sandbox-organization.log') });
	const credential: CredentialFile = await sandboxCredential(organization);
	await stack.cli.importCredentials([
		{ ...credential, ...ORGANIZATION_CREDENTIAL, data: { ...credential.data, api: 'organization' } },
	]);
});

afterAll(async () => {
	await organization?.stop();
});

/** A workflow moved onto the organization sandbox's credential, under an id of its own. */
function onOrganization(workflow: WorkflowFile, id: string): WorkflowFile {
	const nodes = workflow.nodes.map((node) => {
		const credentials = node.credentials as Record<string, unknown> | undefined;
		return credentials?.[CREDENTIAL_TYPE] ? { ...node, credentials: { [CREDENTIAL_TYPE]: ORGANIZATION_CREDENTIAL } } : node;
	});
	return { ...workflow, id, name: `${workflow.name} (organization API)`, nodes };
}

test('the complete-meeting example schedules a meeting with its participants and reads it back', async () => {
	await organization.admin.reset();
	const execution = await stack.cli.importAndExecute(onOrganization(example(/schedule a meeting/i), 'e2eOrgCompleteMeeting'));

	const [meeting] = outputOf(execution, 'Schedule Meeting');
	expect(meeting).toMatchObject({ meeting_key: expect.stringMatching(/^\d+$/), topic: 'Product Review', duration: 60, status: 'scheduled' });
	const [details] = outputOf(execution, 'Get Meeting Details');
	expect(details).toMatchObject({ meeting_key: meeting.meeting_key, start_time: meeting.start_time, timezone: 'America/New_York' });
	expect((details.participants as Array<{ email: string }>).map((p) => p.email)).toEqual(['user1@example.com', 'user2@example.com']);

	const requests = await organization.admin.requests('api');
	// `n8n execute` is an n8n process of its own: it looks the organization up once.
	expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
		'GET /api/v2/user.json 200',
		`POST /api/v2/${ZSOID}/sessions.json 201`,
		`GET /api/v2/${ZSOID}/sessions/${String(meeting.meeting_key)}.json 200`,
	]);
	expect(requests[1].body).toEqual({
		session: {
			topic: 'Product Review',
			agenda: 'Walk through the release candidate',
			startTime: expect.stringMatching(/^[A-Z][a-z]{2} \d\d, \d{4} 02:00 PM$/),
			duration: 3_600_000,
			timezone: 'America/New_York',
			participants: [{ email: 'user1@example.com' }, { email: 'user2@example.com' }],
		},
	});
});

describe('the trigger', () => {
	let workflow: ActiveWorkflow;
	const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

	beforeAll(async () => {
		workflow = await ActiveWorkflow.signIn({ ...stack, sandbox: organization.admin }, TRIGGER_ID, '/recordings.json');
	});

	afterAll(async () => {
		await workflow?.deactivate().catch(() => undefined);
	});

	test("an active New Recording workflow runs once for each recording that is ready, with its file from the organization's download", async () => {
		await organization.admin.reset();
		await organization.admin.seed({ recordings: [{ topic: 'Already there', start_time: hourAgo(), duration: 15 }] });
		const trigger = triggerWorkflow(TRIGGER_ID, 'E2E: new recording (organization API)', {
			event: 'recordingAvailable',
			pollTimes: { item: [{ mode: 'everyHour', minute: 0 }] },
			options: { downloadRecording: true },
		});
		await stack.cli.importWorkflows([onOrganization(trigger, TRIGGER_ID)]);

		await workflow.pollNow();
		expect(await workflow.executions()).toHaveLength(0);

		const { recordings } = await organization.admin.seed({ recordings: [{ topic: 'Design review', start_time: hourAgo(), duration: 20, file_size: 60_000 }] });
		const [review] = recordings;
		await workflow.pollNow();
		const [run] = await workflow.waitForExecutions(1);
		// Later polls list the same recordings again and start nothing.
		await workflow.pollNow();
		expect(await workflow.executions()).toHaveLength(1);

		const [item, ...more] = itemsOf(await workflow.executionData(run.id), 'Zoho Meeting Trigger');
		expect(more).toEqual([]);
		expect(item.json).toMatchObject({ recording_id: erecordingIdOf(review.recording_id), topic: 'Design review', status: 'available' });
		expect(stack.cli.readBinary(item.binary?.data ?? {}).equals(recordingChunk(review.recording_id, 0, 60_000))).toBe(true);
		const list = `/meeting/api/v2/${ZSOID}/recordings.json`;
		// The n8n server looked the organization up once, before its first poll; each poll is one
		// list request, and the file a look-up in the list (no request reads one recording) and the download.
		expect((await organization.admin.requests('api')).map((r) => r.path)).toEqual([
			'/api/v2/user.json',
			list,
			list,
			list,
			'/webdownload',
			list,
		]);
	});
});
