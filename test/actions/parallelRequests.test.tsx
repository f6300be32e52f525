import type { RequestLogEntry } from '../../sandbox/requestLog';
import { DEFAULT_PARALLEL_REQUESTS } from '../../nodes/ZohoMeeting/actions/router';
import { callsPerWindow } from '../helpers/rateLimitWindows';
import { locator, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/**
 * Options › Parallel Requests: the router runs several items at once. Output order,
 * pairing, error items and the rate limit must come out as if they ran one by one.
 */
const sandbox = useSandbox();

const LATENCY_MS = 300;

const getByKey = (options?: { parallelRequests: number }) => ({
	resource: 'meeting',
	operation: 'get',
	meetingKey: locator('id', '={{ $json.key }}'),
	...(options ? { options } : {}),
});

const create = {
	resource: 'meeting',
	operation: 'create',
	topic: '={{ $json.topic }}',
	startTime: '2099-03-01T10:00:00Z',
	duration: 30,
	timezone: 'UTC',
};

/**
 * Requests grouped by when they reached the sandbox: a request more than half the
 * latency after the first of its group waited for an earlier answer, so it starts a
 * new group. Group sizes show how many ran at once.
 */
function waves(requests: RequestLogEntry[]): number[] {
	const sizes: number[] = [];
	let groupStart = -Infinity;
	for (const request of requests) {
		const at = Date.parse(request.time);
		if (at - groupStart > LATENCY_MS / 2) {
			groupStart = at;
			sizes.push(0);
		}
		sizes[sizes.length - 1]++;
	}
	return sizes;
}

const keysOf = (meetings: Array<{ meeting_key: string }>) => meetings.map((meeting) => ({ key: meeting.meeting_key }));

describe('Parallel Requests', () => {
	it('sends ten items at a time by default, after a first request alone, and keeps input order and pairing', async () => {
		await sandbox.admin.configure({ latencyMs: LATENCY_MS });
		const { meetings } = await sandbox.admin.seed({ meetings: DEFAULT_PARALLEL_REQUESTS + 2 });

		const result = await sandbox.runZoho(getByKey(), { items: keysOf(meetings) });

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json.meeting_key, item.pairedItem])).toEqual(
			meetings.map((meeting, i) => [meeting.meeting_key, { item: i }]),
		);
		const requests = await sandbox.admin.requests('api');
		expect(requests.map((r) => r.path).sort()).toEqual(meetings.map((m) => `/api/v2/meetings/${m.meeting_key}`).sort());
		// The first answer tells the rate-limit budget before the others go.
		expect(waves(requests)).toEqual([1, DEFAULT_PARALLEL_REQUESTS, 1]);
	});

	it('sends one item after the other when set to 1', async () => {
		await sandbox.admin.configure({ latencyMs: LATENCY_MS });
		const { meetings } = await sandbox.admin.seed({ meetings: 4 });

		const result = await sandbox.runZoho(getByKey({ parallelRequests: 1 }), { items: keysOf(meetings) });

		expect(result.error).toBeUndefined();
		const requests = await sandbox.admin.requests('api');
		expect(requests.map((r) => r.path)).toEqual(meetings.map((m) => `/api/v2/meetings/${m.meeting_key}`));
		expect(waves(requests)).toEqual([1, 1, 1, 1]);
	});

	it('reads the pages of Return All several at a time, in the order one by one gives', async () => {
		await sandbox.admin.seed({ meetings: 450 });
		const listAll = { resource: 'meeting', operation: 'getAll', returnAll: true };
		const oneByOne = await sandbox.runZoho({ ...listAll, options: { parallelRequests: 1 } });
		await sandbox.admin.configure({ latencyMs: LATENCY_MS });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(listAll);

		expect(result.error).toBeUndefined();
		const keys = (run: typeof result) => run.output(ZOHO_NODE_NAME).map((item) => item.json.meeting_key);
		expect(keys(result)).toHaveLength(450);
		expect(keys(result)).toEqual(keys(oneByOne));
		const requests = await sandbox.admin.requests('api');
		expect(requests.map((r) => r.query.page).sort()).toEqual(['1', '2', '3', '4', '5']);
		// The first page tells the total; the four others are fetched together.
		expect(waves(requests)).toEqual([1, 4]);
	});

	it('leaves error items in place with Continue On Fail while the other items run', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 4 });
		const keys = [meetings[0].meeting_key, '404404404', meetings[1].meeting_key, 'bad/key', meetings[2].meeting_key, meetings[3].meeting_key];

		const result = await sandbox.runZoho(getByKey(), { items: keys.map((key) => ({ key })), continueOnFail: true });

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => [item.json.meeting_key ?? item.json.error, item.pairedItem])).toEqual([
			[keys[0], { item: 0 }],
			['INVALID_MEETING_KEY: The specified meeting key does not exist', { item: 1 }],
			[keys[2], { item: 2 }],
			['Meeting Key "bad/key" is not a valid ID', { item: 3 }],
			[keys[4], { item: 4 }],
			[keys[5], { item: 5 }],
		]);
		expect(await sandbox.apiRequests()).toHaveLength(5);
	});

	it('sends nothing when any item has a bad parameter, so a rerun after the fix duplicates nothing', async () => {
		const topics = ['First', 'Second', '', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];

		const result = await sandbox.runZoho(create, { items: topics.map((topic) => ({ topic })) });

		expect(result.error?.context?.itemIndex).toBe(2);
		expect(result.error?.message).toMatch(/^Topic is empty/);
		expect(result.error?.description).not.toMatch(/succeeded/);
		expect(await sandbox.apiRequests()).toEqual([]);
		expect((await sandbox.admin.state()).meetings).toBe(0);
	});

	it('when Zoho refuses an item, starts no later item and names the creates that ran meanwhile', async () => {
		await sandbox.admin.configure({ latencyMs: LATENCY_MS });
		// The first create goes alone and is refused; items 2 to 5 had started and wait for
		// it, so they are sent and finish; none after them starts.
		await sandbox.admin.injectFault({ method: 'POST', path: '^/api/v2/meetings$', count: 1, fault: { type: 'status', status: 400, code: 'INVALID_PARAMETER' } });
		const topics = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh'];

		const result = await sandbox.runZoho({ ...create, options: { parallelRequests: 5 } }, { items: topics.map((topic) => ({ topic })) });

		expect(result.error?.message).toMatch(/^INVALID_PARAMETER/);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(result.error?.description).toMatch(/items 2, 3, 4 and 5 ran at the same time and succeeded; their output is not passed on\.$/);
		const sent = (await sandbox.apiRequests()).filter((r) => r.method === 'POST');
		expect(sent.map((r) => (r.body as { topic: string }).topic)).toEqual(expect.arrayContaining(topics.slice(0, 5)));
		expect(sent).toHaveLength(5);
		expect((await sandbox.admin.state()).meetings).toBe(4);
	});

	it('never sends a create twice: a lost answer fails only its own item', async () => {
		await sandbox.admin.injectFault({ method: 'POST', path: '^/api/v2/meetings$', count: 1, fault: { type: 'lostResponse' } });
		const topics = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'];

		const result = await sandbox.runZoho(create, { items: topics.map((topic) => ({ topic })), continueOnFail: true });

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual(topics.map((_, i) => ({ item: i })));
		// The first request went alone, so it is the one whose answer was lost.
		expect(output[0].json.error).toMatch(/^Could not reach Zoho Meeting/);
		expect(output.slice(1).map((item) => item.json.topic)).toEqual(topics.slice(1));
		expect((await sandbox.apiRequests()).filter((r) => r.method === 'POST')).toHaveLength(6);
		expect((await sandbox.admin.state()).meetings).toBe(6);
	});

	it('shares the rate limit across parallel items: every window used, no 429', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 12 });
		await sandbox.admin.setLimits({ perWindow: 4, windowSeconds: 1 });

		const result = await sandbox.runZoho(getByKey(), { items: keysOf(meetings) });

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.meeting_key)).toEqual(meetings.map((m) => m.meeting_key));
		const requests = await sandbox.admin.requests('api');
		expect(requests.map((r) => r.status)).toEqual(Array(12).fill(200));
		expect(callsPerWindow(requests, 1)).toEqual([4, 4, 4]);
	});
});

describe('Parallel Requests from an expression', () => {
	it.each([['0'], [51], ['ten'], [2.5]])('refuses %j before any request, naming the option', async (value) => {
		const result = await sandbox.runZoho({ ...create, topic: 'One', options: { parallelRequests: `={{ ${JSON.stringify(value)} }}` } });
		expect(result.error?.message).toMatch(/^Parallel Requests must be a whole number from 1 to 50/);
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('reads text from an expression as the number it says', async () => {
		const result = await sandbox.runZoho({ ...create, topic: 'One', options: { parallelRequests: '={{ " 3 " }}' } });
		expect(result.error).toBeUndefined();
	});
});
