/**
 * Every Meeting operation in one workflow, executed by real n8n 2.x (`n8n execute`)
 * against the sandbox: schedule, read back, rename, cancel, then list the cancelled.
 */
import { outputOf } from '../../scripts/n8n/n8n';
import { byId, e2eStack, manualWorkflow, zohoNode } from './stack';

const stack = e2eStack();
const KEY = "={{ $('Create Meeting').item.json.meeting_key }}";

test('create, get, update, cancel and get many meetings', async () => {
	await stack.sandbox.clearRequests();
	const startTime = new Date(Date.now() + 7 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
	const workflow = manualWorkflow('e2eMeetingCrud', 'E2E: meeting operations', [
		zohoNode('Create Meeting', {
			resource: 'meeting',
			operation: 'create',
			topic: 'E2E planning',
			startTime,
			duration: 30,
			timezone: 'UTC',
		}),
		zohoNode('Get Meeting', { resource: 'meeting', operation: 'get', meetingKey: byId(KEY) }),
		zohoNode('Rename Meeting', {
			resource: 'meeting',
			operation: 'update',
			meetingKey: byId(KEY),
			updateFields: { topic: 'E2E planning (moved)' },
		}),
		zohoNode('Cancel Meeting', { resource: 'meeting', operation: 'cancel', meetingKey: byId(KEY) }),
		zohoNode('Cancelled Meetings', {
			resource: 'meeting',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'cancelled' },
		}),
	]);

	const execution = await stack.cli.importAndExecute(workflow);

	const [created] = outputOf(execution, 'Create Meeting');
	expect(created).toMatchObject({ topic: 'E2E planning', duration: 30, status: 'scheduled' });
	const key = created.meeting_key as string;
	expect(key).toEqual(expect.any(String));
	expect(outputOf(execution, 'Get Meeting')).toEqual([expect.objectContaining({ meeting_key: key, topic: 'E2E planning' })]);
	expect(outputOf(execution, 'Rename Meeting')).toEqual([
		expect.objectContaining({ meeting_key: key, topic: 'E2E planning (moved)' }),
	]);
	expect(outputOf(execution, 'Cancel Meeting')).toEqual([expect.objectContaining({ success: true })]);
	expect(outputOf(execution, 'Cancelled Meetings')).toContainEqual(
		expect.objectContaining({ meeting_key: key, status: 'cancelled' }),
	);

	const seen = (await stack.sandbox.requests()).map((r) => `${r.method} ${r.path.replace(key, '{key}')}`);
	expect(seen).toEqual(
		expect.arrayContaining([
			expect.stringMatching(/^POST .*\/meetings$/),
			expect.stringMatching(/^GET .*\/meetings\/\{key\}$/),
			expect.stringMatching(/^PUT .*\/meetings\/\{key\}$/),
			expect.stringMatching(/^DELETE .*\/meetings\/\{key\}$/),
			expect.stringMatching(/^GET .*\/meetings$/),
		]),
	);
});
