import { HELD_MEETING, seedHeldMeeting } from '../helpers/heldMeeting';
import { locator, useSandbox } from '../helpers/sandboxWorkflow';

const sandbox = useSandbox();

/** The list requests the pickers sent, as `path?query`. */
const sent = async () => (await sandbox.apiRequests()).map((r) => `${r.path}?${new URLSearchParams(r.query)}`);
const meetingPages = (...pages: number[]) => pages.map((page) => `/api/v2/meetings?page=${page}&per_page=100`);

/** `count` upcoming meetings named "Meeting 1".. unless `topics` names some of them. */
async function seedMeetings(count: number, topics: Record<number, string> = {}) {
	const { meetings } = await sandbox.admin.seed({
		meetings: Array.from({ length: count }, (_, i) => ({ topic: topics[i] ?? `Meeting ${i + 1}` })),
	});
	await sandbox.admin.clearRequests();
	return meetings;
}

describe('pickers: search past the first page', () => {
	it('lists a page of 100 per call without search text, and the next page when the list is scrolled', async () => {
		const meetings = await seedMeetings(130);

		const first = await sandbox.listSearch('searchMeetings', { resource: 'meeting', operation: 'get' });
		const second = await sandbox.listSearch('searchMeetings', { resource: 'meeting', operation: 'get' }, { paginationToken: first.paginationToken });

		expect(first.results.map((item) => item.value)).toEqual(meetings.slice(0, 100).map((m) => m.meeting_key));
		expect(first.results[0]).toEqual({
			name: `Meeting 1 (${meetings[0].start_time.replace('T', ' ').replace('Z', ' UTC')})`,
			value: meetings[0].meeting_key,
			url: meetings[0].meeting_url,
		});
		expect(first.paginationToken).toBe('2');
		expect(second.results.map((item) => item.value)).toEqual(meetings.slice(100).map((m) => m.meeting_key));
		expect(second.paginationToken).toBeUndefined();
		expect(await sent()).toEqual(meetingPages(1, 2));
	});

	it('finds a meeting beyond the first 100 in one search', async () => {
		const meetings = await seedMeetings(250, { 230: 'Quarterly board review' });

		const found = await sandbox.listSearch('searchMeetings', {}, { filter: 'board REVIEW' });

		expect(found.results.map((item) => item.value)).toEqual([meetings[230].meeting_key]);
		expect(found.paginationToken).toBeUndefined();
		expect(await sent()).toEqual(meetingPages(1, 2, 3));
	});

	it('stops at 5 pages with a hint to refine the search, and searches on from there when scrolled', async () => {
		const meetings = await seedMeetings(700, { 40: 'Launch prep', 650: 'Launch review' });

		const first = await sandbox.listSearch('searchMeetings', {}, { filter: 'launch' });
		const next = await sandbox.listSearch('searchMeetings', {}, { filter: 'launch', paginationToken: first.paginationToken });

		expect(first.results).toEqual([
			expect.objectContaining({ value: meetings[40].meeting_key }),
			{
				name: 'Searched the first 500 meetings: type more of the name to refine your search, or scroll on to search further',
				value: '',
			},
		]);
		expect(first.paginationToken).toBe('6');
		expect(next.results.map((item) => item.value)).toEqual([meetings[650].meeting_key]);
		expect(next.paginationToken).toBeUndefined();
		expect(await sent()).toEqual(meetingPages(1, 2, 3, 4, 5, 6, 7));
	});

	it('answers as soon as it has a dropdown of matches', async () => {
		await seedMeetings(300, Object.fromEntries(Array.from({ length: 300 }, (_, i) => [i, `Standup ${i + 1}`])));

		const found = await sandbox.listSearch('searchMeetings', {}, { filter: 'standup' });

		expect(found.results).toHaveLength(100);
		expect(found.paginationToken).toBe('2');
		expect(await sent()).toEqual(meetingPages(1));
	});
});

describe('pickers: meetings that can still change', () => {
	it('lists for Update, Cancel and Add Participants only scheduled meetings that have not started', async () => {
		const now = Date.now();
		const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
		const { meetings } = await sandbox.admin.seed({
			meetings: [
				{ topic: 'Held', start_time: iso(now - 3 * 86_400_000), duration: 30, status: 'completed' },
				{ topic: 'Running now', start_time: iso(now - 10 * 60_000), duration: 60 },
				{ topic: 'Called off', start_time: iso(now + 86_400_000), status: 'cancelled' },
				{ topic: 'Next week', start_time: iso(now + 7 * 86_400_000) },
			],
		});
		await sandbox.admin.clearRequests();

		const found = await sandbox.listSearch('searchUpcomingMeetings', { resource: 'meeting', operation: 'update' });

		expect(found.results.map((item) => item.name.split(' (')[0])).toEqual(['Next week']);
		expect(found.results[0].value).toBe(meetings[3].meeting_key);
		const [request] = await sandbox.apiRequests();
		expect(request.query).toEqual({ page: '1', per_page: '100', status: 'scheduled', from_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
		expect(Math.abs(Date.parse(request.query.from_date) - now)).toBeLessThan(60_000);
	});
});

// The operations whose pickers these are: the editor sends the node's parameters with the request.
const SESSION_GET = { resource: 'session', operation: 'get' };
const PARTICIPANT_REMOVE = { resource: 'participant', operation: 'remove' };
const REGISTRATION_APPROVE = { resource: 'registration', operation: 'approve' };

describe('pickers that depend on the chosen meeting or webinar', () => {
	it('lists the sessions of the chosen meeting by their start', async () => {
		const key = await seedHeldMeeting(sandbox);
		await sandbox.admin.clearRequests();

		const found = await sandbox.listSearch('searchSessions', { ...SESSION_GET, meetingKey: locator('list', key) });

		expect(found.results.map((item) => item.name)).toEqual([
			'2025-03-03 09:00:00 UTC (30 min)',
			'2025-03-04 09:00:00 UTC (30 min)',
			'2025-03-05 09:00:00 UTC (30 min)',
		]);
		expect(found.results.every((item) => /^SESSION_\d+$/.test(String(item.value)))).toBe(true);
		expect(await sent()).toEqual([`/api/v2/meetings/${key}/sessions?page=1&per_page=100`]);
	});

	it('lists the participants of a meeting given by its join link, searchable by name or email', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: [HELD_MEETING] });
		const { meeting_key: key, meeting_url: link } = meetings[0];
		await sandbox.admin.clearRequests();

		const found = await sandbox.listSearch('searchParticipants', { ...PARTICIPANT_REMOVE, meetingKey: locator('url', link) }, { filter: 'bob@' });

		expect(found.results).toEqual([{ name: 'Bob <bob@example.com>', value: expect.any(String) }]);
		expect(await sent()).toEqual([...meetingPages(1), `/api/v2/meetings/${key}/participants?page=1&per_page=100`]);
	});

	it('lists the registrations of the chosen webinar with their status', async () => {
		const { webinars, registrations } = await sandbox.admin.seed({
			webinars: [{ topic: 'Launch', registration_required: true }],
			registrations: [
				{ email: 'ana@example.com', name: 'Ana Lima' },
				{ email: 'bo@example.com', name: 'Bo Chen', status: 'approved' },
			],
		});
		const webinarKey = webinars[0].webinar_key;
		await sandbox.admin.clearRequests();

		const found = await sandbox.listSearch('searchRegistrations', { ...REGISTRATION_APPROVE, webinarKey });

		expect(found.results).toEqual([
			{ name: 'Ana Lima <ana@example.com> (pending)', value: registrations[0].registration_id },
			{ name: 'Bo Chen <bo@example.com> (approved)', value: registrations[1].registration_id },
		]);
		expect(await sent()).toEqual([`/api/v2/webinars/${webinarKey}/registrations?page=1&per_page=100`]);
	});

	it.each([
		['searchSessions', { ...SESSION_GET, meetingKey: locator('list', '') }, 'Choose the meeting first'],
		['searchRegistrations', REGISTRATION_APPROVE, 'Choose the webinar first'],
		['searchParticipants', { ...PARTICIPANT_REMOVE, meetingKey: locator('id', '={{ $json.key }}') }, 'The meeting is an expression the editor cannot work out here'],
	])('%s says what to choose first, without a request', async (method, parameters, message) => {
		await expect(sandbox.listSearch(method, parameters)).rejects.toThrow(message);
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
