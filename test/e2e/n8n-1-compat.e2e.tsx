/**
 * Compatibility: the newest n8n 1.x and the oldest n8n the package supports (the floor,
 * scripts/n8n/runtime.tsx N8N_FLOOR), both on this machine's Node 20, load the package
 * from their community-package folder and run a meeting workflow and every example
 * workflow against the sandbox, with the same checks as on the current n8n (examples.ts).
 * Every n8n 1.x CLI command is a whole n8n start (10 to 15 s here), so each version
 * imports all its workflows in one command.
 */
import { outputOf, type N8nCli } from '../../scripts/n8n/n8n';
import { installFromWorkingTree } from '../../scripts/n8n/package';
import { N8N_COMPAT } from '../../scripts/n8n/runtime';
import { EXAMPLE_CASES, EXAMPLES } from './examples';
import { byId, e2eStack, manualWorkflow, separateN8n, zohoNode } from './stack';

const stack = e2eStack();

const TOPIC = 'Runs on n8n 1.x';
const MEETING = manualWorkflow('e2eLegacyMeeting', 'E2E: n8n 1.x meeting', [
	zohoNode('Create Meeting', {
		resource: 'meeting',
		operation: 'create',
		topic: TOPIC,
		startTime: '2030-01-15T10:00:00Z',
		duration: 45,
		timezone: 'UTC',
	}),
	zohoNode('Get Meeting', {
		resource: 'meeting',
		operation: 'get',
		meetingKey: byId("={{ $('Create Meeting').item.json.meeting_key }}"),
	}),
]);

describe.each(N8N_COMPAT.map((runtime) => [runtime.version, runtime] as const))('n8n %s', (_version, runtime) => {
	let cli: N8nCli;

	beforeAll(async () => {
		cli = await separateN8n(stack, `${runtime.key}-user`, runtime);
		await installFromWorkingTree(cli.userFolder);
		await cli.importWorkflows([MEETING, ...EXAMPLES]);
	});

	beforeEach(async () => {
		await stack.sandbox.reset();
	});

	test('runs a meeting workflow with the package', async () => {
		const execution = await cli.executeOrFail(MEETING);

		const [created] = outputOf(execution, 'Create Meeting');
		expect(created).toMatchObject({ topic: TOPIC, duration: 45 });
		expect(outputOf(execution, 'Get Meeting')).toEqual([
			expect.objectContaining({ meeting_key: created.meeting_key, topic: TOPIC }),
		]);
	});

	test.each(EXAMPLE_CASES.map((c) => [c.name, c] as const))('example: %s', async (_name, { run }) => {
		await run({ cli, sandbox: stack.sandbox, execute: (workflow) => cli.executeOrFail(workflow) });
	});
});
