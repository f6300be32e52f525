import { exampleWorkflow } from '../helpers/examples';
import { useSandbox } from '../helpers/sandboxWorkflow';

const sandbox = useSandbox();
const workflow = exampleWorkflow('meeting-report.json');

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('examples/meeting-report.json', () => {
	test("gets the report of each meeting completed in the last seven days", async () => {
		const attendees = [
			{ email: 'john.doe@company.com', name: 'John Doe' },
			{ email: 'jane.smith@example.com', name: 'Jane Smith' },
		];
		const { meetings } = await sandbox.admin.seed({
			meetings: [
				{ topic: 'Too old', start_time: daysAgo(10), duration: 30, status: 'completed' },
				{ topic: 'Product Demo', start_time: daysAgo(3), duration: 60, participants: attendees, status: 'completed' },
				{ topic: 'Retro', start_time: daysAgo(1), duration: 45, participants: attendees.slice(0, 1), status: 'completed' },
				{ topic: 'Next week', status: 'scheduled' },
			],
		});
		const [, demo, retro] = meetings;

		const result = await sandbox.run(workflow);

		expect(result.error).toBeUndefined();
		expect(result.output('Get Completed Meetings').map((item) => item.json.topic)).toEqual(['Product Demo', 'Retro']);
		const reports = result.output('Get Meeting Report');
		expect(reports.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(reports[0].json).toMatchObject({
			meeting_key: demo.meeting_key,
			topic: 'Product Demo',
			total_sessions: 1,
			total_participants: 2,
			total_duration: 60,
		});
		expect((reports[0].json.participant_details as Array<{ email: string }>).map((p) => p.email)).toEqual(
			attendees.map((a) => a.email),
		);
		expect(reports[1].json).toMatchObject({ meeting_key: retro.meeting_key, total_participants: 1 });

		const [list, ...reportRequests] = await sandbox.apiRequests();
		expect(list).toMatchObject({
			method: 'GET',
			path: '/api/v2/meetings',
			query: { status: 'completed', page: '1', per_page: '100', from_date: expect.stringMatching(/Z$/) },
		});
		const fromDate = Date.parse(list.query.from_date);
		expect(Math.abs(fromDate - (Date.now() - 7 * DAY_MS))).toBeLessThan(60_000);
		expect(reportRequests).toEqual(
			[demo, retro].map((meeting) => ({
				method: 'GET',
				path: `/api/v2/meetings/${meeting.meeting_key}/report`,
				query: {},
				body: null,
			})),
		);
	});
});
