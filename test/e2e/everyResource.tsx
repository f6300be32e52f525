/**
 * The resources the meeting and example tests leave out, one operation each: settings,
 * sessions, participants, webinars, registrations. One workflow's nodes, the data it needs
 * and what it must put out, shared by the single-process test (every-resource.e2e.ts) and
 * the queue-mode test (queue.e2e.ts), which run it in different n8n setups.
 */
import { outputOf, type Execution } from '../../scripts/n8n/n8n';
import type { SandboxAdmin } from '../../sandbox/client';
import type { NodeSpec } from '../harness/workflow';
import { byId, zohoNode } from './stack';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface EveryResourceJob {
	/** The Zoho Meeting nodes in order; every one runs once (`executeOnce`), whatever the node before it put out. */
	nodes: NodeSpec[];
	/** Fails unless each node put out what the seeded data calls for. */
	check(execution: Execution): void;
}

/** Seeds the sandbox (reset by the caller) and returns the workflow's nodes and their check. */
export async function everyResourceJob(sandbox: SandboxAdmin): Promise<EveryResourceJob> {
	const { meetings, webinars } = await sandbox.seed({
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
	await sandbox.seed({ registrations: [{ webinar_key: webinars[0].webinar_key, email: 'grace@example.com', name: 'Grace' }] });
	const meetingKey = byId(meetings[0].meeting_key);

	const once = { executeOnce: true };
	const nodes: NodeSpec[] = [
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
	];

	return {
		nodes,
		check(execution) {
			expect(outputOf(execution, 'Settings')).toHaveLength(1);
			expect(outputOf(execution, 'Sessions').length).toBeGreaterThan(0);
			expect(outputOf(execution, 'Participants')).toContainEqual(expect.objectContaining({ email: 'ada@example.com' }));
			expect(outputOf(execution, 'Create Webinar')).toEqual([expect.objectContaining({ topic: 'E2E webinar', duration: 90 })]);
			expect(outputOf(execution, 'Registrations')).toEqual([
				expect.objectContaining({ email: 'grace@example.com', webinar_key: webinars[0].webinar_key }),
			]);
		},
	};
}
