/**
 * The resources the meeting and example tests leave out, one operation each, in one
 * workflow run by real n8n 2.x: settings, sessions, participants, webinars, registrations
 * (everyResource.ts). Every node runs once (`executeOnce`), whatever the node before it put out.
 */
import { everyResourceJob } from './everyResource';
import { e2eStack, manualWorkflow } from './stack';

const stack = e2eStack();

test('settings, sessions, participants, webinars and registrations', async () => {
	await stack.sandbox.reset();
	const job = await everyResourceJob(stack.sandbox);
	const execution = await stack.cli.importAndExecute(manualWorkflow('e2eEveryResource', 'E2E: every other resource', job.nodes));
	job.check(execution);
});
