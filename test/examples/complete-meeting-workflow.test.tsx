import { DateTime } from 'luxon';

import { exampleWorkflow } from '../helpers/examples';
import { useSandbox, ZOHO_MEETING_NODE } from '../helpers/sandboxWorkflow';

const sandbox = useSandbox();
const workflow = exampleWorkflow('complete-meeting-workflow.json');

/** What the example's start-time expression gives: 14:00 in New York, a week from now, in UTC. */
function nextWeekAtTwoInNewYork(): string {
	return DateTime.now()
		.setZone('America/New_York')
		.plus({ days: 7 })
		.set({ hour: 14, minute: 0, second: 0, millisecond: 0 })
		.toUTC()
		.toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

describe('examples/complete-meeting-workflow.json', () => {
	test('is importable: the package node type and the sandbox credential', () => {
		const zohoNodes = workflow.nodes.filter((node) => node.type === ZOHO_MEETING_NODE);
		expect(zohoNodes.map((node) => node.name)).toEqual([
			'Schedule Meeting',
			'Add Participants',
			'Get Meeting Details',
		]);
		for (const node of zohoNodes) {
			expect(node.credentials).toEqual({
				zohoMeetingOAuth2Api: { id: 'zoho-sandbox', name: 'Zoho Meeting (sandbox)' },
			});
		}
	});

	test('schedules a meeting, adds two participants and reads the meeting back with them', async () => {
		const before = nextWeekAtTwoInNewYork();
		const result = await sandbox.run(workflow);
		const after = nextWeekAtTwoInNewYork();

		expect(result.error).toBeUndefined();
		expect(result.executedNodes).toEqual([
			"When clicking 'Execute workflow'",
			'Schedule Meeting',
			'Add Participants',
			'Get Meeting Details',
		]);

		const [meeting] = result.output('Schedule Meeting');
		const meetingKey = meeting.json.meeting_key as string;
		expect(meeting.json).toMatchObject({
			topic: 'Product Review',
			duration: 60,
			timezone: 'America/New_York',
			recording_enabled: true,
			status: 'scheduled',
		});
		expect([before, after]).toContain(meeting.json.start_time);

		const added = result.output('Add Participants');
		expect(added.map((item) => [item.json.email, item.json.name])).toEqual([
			['user1@example.com', 'User One'],
			['user2@example.com', 'User Two'],
		]);

		const details = result.output('Get Meeting Details');
		expect(details).toHaveLength(1);
		expect(details[0].json.meeting_key).toBe(meetingKey);
		expect((details[0].json.participants as Array<{ email: string }>).map((p) => p.email)).toEqual([
			'user1@example.com',
			'user2@example.com',
		]);

		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/meetings',
				query: {},
				body: {
					topic: 'Product Review',
					start_time: meeting.json.start_time,
					duration: 60,
					timezone: 'America/New_York',
					recording_enabled: true,
				},
			},
			{
				method: 'POST',
				path: `/api/v2/meetings/${meetingKey}/participants`,
				query: {},
				body: {
					participants: [
						{ email: 'user1@example.com', name: 'User One', send_invitation: true },
						{ email: 'user2@example.com', name: 'User Two', send_invitation: true },
					],
				},
			},
			// Once, though two participants came in: the node is set to Execute Once.
			{ method: 'GET', path: `/api/v2/meetings/${meetingKey}`, query: {}, body: null },
		]);
	});
});
