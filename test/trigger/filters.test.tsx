import { NodeOperationError } from 'n8n-workflow';

import { emitted, HOUR_S, trigger, useSandbox, zohoTime } from './fixture';

/** Topic Contains and Presenter Email, on the events that have them. */
const handle = useSandbox();

const HOUR_MS = HOUR_S * 1000;
const JANE = { email: 'jane.smith@example.com', name: 'Jane Smith' };

async function seedCompleted(...meetings: Array<{ topic: string; presenter?: typeof JANE; recording?: boolean }>) {
	const now = (await handle.admin.clock()).nowMs;
	const { meetings: seeded } = await handle.admin.seed({
		meetings: meetings.map(({ topic, presenter, recording }) => ({
			topic,
			presenter,
			start_time: zohoTime(now - HOUR_MS),
			duration: 30,
			recording_enabled: recording ?? false,
		})),
	});
	return seeded.map((meeting) => meeting.meeting_key);
}

test('only meetings whose topic contains the text, ignoring case, and whose presenter is the one given', async () => {
	const completed = trigger(handle, 'meetingCompleted', {
		parameters: { filters: { topic: 'SALES', presenter: ' Jane.Smith@Example.com ' } },
	});
	expect((await completed.poll()).items).toBeNull();

	const [match] = await seedCompleted(
		{ topic: 'Weekly sales sync', presenter: JANE },
		{ topic: 'Weekly sales sync' },
		{ topic: 'Design review', presenter: JANE },
	);

	expect(emitted((await completed.poll()).items).map((m) => m.meeting_key)).toEqual([match]);
	// What the filters left out is remembered with the rest: it never comes out later.
	expect(Object.keys(completed.state()?.seen ?? {})).toHaveLength(3);
	expect((await completed.poll()).items).toBeNull();
});

test("for New Recording the presenter is the recording's meeting's, asked once per meeting and only for new recordings", async () => {
	const recordings = trigger(handle, 'recordingAvailable', { parameters: { filters: { presenter: JANE.email } } });
	expect((await recordings.poll()).items).toBeNull();
	const [janes, owners] = await seedCompleted({ topic: 'Demo', presenter: JANE }, { topic: 'Demo' });
	const { recordings: seeded } = await handle.admin.seed({
		recordings: [{ meeting_key: janes }, { meeting_key: owners }, { meeting_key: janes }],
	});
	await handle.admin.clearRequests();

	const found = emitted((await recordings.poll()).items).map((r) => r.recording_id);

	expect(found.sort()).toEqual([seeded[0].recording_id, seeded[2].recording_id].sort());
	const lookups = (await handle.admin.requests('api')).filter((r) => r.path.startsWith('/api/v2/meetings/'));
	expect(lookups.map((r) => r.path).sort()).toEqual([`/api/v2/meetings/${janes}`, `/api/v2/meetings/${owners}`].sort());
	await handle.admin.clearRequests();
	expect((await recordings.poll()).items).toBeNull();
	expect((await handle.admin.requests('api')).map((r) => r.path)).toEqual(['/api/v2/recordings']);
});

test('changing a filter starts over: registrations the old one left out never come out', async () => {
	const now = (await handle.admin.clock()).nowMs;
	const { webinars } = await handle.admin.seed({
		webinars: [
			{ topic: 'Product Launch', start_time: zohoTime(now + 24 * HOUR_MS) },
			{ topic: 'Partner Summit', start_time: zohoTime(now + 48 * HOUR_MS) },
		],
	});
	const summit = webinars[1].webinar_key;
	const launches = trigger(handle, 'newRegistration', { parameters: { filters: { topic: 'launch' } } });
	expect((await launches.poll()).items).toBeNull();
	await handle.admin.seed({ registrations: [{ webinar_key: summit, email: 'left.out@example.com' }] });
	await handle.admin.clearRequests();
	// The summit's registrations are not even asked for.
	expect((await launches.poll()).items).toBeNull();
	expect((await handle.admin.requests('api')).map((r) => r.path)).not.toContain(`/api/v2/webinars/${summit}/registrations`);

	const summits = trigger(handle, 'newRegistration', {
		staticData: launches.staticData,
		parameters: { filters: { topic: 'summit' } },
	});
	expect((await summits.poll()).items).toBeNull();
	expect(summits.state()?.scope).toBe(JSON.stringify({ topic: 'summit' }));
	await handle.admin.seed({ registrations: [{ webinar_key: summit, email: 'new@example.com' }] });
	expect(emitted((await summits.poll()).items).map((r) => r.email)).toEqual(['new@example.com']);
});

test('a presenter that is not an email address fails before any request, naming the field', async () => {
	const completed = trigger(handle, 'meetingCompleted', { parameters: { filters: { presenter: 'Jane Smith' } } });

	const error: unknown = await completed.poll().catch((e: unknown) => e);

	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error).toMatchObject({
		message: 'Presenter Email "Jane Smith" is not an email address',
		description: 'Enter an address such as jane.smith@example.com.',
	});
	expect(await handle.admin.requests('api')).toEqual([]);
});

test('Fetch Test Event returns the newest object that passes the filters', async () => {
	const [, older] = await seedCompleted({ topic: 'Sales kickoff' }, { topic: 'Sales kickoff', presenter: JANE });
	await handle.admin.advanceClock(60);
	await seedCompleted({ topic: 'Design review', presenter: JANE });
	const completed = trigger(handle, 'meetingCompleted', { parameters: { filters: { topic: 'sales', presenter: JANE.email } } });

	expect(emitted((await completed.poll('manual')).items).map((m) => m.meeting_key)).toEqual([older]);

	const nobody = trigger(handle, 'meetingCompleted', { parameters: { filters: { presenter: 'nobody@example.com' } } });
	const error: unknown = await nobody.poll('manual').catch((e: unknown) => e);
	expect(error).toMatchObject({
		message: 'No completed meeting yet',
		description: expect.stringContaining('no completed meeting presented by nobody@example.com within the Look-Back Window'),
	});
});
