/**
 * The resources the meeting and example tests leave out, one operation each, in one
 * workflow run by real n8n 2.x: settings, sessions, participants, webinars, registrations.
 * Every node runs once (`executeOnce`), whatever the node before it put out.
 */
import { outputOf } from '../../scripts/n8n/n8n';
import { byId, e2eStack, manualWorkflow, zohoNode } from './stack';

const stack = e2eStack();
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

test('settings, sessions, participants, webinars and registrations', async () => {
	await stack.sandbox.reset();
	const { meetings, webinars } = await stack.sandbox.seed({
		meetings: [
			{
				topic: 'Held yesterday',
				start_time: daysAgo(1),
				duration: 30,
				participants: [{ email: 'ada@example.com', name: 'Ada' }],
				status: 'completed',
			},
		],
		webinars: [{ topic: 'Launch webinar' }],
	});
	await stack.sandbox.seed({ registrations: [{ webinar_key: webinars[0].webinar_key, email: 'grace@example.com', name: 'Grace' }] });
	const meetingKey = byId(meetings[0].meeting_key);

	const once = { executeOnce: true };
	const execution = await stack.cli.importAndExecute(
		manualWorkflow('e2eEveryResource', 'E2E: every other resource', [
			{ ...zohoNode('Settings', { resource: 'settings', operation: 'get' }), ...once },
			{ ...zohoNode('Sessions', { resource: 'session', operation: 'getAll', meetingKey, returnAll: true }), ...once },
			{ ...zohoNode('Participants', { resource: 'participant', operation: 'getAll', meetingKey, returnAll: true }), ...once },
			{
				...zohoNode('Create Webinar', {
					resource: 'webinar',
					operation: 'create',
					topic: 'E2E webinar',
					startTime: '2030-03-01T16:00:00Z',
					duration: 90,
					timezone: 'UTC',
				}),
				...once,
			},
			{
				...zohoNode('Registrations', {
					resource: 'registration',
					operation: 'getAll',
					webinarKey: byId(webinars[0].webinar_key),
					returnAll: true,
				}),
				...once,
			},
		]),
	);

	expect(outputOf(execution, 'Settings')).toHaveLength(1);
	const sessions = outputOf(execution, 'Sessions');
	expect(sessions.length).toBeGreaterThan(0);
	expect(outputOf(execution, 'Participants')).toContainEqual(expect.objectContaining({ email: 'ada@example.com' }));
	expect(outputOf(execution, 'Create Webinar')).toEqual([expect.objectContaining({ topic: 'E2E webinar', duration: 90 })]);
	expect(outputOf(execution, 'Registrations')).toEqual([
		expect.objectContaining({ email: 'grace@example.com', webinar_key: webinars[0].webinar_key }),
	]);
});
