import { DateTime } from 'luxon';

import type { ApiName } from '../../sandbox/model';
import { exampleWorkflow } from '../helpers/examples';
import { SANDBOX_ZSOID, useSandbox, ZOHO_MEETING_NODE, type SentRequest } from '../helpers/sandboxWorkflow';

const workflow = exampleWorkflow('complete-meeting-workflow.json');

/** What the example's start-time expression gives: 14:00 in New York, a week from now. */
const nextWeekAtTwoInNewYork = () =>
	DateTime.now().setZone('America/New_York').plus({ days: 7 }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 });

const PARTICIPANTS = [
	{ email: 'user1@example.com', name: 'User One' },
	{ email: 'user2@example.com', name: 'User Two' },
];

/**
 * The requests the example sends in each dialect, for the meeting it made. Zoho's
 * organization API (docs/zoho-api.md) takes the participants in the create's `session`,
 * by email, the start as wall-clock text in the meeting's zone, the duration in ms.
 */
const REQUESTS: Record<ApiName, (meetingKey: string, start: DateTime) => SentRequest[]> = {
	v2: (meetingKey, start) => [
		{
			method: 'POST',
			path: '/api/v2/meetings',
			query: {},
			body: {
				topic: 'Product Review',
				agenda: 'Walk through the release candidate',
				start_time: start.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'"),
				duration: 60,
				timezone: 'America/New_York',
				participants: PARTICIPANTS,
			},
		},
		{ method: 'GET', path: `/api/v2/meetings/${meetingKey}`, query: {}, body: null },
	],
	organization: (meetingKey, start) => [
		{
			method: 'POST',
			path: `/api/v2/${SANDBOX_ZSOID}/sessions.json`,
			query: {},
			body: {
				session: {
					topic: 'Product Review',
					agenda: 'Walk through the release candidate',
					startTime: start.toFormat('MMM dd, yyyy hh:mm a'),
					duration: 3_600_000,
					timezone: 'America/New_York',
					participants: PARTICIPANTS.map(({ email }) => ({ email })),
				},
			},
		},
		{ method: 'GET', path: `/api/v2/${SANDBOX_ZSOID}/sessions/${meetingKey}.json`, query: {}, body: null },
	],
};

describe('examples/complete-meeting-workflow.json', () => {
	test('is importable: the package node type and the sandbox credential', () => {
		const zohoNodes = workflow.nodes.filter((node) => node.type === ZOHO_MEETING_NODE);
		expect(zohoNodes.map((node) => node.name)).toEqual(['Schedule Meeting', 'Get Meeting Details']);
		for (const node of zohoNodes) {
			expect(node.credentials).toEqual({
				zohoMeetingOAuth2Api: { id: 'zoho-sandbox', name: 'Zoho Meeting (sandbox)' },
			});
		}
	});
});

describe.each(['v2', 'organization'] as const)('examples/complete-meeting-workflow.json, %s dialect', (api) => {
	const sandbox = useSandbox({ api });

	test('schedules a meeting with two participants and reads it back with them', async () => {
		const before = nextWeekAtTwoInNewYork();
		const result = await sandbox.run(workflow);
		const after = nextWeekAtTwoInNewYork();

		expect(result.error).toBeUndefined();
		expect(result.executedNodes).toEqual(["When clicking 'Execute workflow'", 'Schedule Meeting', 'Get Meeting Details']);

		const [meeting] = result.output('Schedule Meeting');
		const meetingKey = meeting.json.meeting_key as string;
		expect(meeting.json).toMatchObject({ topic: 'Product Review', duration: 60, timezone: 'America/New_York', status: 'scheduled' });
		const start = [before, after].find((time) => time.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'") === meeting.json.start_time);
		expect(start).toBeDefined();

		const details = result.output('Get Meeting Details');
		expect(details).toHaveLength(1);
		expect(details[0].json).toMatchObject({ meeting_key: meetingKey, topic: 'Product Review', start_time: meeting.json.start_time });
		expect((details[0].json.participants as Array<{ email: string }>).map((p) => p.email)).toEqual(
			PARTICIPANTS.map(({ email }) => email),
		);

		expect(await sandbox.apiRequests()).toEqual(REQUESTS[api](meetingKey, start as DateTime));
	});
});
