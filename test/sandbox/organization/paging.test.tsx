import { type ApiResponse, expectOrgFailure, Harness, orgPath, orgRecordingsPath } from '../helpers';

type Keyed = { meetingKey: number | string; topic: string };

const topicsOf = (response: ApiResponse, list = 'session') =>
	(response.body[list] as Keyed[]).map((entry) => entry.topic);

describe('sandbox organization dialect: index and count', () => {
	const h = new Harness({ api: 'organization' });

	/** Upcoming meetings M01..Mn, in that order of start. */
	async function seedMeetings(n: number) {
		const start = Date.parse('2090-01-01T00:00:00Z');
		await h.admin.seed({
			meetings: Array.from({ length: n }, (_, i) => ({
				topic: `M${String(i + 1).padStart(2, '0')}`,
				start_time: new Date(start + i * 3_600_000).toISOString(),
			})),
		});
	}

	const sessions = (query: string) =>
		h.request('GET', orgPath(`/sessions.json?listtype=all&${query}`));

	it('reads index as the 1-based position of the first record, as list-of-meeting-api.html says', async () => {
		await seedMeetings(7);
		expect(topicsOf(await sessions('index=1&count=3'))).toEqual(['M01', 'M02', 'M03']);
		expect(topicsOf(await sessions('index=4&count=3'))).toEqual(['M04', 'M05', 'M06']);
		expect(topicsOf(await sessions('index=7&count=3'))).toEqual(['M07']);
		// 0 reads as 1: a client starting at 0 and stepping by count sees one record twice.
		expect(topicsOf(await sessions('index=0&count=3'))).toEqual(['M01', 'M02', 'M03']);
		expect(topicsOf(await sessions('index=3&count=3'))).toEqual(['M03', 'M04', 'M05']);
		const beyond = await sessions('index=8&count=3');
		expect({ list: beyond.body.session, count: beyond.body.count }).toEqual({ list: [], count: 7 });
	});

	it('answers up to 100, the one maximum a source gives', async () => {
		await seedMeetings(101);
		const first = await sessions('index=1&count=100');
		expect({ length: first.body.session.length, count: first.body.count }).toEqual({
			length: 100,
			count: 101,
		});
		expect(topicsOf(await sessions('index=101&count=100'))).toEqual(['M101']);
	});

	it.each([
		['index=1&count=0', 'Invalid value for count: expected an integer from 1 to 100'],
		['index=1&count=101', 'Invalid value for count: expected an integer from 1 to 100'],
		['index=1&count=-1', 'Invalid value for count: expected an integer from 1 to 100'],
		['index=1&count=1.5', 'Invalid value for count: expected an integer from 1 to 100'],
		['index=-1&count=1', 'Invalid value for index: expected an integer from 0 to'],
		['index=first&count=1', 'Invalid value for index: expected an integer from 0 to'],
	])('refuses %s', async (query, message) => {
		const response = await sessions(query);
		expectOrgFailure(response, 400, 'INVALID_PARAMETER');
		expect(response.body.error.message).toContain(message);
	});

	it('keeps count the total while records arrive between pages, so a client can see the shift', async () => {
		await seedMeetings(4);
		const first = await h.request('GET', orgPath('/sessions.json?listtype=all&index=1&count=2'));
		await h.admin.seed({ meetings: [{ topic: 'M00', start_time: '2089-12-31T00:00:00Z' }] });
		const second = await h.request('GET', orgPath('/sessions.json?listtype=all&index=3&count=2'));
		expect(topicsOf(first)).toEqual(['M01', 'M02']);
		expect(topicsOf(second)).toEqual(['M02', 'M03']);
		expect([first.body.count, second.body.count]).toEqual([4, 5]);
	});

	it('can read index as a page number, or ignore it, for every list (admin variant pagingIndex)', async () => {
		await seedMeetings(5);
		await h.admin.setOrganizationVariants({ pagingIndex: 'page' });
		expect(topicsOf(await sessions('index=2&count=2'))).toEqual(['M03', 'M04']);
		expect(topicsOf(await sessions('index=3&count=2'))).toEqual(['M05']);
		await h.admin.setOrganizationVariants({ pagingIndex: 'ignored' });
		expect(topicsOf(await sessions('index=3&count=2'))).toEqual(['M01', 'M02']);
		const config = await h.admin.setOrganizationVariants({ pagingIndex: 'record' });
		expect(config.organization).toEqual({
			webinarKey: 'webinarKey',
			recordingState: 'processingState',
			pagingIndex: 'record',
		});
		expect(topicsOf(await sessions('index=2&count=2'))).toEqual(['M02', 'M03']);
	});

	describe('the participant report', () => {
		async function heldMeeting(participants: number) {
			const start = Date.now() + 60_000;
			const { meetings } = await h.admin.seed({
				meetings: [{ topic: 'Held', start_time: new Date(start).toISOString(), duration: 10 }],
				participants: Array.from({ length: participants }, (_, i) => ({
					email: `p${i + 1}@example.com`,
				})),
			});
			await h.admin.advanceClock(15 * 60);
			return { key: meetings[0].meeting_key, start };
		}

		const report = (key: string, query: string) =>
			h.request('GET', orgPath(`/participant/${key}.json?${query}`));

		it('pages by page number, as participant-report.html says, with both index and count required', async () => {
			const { key, start } = await heldMeeting(5);
			const page2 = await report(key, 'index=2&count=2');
			expect(page2.status).toBe(200);
			expect(page2.body.participantsCount).toBe(5);
			expect(page2.body.participants.map((p: { email: string }) => p.email)).toEqual([
				'p3@example.com',
				'p4@example.com',
			]);
			expect(page2.body.participants[0]).toEqual({
				email: 'p3@example.com',
				role: 'attendee',
				// The third participant joins two minutes late (the store's attendance rule).
				joinTime: start + 2 * 60_000,
				leaveTime: start + 10 * 60_000,
				duration: 8 * 60_000,
				source: expect.any(String),
				memberId: expect.any(String),
				inAndOutTime: expect.stringMatching(/^\d\d:\d\d [AP]M - \d\d:\d\d [AP]M$/),
			});
			expect((await report(key, 'index=3&count=2')).body.participants).toHaveLength(1);
			expect((await report(key, 'index=4&count=2')).body.participants).toEqual([]);
			expect((await report(key, 'count=2')).body.error.message).toBe(
				'Missing required query parameter: index',
			);
			expect((await report(key, 'index=1')).body.error.message).toBe(
				'Missing required query parameter: count',
			);
		});

		it('is empty for a meeting not held yet', async () => {
			const { meetings } = await h.admin.seed({ meetings: 1, participants: 2 });
			expect((await report(meetings[0].meeting_key, 'index=1&count=10')).body).toEqual({
				participantsCount: 0,
				participants: [],
			});
		});
	});

	describe("the organization's recordings", () => {
		const recordings = (query = '') => h.request('GET', orgRecordingsPath(`/recordings.json${query}`));

		it('answers all of them, newest first, without count; pages with it, saying whether more follow', async () => {
			await h.admin.seed({
				recordings: [1, 2, 3, 4, 5].map((day) => ({
					topic: `R${day}`,
					start_time: `2024-01-0${day}T10:00:00Z`,
				})),
			});
			const all = await recordings();
			expect(topicsOf(all, 'recordings')).toEqual(['R5', 'R4', 'R3', 'R2', 'R1']);
			expect(all.body.meta).toEqual({ moreRecords: false });
			const first = await recordings('?index=1&count=2');
			expect([topicsOf(first, 'recordings'), first.body.meta]).toEqual([
				['R5', 'R4'],
				{ moreRecords: true },
			]);
			const last = await recordings('?index=5&count=2');
			expect([topicsOf(last, 'recordings'), last.body.meta]).toEqual([['R1'], { moreRecords: false }]);
			expect((await recordings('?index=6&count=2')).body).toEqual({
				recordings: [],
				meta: { moreRecords: false },
			});
		});

		it('with index ignored, answers the first page again and again, still saying more follow', async () => {
			await h.admin.seed({ recordings: 3 });
			await h.admin.setOrganizationVariants({ pagingIndex: 'ignored' });
			const first = await recordings('?index=1&count=2');
			const again = await recordings('?index=3&count=2');
			expect(again.body).toEqual(first.body);
			expect(again.body.meta).toEqual({ moreRecords: true });
		});
	});
});
