import { locator } from '../helpers/sandboxWorkflow';
import { count } from './ledger';
import { useReliabilitySandbox } from './session';

/**
 * A thousand rows through one workflow, Create Meeting → Add Participants → Get Meeting,
 * against the Standard plan's rate limit (60 calls a minute) compressed 60 times: 60
 * calls per one-second window, so 3,000 calls take about a minute instead of an hour.
 * The transport's real waits are used: it must pace itself by the rate-limit headers.
 */
const zoho = useReliabilitySandbox();

const ITEMS = 1000;
const CALLS_PER_WINDOW = 60;
const WINDOW_SECONDS = 1;

const rows = Array.from({ length: ITEMS }, (_, i) => ({
	topic: `Onboarding call ${i + 1}`,
	start: new Date(Date.UTC(2099, 0, 1, 9) + i * 3_600_000).toISOString().replace('.000Z', 'Z'),
	email: `customer${i + 1}@example.com`,
	name: `Customer ${i + 1}`,
}));

it(
	`${ITEMS} items through create → add participants → get at the Standard plan limit: none failed, none duplicated`,
	async () => {
		await zoho.admin.setPlan('standard');
		await zoho.admin.setLimits({ perWindow: CALLS_PER_WINDOW, windowSeconds: WINDOW_SECONDS });
		const started = Date.now();

		const result = await zoho.run(
			[
				zoho.zoho(
					{
						resource: 'meeting',
						operation: 'create',
						topic: '={{ $json.topic }}',
						startTime: '={{ $json.start }}',
						duration: 30,
						timezone: 'UTC',
					},
					{ name: 'Create Meeting', continueOnFail: true },
				),
				zoho.zoho(
					{
						resource: 'participant',
						operation: 'add',
						meetingKey: locator('id', '={{ $json.meeting_key }}'),
						participants: {
							participant: [{ email: "={{ $('Items').item.json.email }}", name: "={{ $('Items').item.json.name }}" }],
						},
					},
					{ name: 'Add Participants', continueOnFail: true },
				),
				zoho.zoho(
					{
						resource: 'meeting',
						operation: 'get',
						meetingKey: locator('id', "={{ $('Create Meeting').item.json.meeting_key }}"),
					},
					{ name: 'Get Meeting', continueOnFail: true },
				),
			],
			{ items: rows },
		);
		const seconds = (Date.now() - started) / 1000;

		expect(result.error).toBeUndefined();
		const failed = ['Create Meeting', 'Add Participants', 'Get Meeting'].flatMap((node) =>
			result.output(node).filter((item) => item.json.error !== undefined),
		);
		const got = result.output('Get Meeting');

		// What the sandbox holds is the input, exactly: one meeting per row, its one participant.
		const stored = [...zoho.sandbox.state.meetings.values()].map((meeting) => ({
			topic: meeting.topic,
			start: new Date(meeting.start).toISOString().replace('.000Z', 'Z'),
			participants: meeting.participants.map((participant) => `${participant.name} <${participant.email}>`),
		}));
		const expected = rows.map((row) => ({
			topic: row.topic,
			start: row.start,
			participants: [`${row.name} <${row.email}>`],
		}));
		const byTopic = (a: { topic: string }, b: { topic: string }) => a.topic.localeCompare(b.topic);
		const duplicates = stored.length - new Set(stored.map((meeting) => meeting.topic)).size;

		const requests = await zoho.admin.requests('api');
		const created = requests.filter((r) => r.method === 'POST' && r.path === '/api/v2/meetings' && r.status === 201);
		const refused = requests.filter((r) => r.status === 429).length;

		count('loadItems', ITEMS);
		count('loadFailures', failed.length + duplicates + Math.abs(stored.length - ITEMS));
		count('loadSeconds', seconds);
		process.stdout.write(
			`Load: ${ITEMS} items, ${requests.length} API calls in ${seconds.toFixed(1)} s ` +
				`(${CALLS_PER_WINDOW} per ${WINDOW_SECONDS} s window), ${refused} answered 429, ` +
				`${failed.length} failed, ${duplicates} duplicated\n`,
		);

		expect(failed.map((item) => item.json.error)).toEqual([]);
		expect(duplicates).toBe(0);
		expect(created).toHaveLength(ITEMS);
		expect(got).toHaveLength(ITEMS);
		expect(got.map((item) => item.json.topic)).toEqual(rows.map((row) => row.topic));
		expect(got.map((item) => (item.json.participants as Array<{ email: string }>).map((p) => p.email))).toEqual(
			rows.map((row) => [row.email]),
		);
		expect([...stored].sort(byTopic)).toEqual([...expected].sort(byTopic));
		// Paced by the rate-limit headers, it needs at least one window per 60 calls.
		expect(seconds).toBeGreaterThanOrEqual((requests.length / CALLS_PER_WINDOW - 1) * WINDOW_SECONDS);
	},
	300_000,
);
