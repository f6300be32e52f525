import { HELD_MEETING } from '../helpers/heldMeeting';
import { locator, SANDBOX_ZSOID, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/**
 * Zoho's pages disagree on what `index` counts (docs/zoho-api.md): the first record's
 * position for the lists, a page number for the participant report. The sandbox's
 * `pagingIndex` variant serves each reading; the node asks as each page documents and
 * rereads a page that brings nothing new once under the other reading, never passing an
 * object on twice.
 */
const sandbox = useSandbox({ api: 'organization' });

/** A meeting held three times that 40 people attended: a participant report of 120 rows. */
async function seedWellAttendedMeeting(): Promise<string> {
	const participants = Array.from({ length: 40 }, (_, i) => ({ email: `p${i}@example.com`, name: `P${i}` }));
	const { meetings } = await sandbox.admin.seed({ meetings: [{ ...HELD_MEETING, participants }] });
	return meetings[0].meeting_key;
}

const listParticipants = (meetingKey: string) => ({ resource: 'participant', operation: 'getAll', meetingKey: locator('id', meetingKey), returnAll: true });

const queries = async () => (await sandbox.apiRequests()).map((r) => `${r.query.index}/${r.query.count}`);

describe('organization API: what index means', () => {
	it('lists meetings of a server that reads index as a page number: one reread, then by page', async () => {
		await sandbox.admin.setOrganizationVariants({ pagingIndex: 'page' });
		await sandbox.admin.seed({ meetings: 250 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true });

		expect(result.error).toBeUndefined();
		const keys = result.output(ZOHO_NODE_NAME).map((item) => item.json.meeting_key);
		expect(keys).toHaveLength(250);
		expect(new Set(keys).size).toBe(250);
		expect(await queries()).toEqual(['1/100', '101/100', '2/100', '3/100']);
	});

	it('reads the participant report of a server that reads index as a record position', async () => {
		await sandbox.admin.setOrganizationVariants({ pagingIndex: 'record' });
		const key = await seedWellAttendedMeeting();
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(listParticipants(key));

		expect(result.error).toBeUndefined();
		const rows = result.output(ZOHO_NODE_NAME).map((item) => `${item.json.participant_id} ${item.json.join_time}`);
		expect(rows).toHaveLength(120);
		expect(new Set(rows).size).toBe(120);
		expect(await queries()).toEqual(['1/100', '2/100', '101/100']);
	});

	it('reads the documented way without a reread when the server does too', async () => {
		const key = await seedWellAttendedMeeting();
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho(listParticipants(key));
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(120);
		expect(await queries()).toEqual(['1/100', '2/100']);
	});

	it('fails rather than return a list cut short when the server ignores index but says more follow', async () => {
		await sandbox.admin.setOrganizationVariants({ pagingIndex: 'ignored' });
		await sandbox.admin.seed({ meetings: 150 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true });

		expect(result.error?.message).toBe('Zoho Meeting keeps answering objects the node already has');
		expect(result.error?.description).toMatch(/said more objects follow after 100/);
		expect(await queries()).toEqual(['1/100', '101/100', '2/100']);
	});

	it('still answers a Limit the first page covers from a server that ignores index', async () => {
		await sandbox.admin.setOrganizationVariants({ pagingIndex: 'ignored' });
		await sandbox.admin.seed({ meetings: 150 });
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', limit: 60 });
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(60);
		expect(await queries()).toEqual(['1/60']);
	});

	it("lists the organization's recordings by moreRecords", async () => {
		await sandbox.admin.seed({ recordings: 100 });
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', returnAll: true });
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(100);
		// moreRecords false on the first page: no second request for a list of exactly 100.
		expect((await sandbox.apiRequests()).map((r) => r.path)).toEqual([`/meeting/api/v2/${SANDBOX_ZSOID}/recordings.json`]);
	});
});
