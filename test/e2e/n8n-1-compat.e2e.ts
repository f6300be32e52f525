/**
 * Compatibility: the newest n8n 1.x (on this machine's Node 20) loads the package from its
 * community-package folder and runs a meeting workflow against the sandbox.
 */
import { outputOf } from '../../scripts/n8n/n8n';
import { installFromWorkingTree } from '../../scripts/n8n/package';
import { N8N_LEGACY } from '../../scripts/n8n/runtime';
import { byId, e2eStack, manualWorkflow, separateN8n, zohoNode } from './stack';

const stack = e2eStack();

test(`n8n ${N8N_LEGACY.version} runs a meeting workflow with the package`, async () => {
	const cli = await separateN8n(stack, 'n8n-1-user', N8N_LEGACY);
	await installFromWorkingTree(cli.userFolder);

	const execution = await cli.importAndExecute(
		manualWorkflow('e2eLegacyMeeting', 'E2E: n8n 1.x meeting', [
			zohoNode('Create Meeting', {
				resource: 'meeting',
				operation: 'create',
				topic: 'Runs on n8n 1.x',
				startTime: '2030-01-15T10:00:00Z',
				duration: 45,
				timezone: 'UTC',
			}),
			zohoNode('Get Meeting', {
				resource: 'meeting',
				operation: 'get',
				meetingKey: byId("={{ $('Create Meeting').item.json.meeting_key }}"),
			}),
		]),
	);

	const [created] = outputOf(execution, 'Create Meeting');
	expect(created).toMatchObject({ topic: 'Runs on n8n 1.x', duration: 45 });
	expect(outputOf(execution, 'Get Meeting')).toEqual([
		expect.objectContaining({ meeting_key: created.meeting_key, topic: 'Runs on n8n 1.x' }),
	]);
});
