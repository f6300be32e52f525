import { holdEarly } from '../helpers/heldEarly';
import { locator, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/**
 * The contract's `status` of a meeting, which Zoho's organization answers do not carry
 * (docs/zoho-api.md, "How the node uses it"): a meeting of `listtype=past` is completed,
 * whatever its schedule says, and any other is read off its schedule by Zoho's clock (the
 * answer's `Date` header), not n8n's. The sandbox's virtual clock is Zoho's.
 */
const sandbox = useSandbox({ api: 'organization' });

const HOUR_S = 3600;
const zohoTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** A meeting that started `minutesAgo` on Zoho's clock and lasts `duration` minutes. */
async function meetingStarted(minutesAgo: number, duration: number): Promise<string> {
	const now = (await sandbox.admin.clock()).nowMs;
	const { meetings } = await sandbox.admin.seed({ meetings: [{ topic: 'Weekly sync', start_time: zohoTime(now - minutesAgo * 60_000), duration }] });
	return meetings[0].meeting_key;
}

const statuses = (result: Awaited<ReturnType<typeof sandbox.runZoho>>) =>
	result.output(ZOHO_NODE_NAME).map((item) => [item.json.meeting_key, item.json.status]);

describe('organization API: a meeting status is Zoho’s', () => {
	it('a meeting held early is completed in listtype=past, though its scheduled start is days ahead', async () => {
		const { store } = sandbox;
		const { meeting } = holdEarly(store, store.now() + 3 * 24 * HOUR_S * 1000);
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true, filters: { status: 'completed' } });

		expect(statuses(result)).toEqual([[meeting.meeting_key, 'completed']]);
		expect((await sandbox.apiRequests()).map((request) => request.query.listtype)).toEqual(['past']);
	});

	it("Zoho's clock two hours ahead of n8n's: a meeting over by Zoho's clock is completed, in a list and alone", async () => {
		await sandbox.admin.advanceClock(2 * HOUR_S);
		// Over 30 minutes ago by Zoho's clock; by n8n's it starts in half an hour.
		const held = await meetingStarted(90, 60);
		const running = await meetingStarted(10, 60);

		const listed = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true });
		const one = await sandbox.runZoho({ resource: 'meeting', operation: 'get', meetingKey: locator('id', held) });

		expect(statuses(listed)).toEqual([
			[held, 'completed'],
			[running, 'scheduled'],
		]);
		expect(statuses(one)).toEqual([[held, 'completed']]);
	});

	it("Zoho's clock two hours behind n8n's: a meeting running by Zoho's clock is still scheduled", async () => {
		sandbox.store.clock.advance(-2 * HOUR_S);
		// By n8n's clock it ended an hour and a half ago.
		const running = await meetingStarted(10, 60);

		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'get', meetingKey: locator('id', running) });

		expect(statuses(result)).toEqual([[running, 'scheduled']]);
	});
});
