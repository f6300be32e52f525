import { expectZohoError, Harness, isoIn, minutesAfter } from './helpers';

const MEETING_KEYS = [
	'meeting_key',
	'topic',
	'agenda',
	'start_time',
	'duration',
	'timezone',
	'presenter',
	'meeting_url',
	'meeting_password',
	'is_recurring',
	'recording_enabled',
	'participant_limit',
	'settings',
	'status',
	'created_time',
	'modified_time',
];

describe('sandbox meetings (spec "Meetings API")', () => {
	const h = new Harness();

	it("schedules a meeting: 201 with the spec's Meeting Object and its participants", async () => {
		const start = isoIn(86_400);
		const response = await h.api('POST', '/meetings', {
			body: {
				topic: 'Product Demo',
				agenda: 'Demonstrate new features to client',
				start_time: start,
				duration: 45,
				timezone: 'America/New_York',
				participants: [{ email: 'client@example.com', name: 'Jane Smith' }],
				recording_enabled: true,
				settings: { enable_waiting_room: true, mute_participants_on_entry: true },
			},
		});
		expect(response.status).toBe(201);
		const meeting = response.body.data;
		expect(Object.keys(meeting)).toEqual([...MEETING_KEYS, 'participants']);
		expect(meeting).toMatchObject({
			meeting_key: expect.stringMatching(/^\d{10}$/),
			topic: 'Product Demo',
			start_time: start,
			duration: 45,
			timezone: 'America/New_York',
			presenter: { email: 'owner@sandbox.test', name: 'Sandbox Owner' },
			is_recurring: false,
			recording_enabled: true,
			participant_limit: 100,
			settings: {
				allow_participant_screen_share: true,
				mute_participants_on_entry: true,
				enable_waiting_room: true,
				allow_recording: true,
			},
			status: 'scheduled',
			created_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
		});
		expect(meeting.meeting_url).toMatch(new RegExp(`^${h.url}/meeting/join/[0-9a-f]+$`));
		expect(meeting.participants).toEqual([
			expect.objectContaining({
				email: 'client@example.com',
				name: 'Jane Smith',
				status: 'invited',
			}),
		]);
	});

	it('gets one meeting with its participants, and lists without them', async () => {
		const created = await h.scheduleMeeting({
			participants: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
		});
		const one = await h.api('GET', `/meetings/${created.meeting_key}`);
		expect(one.status).toBe(200);
		expect(one.body.data.participants).toHaveLength(2);
		const list = await h.api('GET', '/meetings');
		expect(list.body.data).toHaveLength(1);
		expect(list.body.data[0]).not.toHaveProperty('participants');
		expect(Object.keys(list.body.data[0])).toEqual(MEETING_KEYS);
	});

	it('answers INVALID_MEETING_KEY for an unknown key', async () => {
		expectZohoError(await h.api('GET', '/meetings/1234567890'), 404, 'INVALID_MEETING_KEY');
		expectZohoError(
			await h.api('PUT', '/meetings/1234567890', { body: { topic: 'x' } }),
			404,
			'INVALID_MEETING_KEY',
		);
		expectZohoError(await h.api('DELETE', '/meetings/1234567890'), 404, 'INVALID_MEETING_KEY');
	});

	it('pages lists sorted by start time, 50 a page by default, at most 100', async () => {
		// Seeded out of order: the list must come back by start_time.
		const starts = [5, 3, 1, 4, 2].map((hours) => isoIn(hours * 3600));
		await h.admin.seed({ meetings: starts.map((start_time) => ({ start_time })) });
		await h.admin.seed({ meetings: 115 });
		const first = await h.api('GET', '/meetings?per_page=3');
		expect(first.body.data.map((m: { start_time: string }) => m.start_time)).toEqual(
			[...starts].sort().slice(0, 3),
		);
		expect(first.body.pagination).toEqual({ page: 1, per_page: 3, total: 120, has_more: true });

		const byDefault = await h.api('GET', '/meetings?page=3');
		expect(byDefault.body.data).toHaveLength(20);
		expect(byDefault.body.pagination).toEqual({
			page: 3,
			per_page: 50,
			total: 120,
			has_more: false,
		});
		const full = await h.api('GET', '/meetings?per_page=100&page=2');
		expect(full.body.data).toHaveLength(20);
		expect((await h.api('GET', '/meetings?page=9')).body.data).toEqual([]);

		const tooMany = await h.api('GET', '/meetings?per_page=101');
		expectZohoError(tooMany, 400, 'INVALID_PARAMETER');
		expect(tooMany.body.error.message).toContain('per_page');
		for (const bad of ['per_page=0', 'per_page=2.5', 'per_page=ten', 'page=0']) {
			const response = await h.api('GET', `/meetings?${bad}`);
			expectZohoError(response, 400, 'INVALID_PARAMETER');
			expect(response.body.error.message).toContain(bad.split('=')[0]);
		}
	});

	it('filters by status and by start date, both ends inclusive', async () => {
		const [early, middle, late] = (
			await h.admin.seed({
				meetings: [
					{ start_time: '2030-03-01T09:00:00Z' },
					{ start_time: '2030-03-02T23:30:00Z' },
					{ start_time: '2030-03-03T00:00:00Z' },
				],
			})
		).meetings;
		const keys = async (query: string) =>
			(await h.api('GET', `/meetings?${query}`)).body.data.map(
				(m: { meeting_key: string }) => m.meeting_key,
			);
		expect(await keys('from_date=2030-03-01T09:00:00Z&to_date=2030-03-02T23:30:00Z')).toEqual([
			early.meeting_key,
			middle.meeting_key,
		]);
		// A date-only to_date takes in the whole day.
		expect(await keys('from_date=2030-03-02&to_date=2030-03-02')).toEqual([middle.meeting_key]);
		await h.api('DELETE', `/meetings/${late.meeting_key}`);
		expect(await keys('status=cancelled')).toEqual([late.meeting_key]);
		expect(await keys('status=scheduled')).toEqual([early.meeting_key, middle.meeting_key]);
		expectZohoError(await h.api('GET', '/meetings?status=done'), 400, 'INVALID_PARAMETER');
	});

	it('updates what the body names and moves modified_time', async () => {
		const meeting = await h.scheduleMeeting({ settings: { enable_waiting_room: true } });
		await h.admin.advanceClock(60);
		const start = isoIn(2 * 86_400);
		const response = await h.api('PUT', `/meetings/${meeting.meeting_key}`, {
			body: {
				topic: 'Updated Meeting Topic',
				start_time: start,
				settings: { allow_recording: false },
			},
		});
		expect(response.status).toBe(200);
		expect(response.body.data).toMatchObject({
			topic: 'Updated Meeting Topic',
			start_time: start,
			duration: 30,
			settings: { enable_waiting_room: true, allow_recording: false },
		});
		const modified = Date.parse(response.body.data.modified_time);
		expect(modified - Date.parse(meeting.modified_time)).toBeGreaterThanOrEqual(60_000);
		expect(response.body.data.created_time).toBe(meeting.created_time);
	});

	it('refuses past meetings with MEETING_PAST: creating, updating and cancelling', async () => {
		const past = await h.api('POST', '/meetings', { body: { topic: 'x', start_time: isoIn(-60) } });
		expectZohoError(past, 400, 'MEETING_PAST');
		const meeting = await h.scheduleMeeting({}, 1);
		expectZohoError(
			await h.api('PUT', `/meetings/${meeting.meeting_key}`, {
				body: { start_time: isoIn(-3600) },
			}),
			400,
			'MEETING_PAST',
		);
		await h.admin.advanceClock(3600 + 60); // started, still running
		expectZohoError(
			await h.api('PUT', `/meetings/${meeting.meeting_key}`, { body: { topic: 'y' } }),
			400,
			'MEETING_PAST',
		);
		expectZohoError(await h.api('DELETE', `/meetings/${meeting.meeting_key}`), 400, 'MEETING_PAST');
	});

	it('cancels with 204; the meeting stays readable as cancelled and cannot be changed', async () => {
		const meeting = await h.scheduleMeeting();
		const response = await h.api(
			'DELETE',
			`/meetings/${meeting.meeting_key}?notify_participants=false`,
		);
		expect(response.status).toBe(204);
		expect(response.body).toBeUndefined();
		expect((await h.api('GET', `/meetings/${meeting.meeting_key}`)).body.data.status).toBe(
			'cancelled',
		);
		expect((await h.api('DELETE', `/meetings/${meeting.meeting_key}`)).status).toBe(204);
		expectZohoError(
			await h.api('PUT', `/meetings/${meeting.meeting_key}`, { body: { topic: 'z' } }),
			400,
			'MEETING_PAST',
		);
		expectZohoError(
			await h.api('DELETE', `/meetings/${meeting.meeting_key}?notify_participants=yes`),
			400,
			'INVALID_PARAMETER',
		);
	});

	it('uses the account settings as defaults for a new meeting', async () => {
		await h.api('PUT', '/settings', {
			body: {
				default_meeting_duration: 25,
				default_timezone: 'Europe/Berlin',
				auto_recording: true,
				waiting_room_enabled: true,
			},
		});
		const response = await h.api('POST', '/meetings', {
			body: { topic: 'Defaults', start_time: isoIn(3600) },
		});
		expect(response.body.data).toMatchObject({
			duration: 25,
			timezone: 'Europe/Berlin',
			recording_enabled: true,
			settings: { enable_waiting_room: true },
		});
	});

	it('caps participant_limit by plan and refuses participants beyond it', async () => {
		await h.admin.setPlan('free');
		const overPlan = await h.api('POST', '/meetings', {
			body: { topic: 'Big', start_time: isoIn(3600), participant_limit: 150 },
		});
		expectZohoError(overPlan, 400, 'PARTICIPANT_LIMIT_REACHED');
		expect(overPlan.body.error.message).toContain('free plan');
		const small = await h.scheduleMeeting({
			participant_limit: 2,
			participants: [{ email: 'a@example.com' }],
		});
		const full = await h.api('POST', `/meetings/${small.meeting_key}/participants`, {
			body: { participants: [{ email: 'b@example.com' }, { email: 'c@example.com' }] },
		});
		expectZohoError(full, 400, 'PARTICIPANT_LIMIT_REACHED');
		expect(
			(await h.api('GET', `/meetings/${small.meeting_key}/participants`)).body.pagination.total,
		).toBe(1);
	});
});

describe('sandbox recurring meetings (spec "Schedule Recurring Meeting")', () => {
	const h = new Harness();

	it('validates and returns the recurrence', async () => {
		const start = '2030-01-07T09:00:00Z'; // a Monday
		const meeting = await h.scheduleMeeting({
			start_time: start,
			is_recurring: true,
			recurrence: {
				type: 'weekly',
				repeat_interval: 1,
				days_of_week: ['monday', 'friday'],
				end_date: '2030-01-18T23:59:59Z',
			},
		});
		expect(meeting.is_recurring).toBe(true);
		expect(meeting.recurrence).toEqual({
			type: 'weekly',
			repeat_interval: 1,
			days_of_week: ['monday', 'friday'],
			end_date: '2030-01-18T23:59:59Z',
		});
		const bad = [
			{ is_recurring: true },
			{ recurrence: { type: 'daily' } },
			{ is_recurring: true, recurrence: { type: 'yearly' } },
			{ is_recurring: true, recurrence: { type: 'daily', days_of_week: ['monday'] } },
			{ is_recurring: true, recurrence: { type: 'weekly', days_of_week: ['Funday'] } },
			{ is_recurring: true, recurrence: { type: 'daily', end_date: '2029-12-31T00:00:00Z' } },
		];
		for (const fields of bad) {
			const response = await h.api('POST', '/meetings', {
				body: { topic: 'R', start_time: start, ...fields },
			});
			expectZohoError(response, 400, 'INVALID_PARAMETER');
			expect(response.body.error.message).toContain('recurrence');
		}
	});

	it('holds one session per occurrence and completes after the last', async () => {
		await h.admin.setClock('2030-01-01T00:00:00Z');
		const meeting = await h.scheduleMeeting({
			start_time: '2030-01-07T09:00:00Z',
			duration: 30,
			is_recurring: true,
			recurrence: {
				type: 'weekly',
				days_of_week: ['monday', 'friday'],
				end_date: '2030-01-18T23:59:59Z',
			},
		});
		await h.admin.setClock('2030-01-12T00:00:00Z');
		const midway = await h.api('GET', `/meetings/${meeting.meeting_key}/sessions`);
		expect(midway.body.data.map((s: { start_time: string }) => s.start_time)).toEqual([
			'2030-01-07T09:00:00Z',
			'2030-01-11T09:00:00Z',
		]);
		expect((await h.api('GET', `/meetings/${meeting.meeting_key}`)).body.data.status).toBe(
			'scheduled',
		);
		await h.admin.setClock('2030-02-01T00:00:00Z');
		const done = (await h.api('GET', `/meetings/${meeting.meeting_key}`)).body.data;
		expect(done.status).toBe('completed');
		expect(done.modified_time).toBe('2030-01-18T09:30:00Z');
		expect(
			(await h.api('GET', `/meetings/${meeting.meeting_key}/report`)).body.data.total_sessions,
		).toBe(4);
	});
});

describe('sandbox participants (spec "Participants API")', () => {
	const h = new Harness();

	it("adds participants: 201 with the spec's Participant Objects", async () => {
		const meeting = await h.scheduleMeeting();
		const response = await h.api('POST', `/meetings/${meeting.meeting_key}/participants`, {
			body: {
				participants: [
					{ email: 'user1@example.com', name: 'User One', send_invitation: true },
					{ email: 'user2@example.com', name: 'User Two', send_invitation: false },
				],
			},
		});
		expect(response.status).toBe(201);
		expect(response.body.data).toHaveLength(2);
		expect(response.body.data[0]).toEqual({
			participant_id: expect.stringMatching(/^\d+$/),
			email: 'user1@example.com',
			name: 'User One',
			role: 'attendee',
			join_time: null,
			leave_time: null,
			duration: 0,
			device: null,
			location: null,
			ip_address: null,
			status: 'invited',
		});
		// The spec's workflow example reads the count from the meeting itself.
		expect(
			(await h.api('GET', `/meetings/${meeting.meeting_key}`)).body.data.participants,
		).toHaveLength(2);
	});

	it('returns an already invited email as it is instead of adding it twice', async () => {
		const meeting = await h.scheduleMeeting({ participants: [{ email: 'same@example.com' }] });
		const again = await h.api('POST', `/meetings/${meeting.meeting_key}/participants`, {
			body: { participants: [{ email: 'SAME@example.com' }] },
		});
		expect(again.body.data[0].participant_id).toBe(meeting.participants[0].participant_id);
		expect(
			(await h.api('GET', `/meetings/${meeting.meeting_key}/participants`)).body.pagination.total,
		).toBe(1);
	});

	it('lists with pagination and removes with 204', async () => {
		const meeting = await h.scheduleMeeting();
		await h.admin.seed({
			participants: Array.from({ length: 5 }, () => ({ meeting_key: meeting.meeting_key })),
		});
		const page = await h.api(
			'GET',
			`/meetings/${meeting.meeting_key}/participants?per_page=2&page=2`,
		);
		expect(page.body.pagination).toEqual({ page: 2, per_page: 2, total: 5, has_more: true });
		expect(page.body.data.map((p: { email: string }) => p.email)).toEqual([
			'participant3@example.com',
			'participant4@example.com',
		]);
		const id = page.body.data[0].participant_id;
		expect(
			(await h.api('DELETE', `/meetings/${meeting.meeting_key}/participants/${id}`)).status,
		).toBe(204);
		expectZohoError(
			await h.api('DELETE', `/meetings/${meeting.meeting_key}/participants/${id}`),
			404,
			'INVALID_PARTICIPANT_ID',
		);
		expect(
			(await h.api('GET', `/meetings/${meeting.meeting_key}/participants`)).body.pagination.total,
		).toBe(4);
	});

	it('names the bad entry of the participants array', async () => {
		const meeting = await h.scheduleMeeting();
		const path = `/meetings/${meeting.meeting_key}/participants`;
		const badEmail = await h.api('POST', path, {
			body: { participants: [{ email: 'not-an-email' }] },
		});
		expectZohoError(badEmail, 400, 'INVALID_PARAMETER');
		expect(badEmail.body.error.message).toBe(
			'Invalid value for participants[0].email: expected an email address',
		);
		const unknown = await h.api('POST', path, {
			body: {
				participants: [
					{ email: 'a@example.com' },
					{ email: 'b@example.com', sendInvitation: true },
				],
			},
		});
		expect(unknown.body.error.message).toBe('Unknown field: participants[1].sendInvitation');
		expectZohoError(
			await h.api('POST', path, { body: { participants: [] } }),
			400,
			'INVALID_PARAMETER',
		);
		expectZohoError(await h.api('GET', '/meetings/42/participants'), 404, 'INVALID_MEETING_KEY');
	});
});

describe('sandbox virtual clock: meetings completing, sessions and reports', () => {
	const h = new Harness();

	it('completes a meeting at its end, holding a session with seeded attendance', async () => {
		const meeting = await h.scheduleMeeting(
			{
				duration: 60,
				recording_enabled: true,
				participants: [
					{ email: 'ann@example.com', name: 'Ann' },
					{ email: 'bob@example.com', name: 'Bob' },
					{ email: 'cy@example.com', name: 'Cy' },
				],
			},
			1,
		);
		const key = meeting.meeting_key;
		await h.admin.advanceClock(3600 + 59 * 60); // one minute before the end
		expect((await h.api('GET', `/meetings/${key}`)).body.data.status).toBe('scheduled');
		expect((await h.api('GET', `/meetings/${key}/sessions`)).body.data).toEqual([]);

		await h.admin.advanceClock(60);
		const done = (await h.api('GET', `/meetings/${key}`)).body.data;
		expect(done.status).toBe('completed');
		const end = minutesAfter(meeting.start_time, 60);
		expect(done.modified_time).toBe(end);
		expect((await h.api('GET', '/meetings?status=completed')).body.data).toHaveLength(1);

		const sessions = (await h.api('GET', `/meetings/${key}/sessions`)).body;
		expect(sessions.data).toEqual([
			{
				session_id: expect.stringMatching(/^SESSION_\d+$/),
				meeting_key: key,
				start_time: meeting.start_time,
				end_time: end,
				duration: 60,
				participants_count: 3,
				max_concurrent_participants: 3,
				recording_available: false,
			},
		]);
		const session = await h.api('GET', `/meetings/${key}/sessions/${sessions.data[0].session_id}`);
		expect(session.body.data).toEqual(sessions.data[0]);
		expectZohoError(
			await h.api('GET', `/meetings/${key}/sessions/SESSION_1`),
			404,
			'INVALID_SESSION_ID',
		);

		const bob = done.participants[1];
		expect(bob).toMatchObject({ name: 'Bob', status: 'joined', duration: 59, leave_time: end });
		expect(bob.device).toEqual(expect.any(String));
		expect(bob.ip_address).toMatch(/^192\.168\.\d+\.\d+$/);
	});

	it('reports on a completed meeting from its sessions', async () => {
		const meeting = await h.scheduleMeeting(
			{
				duration: 30,
				participants: [
					{ email: 'ann@example.com', name: 'Ann' },
					{ email: 'bob@example.com', name: 'Bob' },
				],
			},
			1,
		);
		const before = await h.api('GET', `/meetings/${meeting.meeting_key}/report`);
		expect(before.body.data).toMatchObject({
			total_sessions: 0,
			total_participants: 0,
			participant_details: [],
		});
		await h.admin.advanceClock(2 * 3600);
		const report = (await h.api('GET', `/meetings/${meeting.meeting_key}/report`)).body.data;
		expect(report).toEqual({
			meeting_key: meeting.meeting_key,
			topic: 'Planning',
			total_sessions: 1,
			total_participants: 2,
			total_duration: 30,
			average_attendance: 2,
			participant_details: [
				expect.objectContaining({ name: 'Ann', email: 'ann@example.com', duration: 30 }),
				expect.objectContaining({ name: 'Bob', email: 'bob@example.com', duration: 29 }),
			],
		});
		expectZohoError(await h.api('GET', '/meetings/77/report'), 404, 'INVALID_MEETING_KEY');
	});

	it('does not complete a cancelled meeting', async () => {
		const meeting = await h.scheduleMeeting({ recording_enabled: true }, 1);
		await h.api('DELETE', `/meetings/${meeting.meeting_key}`);
		await h.admin.advanceClock(86_400);
		expect((await h.api('GET', `/meetings/${meeting.meeting_key}`)).body.data.status).toBe(
			'cancelled',
		);
		expect((await h.admin.state()).sessions).toBe(0);
	});
});
