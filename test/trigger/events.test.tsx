import { emitted, HOUR_S, listRequests, trigger, useSandbox, zohoTime } from './fixture';

/**
 * The events beside New Recording and Meeting Completed: Meeting Scheduled, Meeting
 * Cancelled and New Webinar Registration, polled against the sandbox as an active workflow
 * polls them.
 */
const handle = useSandbox();

const HOUR_MS = HOUR_S * 1000;
const virtualNow = async () => (await handle.admin.clock()).nowMs;
const byWebinar = (key: string) => ({ __rl: true, mode: 'id', value: key });

describe('Meeting Scheduled', () => {
	test('a meeting scheduled after activation comes out once, and one request a poll lists them all', async () => {
		const now = await virtualNow();
		const { meetings: before } = await handle.admin.seed({ meetings: [{ topic: 'Standup', start_time: zohoTime(now + 2 * HOUR_MS) }] });
		const scheduled = trigger(handle, 'meetingScheduled');
		expect((await scheduled.poll()).items).toBeNull();
		expect(Object.keys(scheduled.state()?.seen ?? {})).toEqual([before[0].meeting_key]);

		const { meetings } = await handle.admin.seed({ meetings: [{ topic: 'Kickoff', start_time: zohoTime(now + 5 * 24 * HOUR_MS) }] });
		await handle.admin.clearRequests();
		const found = await scheduled.poll();

		expect(emitted(found.items)).toEqual([
			expect.objectContaining({ meeting_key: meetings[0].meeting_key, topic: 'Kickoff', status: 'scheduled' }),
		]);
		const [request, ...more] = await listRequests(handle, 'meetingScheduled');
		expect(more).toEqual([]);
		expect(request.query).toEqual({ status: 'scheduled', from_date: expect.any(String), page: '1', per_page: '100' });
		expect((await scheduled.poll()).items).toBeNull();
	});

	test('a meeting moved to a later day is not taken for a new one when its first start leaves the window', async () => {
		const scheduled = trigger(handle, 'meetingScheduled', { lookBackWindow: 2 });
		expect((await scheduled.poll()).items).toBeNull();
		const now = await virtualNow();
		const { meetings } = await handle.admin.seed({ meetings: [{ topic: 'Review', start_time: zohoTime(now + HOUR_MS) }] });
		const key = meetings[0].meeting_key;
		expect(emitted((await scheduled.poll()).items).map((m) => m.meeting_key)).toEqual([key]);

		const store = handle.sandbox.state;
		const moved = zohoTime(now + 3 * 24 * HOUR_MS);
		store.updateMeeting(store.findMeeting(key), { start_time: moved });
		// Its first start is now far behind the 2-hour window; the lists still show it, under its new start.
		await handle.admin.advanceClock(6 * HOUR_S);
		for (let poll = 0; poll < 3; poll++) expect((await scheduled.poll()).items).toBeNull();
		expect(scheduled.state()?.seen[key]).toBe(Date.parse(moved) / 1000);
	});
});

describe('Fetch Test Event', () => {
	test('for Meeting Scheduled it is the meeting scheduled last, not the one that starts last', async () => {
		const now = await virtualNow();
		await handle.admin.seed({ meetings: [{ topic: 'Planned long ago', start_time: zohoTime(now + 30 * 24 * HOUR_MS) }] });
		await handle.admin.advanceClock(60);
		await handle.admin.seed({ meetings: [{ topic: 'Just scheduled', start_time: zohoTime(now + 2 * HOUR_MS) }] });
		const scheduled = trigger(handle, 'meetingScheduled');

		expect(emitted((await scheduled.poll('manual')).items).map((m) => m.topic)).toEqual(['Just scheduled']);
		expect(scheduled.snapshot()).toBe('{}');
	});

	test('for New Webinar Registration with no upcoming webinar, it says what to do', async () => {
		const registrations = trigger(handle, 'newRegistration', { parameters: { filters: { topic: 'launch' } } });

		await expect(registrations.poll('manual')).rejects.toMatchObject({
			message: 'No webinar registration yet',
			description: expect.stringMatching(/no webinar registration with "launch" in its webinar's topic within .* Register for an upcoming webinar/),
		});
	});
});

describe('Meeting Cancelled', () => {
	test('a cancellation after activation comes out once; one cancelled before does not', async () => {
		const now = await virtualNow();
		const { meetings } = await handle.admin.seed({
			meetings: [
				{ topic: 'Offsite', start_time: zohoTime(now + 24 * HOUR_MS), status: 'cancelled' },
				{ topic: 'Board meeting', start_time: zohoTime(now + 48 * HOUR_MS) },
			],
		});
		const [offsite, board] = meetings.map((meeting) => meeting.meeting_key);
		const cancelled = trigger(handle, 'meetingCancelled');
		expect((await cancelled.poll()).items).toBeNull();
		expect(Object.keys(cancelled.state()?.seen ?? {})).toEqual([offsite]);

		const store = handle.sandbox.state;
		store.cancelMeeting(store.findMeeting(board));
		await handle.admin.clearRequests();

		expect(emitted((await cancelled.poll()).items)).toEqual([
			expect.objectContaining({ meeting_key: board, topic: 'Board meeting', status: 'cancelled' }),
		]);
		expect((await listRequests(handle, 'meetingCancelled')).map((r) => r.query.status)).toEqual(['cancelled']);
		expect((await cancelled.poll()).items).toBeNull();
	});
});

describe('New Webinar Registration', () => {
	async function seedWebinars() {
		const now = await virtualNow();
		const { webinars } = await handle.admin.seed({
			webinars: [
				{ topic: 'Partner Summit', start_time: zohoTime(now + 48 * HOUR_MS), duration: 60 },
				{ topic: 'Product Launch', start_time: zohoTime(now + 24 * HOUR_MS), duration: 60 },
				{ topic: 'Last Quarter', start_time: zohoTime(now - 30 * 24 * HOUR_MS), duration: 60, status: 'completed' },
			],
		});
		const [summit, launch, past] = webinars.map((webinar) => webinar.webinar_key);
		await handle.admin.seed({ registrations: [{ webinar_key: launch, email: 'early@example.com' }] });
		return { summit, launch, past, webinars };
	}

	test('a registration for any upcoming webinar comes out once, with its webinar', async () => {
		const { summit, launch, webinars } = await seedWebinars();
		const registrations = trigger(handle, 'newRegistration');
		expect((await registrations.poll()).items).toBeNull();

		await handle.admin.seed({
			registrations: [
				{ webinar_key: summit, email: 'jane@example.com', name: 'Jane' },
				{ webinar_key: launch, email: 'max@example.com', name: 'Max' },
			],
		});
		await handle.admin.clearRequests();
		const found = emitted((await registrations.poll()).items);

		// Oldest start first: the launch is a day before the summit.
		expect(found).toEqual([
			expect.objectContaining({ email: 'max@example.com', webinar_key: launch, webinar_topic: 'Product Launch', webinar_start_time: webinars[1].start_time, status: 'pending' }),
			expect.objectContaining({ email: 'jane@example.com', webinar_key: summit, webinar_topic: 'Partner Summit', webinar_start_time: webinars[0].start_time }),
		]);
		// The upcoming webinars, then each one's registrations in key order; the past webinar is not asked.
		const requests = await listRequests(handle, 'newRegistration');
		expect(requests.map(({ path, query }) => ({ path, query }))).toEqual([
			{ path: '/api/v2/webinars', query: { status: 'scheduled', from_date: expect.any(String), page: '1', per_page: '100' } },
			{ path: `/api/v2/webinars/${summit}/registrations`, query: { page: '1', per_page: '100' } },
			{ path: `/api/v2/webinars/${launch}/registrations`, query: { page: '1', per_page: '100' } },
		]);
		expect((await registrations.poll()).items).toBeNull();
	});

	test('a chosen webinar: only its registrations, read with one request for the webinar', async () => {
		const { summit, launch } = await seedWebinars();
		const registrations = trigger(handle, 'newRegistration', { parameters: { webinarKey: byWebinar(summit) } });
		expect((await registrations.poll()).items).toBeNull();
		await handle.admin.seed({
			registrations: [
				{ webinar_key: launch, email: 'other@example.com' },
				{ webinar_key: summit, email: 'jane@example.com' },
			],
		});
		await handle.admin.clearRequests();

		expect(emitted((await registrations.poll()).items).map((r) => r.email)).toEqual(['jane@example.com']);
		expect((await handle.admin.requests('api')).map((r) => r.path)).toEqual([
			`/api/v2/webinars/${summit}`,
			`/api/v2/webinars/${summit}/registrations`,
		]);
	});

	test('more registrations than a page, and a webinar deleted while the poll runs, are read through', async () => {
		const { summit, launch } = await seedWebinars();
		const registrations = trigger(handle, 'newRegistration');
		expect((await registrations.poll()).items).toBeNull();
		const { registrations: burst } = await handle.admin.seed({
			registrations: Array.from({ length: 130 }, (_, i) => ({ webinar_key: launch, email: `r${i}@example.com` })),
		});
		// The summit goes once its webinar was listed, before its registrations are read.
		await handle.admin.seed({ registrations: [{ webinar_key: summit, email: 'gone@example.com' }] });
		const store = handle.sandbox.state;
		const list = store.listWebinars.bind(store);
		jest.spyOn(store, 'listWebinars').mockImplementationOnce((filter) => {
			const listed = list(filter);
			store.deleteWebinar(summit);
			return listed;
		});

		const found = emitted((await registrations.poll()).items).map((r) => r.registration_id);

		expect(found.sort()).toEqual(burst.map((r) => r.registration_id).sort());
		expect((await registrations.poll()).items).toBeNull();
	});
});
