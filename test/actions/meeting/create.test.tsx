import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

/** An ISO time a day from now, on the whole second, as Zoho sends it. */
function tomorrowUtc(): string {
	return new Date(Math.ceil(Date.now() / 1000) * 1000 + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

describe('meeting: create', () => {
	it('schedules a meeting with exactly the spec body and returns the new meeting', async () => {
		const start = tomorrowUtc();
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Product Demo',
			startTime: start,
			duration: 45,
			timezone: 'America/New_York',
			additionalFields: {
				agenda: 'Demonstrate new features to client',
				recordingEnabled: true,
				enableWaitingRoom: true,
				muteParticipantsOnEntry: true,
				participants: { participant: [{ email: 'client@example.com', name: 'Jane Smith' }] },
			},
		});

		expect(result.error).toBeUndefined();
		const [item] = result.output(ZOHO_NODE_NAME);
		expect(item.json).toMatchObject({ topic: 'Product Demo', start_time: start, duration: 45, status: 'scheduled' });
		expect(item.json.meeting_key).toMatch(/^\d+$/);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/meetings',
				query: {},
				body: {
					topic: 'Product Demo',
					agenda: 'Demonstrate new features to client',
					start_time: start,
					duration: 45,
					timezone: 'America/New_York',
					recording_enabled: true,
					settings: { mute_participants_on_entry: true, enable_waiting_room: true },
					participants: [{ email: 'client@example.com', name: 'Jane Smith' }],
				},
			},
		]);
	});

	it('reads a start time without an offset in the meeting time zone and sends UTC', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Standup',
			startTime: '2099-07-01T09:00:00',
			duration: 15,
			timezone: 'Europe/Berlin',
		});
		expect(result.error).toBeUndefined();
		const [request] = await sandbox.apiRequests();
		expect(request.body).toMatchObject({ start_time: '2099-07-01T07:00:00Z', timezone: 'Europe/Berlin' });
	});

	it("uses the workflow's time zone when none is chosen", async () => {
		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'create', topic: 'Standup', startTime: '2099-01-10T09:00:00', duration: 15 },
			{ timezone: 'Asia/Kolkata' },
		);
		expect(result.error).toBeUndefined();
		const [request] = await sandbox.apiRequests();
		expect(request.body).toMatchObject({ start_time: '2099-01-10T03:30:00Z', timezone: 'Asia/Kolkata' });
	});

	// Issue 10, finding 2: east of UTC, the day before a change was an hour off. These are the
	// issue's times moved to 2027, when the sandbox still takes them as future.
	it.each([
		['2027-10-02T20:00:00', 'Australia/Sydney', '2027-10-02T10:00:00Z'],
		['2027-10-31T01:30:00', 'Europe/Berlin', '2027-10-30T23:30:00Z'],
		['2027-09-25T22:00:00', 'Pacific/Auckland', '2027-09-25T10:00:00Z'],
		// 02:30 happens twice that night in Berlin: the first one.
		['2027-10-31T02:30:00', 'Europe/Berlin', '2027-10-31T00:30:00Z'],
	])('reads %s in %s as %s near a daylight-saving change', async (local, timezone, utc) => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Planning',
			startTime: local,
			duration: 30,
			timezone,
		});
		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests())[0].body).toMatchObject({ start_time: utc, timezone });
		expect(result.output(ZOHO_NODE_NAME)[0].json.start_time).toBe(utc);
	});

	it('refuses a start time that the clocks skip, naming the zone and the jump, before sending anything', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Planning',
			startTime: '2027-03-28T02:30:00',
			duration: 30,
			timezone: 'Europe/Berlin',
		});
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Start Time 2027-03-28T02:30:00 does not exist in Europe/Berlin: clocks jump from 02:00 to 03:00',
		});
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('reads settings given as text from an expression as meant (issue 10, finding 4)', async () => {
		const result = await sandbox.runZoho(
			{
				resource: 'meeting',
				operation: 'create',
				topic: 'Imported',
				startTime: '2099-01-01T10:00:00Z',
				duration: '={{ $json.duration }}',
				timezone: 'UTC',
				additionalFields: {
					recordingEnabled: '={{ $json.recording }}',
					enableWaitingRoom: '={{ $json.waitingRoom }}',
					muteParticipantsOnEntry: '={{ $json.mute }}',
					allowRecording: '={{ $json.allowRecording }}',
					participantLimit: '={{ $json.limit }}',
				},
			},
			{ items: [{ recording: 'false', waitingRoom: ' FALSE ', mute: 'true', allowRecording: 0, duration: ' 45 ', limit: '25' }] },
		);
		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests())[0].body).toMatchObject({
			duration: 45,
			recording_enabled: false,
			participant_limit: 25,
			settings: { enable_waiting_room: false, mute_participants_on_entry: true, allow_recording: false },
		});
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ recording_enabled: false, duration: 45 });
	});

	it('counts the topic in characters as a user sees them: 150 emoji fit in 200 (issue 10, finding 15)', async () => {
		const topic = '🎉'.repeat(150);
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic,
			startTime: '2099-01-01T10:00:00Z',
			duration: 30,
			timezone: 'UTC',
			additionalFields: { participants: { participant: [{ email: 'user@пример.рф' }, { email: 'user@example.xn--p1ai' }] } },
		});
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json.topic).toBe(topic);
		expect((await sandbox.apiRequests())[0].body).toMatchObject({
			topic,
			participants: [{ email: 'user@пример.рф' }, { email: 'user@example.xn--p1ai' }],
		});
	});

	it('schedules a recurring meeting with the recurrence fields of the spec', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Weekly Team Standup',
			startTime: '2099-12-16T09:00:00Z',
			duration: 30,
			timezone: 'America/New_York',
			additionalFields: {
				recurrence: {
					rule: {
						type: 'weekly',
						repeatInterval: 1,
						daysOfWeek: ['monday', 'wednesday', 'friday'],
						endDate: '2100-03-31T23:59:59Z',
					},
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ is_recurring: true });
		const [request] = await sandbox.apiRequests();
		expect(request.body).toMatchObject({
			is_recurring: true,
			recurrence: {
				type: 'weekly',
				repeat_interval: 1,
				days_of_week: ['monday', 'wednesday', 'friday'],
				end_date: '2100-03-31T23:59:59Z',
			},
		});
	});

	it('creates one meeting per input item, each paired with its item', async () => {
		const result = await sandbox.runZoho(
			{
				resource: 'meeting',
				operation: 'create',
				topic: '={{ $json.topic }}',
				startTime: '={{ $json.start }}',
				duration: 30,
				timezone: 'UTC',
			},
			{
				items: [
					{ topic: 'First', start: '2099-01-01T10:00:00Z' },
					{ topic: 'Second', start: '2099-01-02T10:00:00Z' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => [item.json.topic, item.pairedItem])).toEqual([
			['First', { item: 0 }],
			['Second', { item: 1 }],
		]);
	});

	it('answers MEETING_PAST from Zoho as a clear error', async () => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Too late',
			startTime: '2001-01-01T10:00:00Z',
			duration: 30,
			timezone: 'UTC',
		});
		expect(result.error).toMatchObject({
			message: expect.stringMatching(/^MEETING_PAST: /),
			description: expect.stringMatching(/Check the meeting time/),
			httpCode: '400',
		});
	});

	it.each([
		[{ startTime: 'next tuesday' }, /^Start Time "next tuesday" is not an ISO 8601 date-time/],
		[{ duration: -5 }, /^Duration must be a whole number from 1 to 1440/],
		[{ duration: 100000 }, /^Duration must be a whole number from 1 to 1440/],
		[{ duration: '={{ "1e3" }}' }, /^Duration must be a whole number from 1 to 1440/],
		[{ duration: '={{ "0x10" }}' }, /^Duration must be a whole number from 1 to 1440/],
		[{ duration: '={{ "45 minutes" }}' }, /^Duration must be a whole number from 1 to 1440/],
		[{ additionalFields: { recordingEnabled: '={{ "yes" }}' } }, /^Recording Enabled must be true or false/],
		[{ additionalFields: { allowRecording: '={{ "off" }}' } }, /^Allow Recording must be true or false/],
		[{ topic: '={{ "🎉".repeat(201) }}' }, /^Topic is too long \(201 characters\)/],
		[{ topic: '={{ "" }}' }, /^Topic is empty/],
		[{ timezone: 'Mars/Olympus' }, /^Timezone "Mars\/Olympus" is not a known time zone/],
		[
			{ additionalFields: { participants: { participant: [{ email: 'not-an-email' }] } } },
			/is not an email address/,
		],
	])('refuses bad input %j before sending anything', async (override, message) => {
		const result = await sandbox.runZoho({
			resource: 'meeting',
			operation: 'create',
			topic: 'Review',
			startTime: '2099-01-01T10:00:00Z',
			duration: 30,
			timezone: 'UTC',
			...override,
		});
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toBeTruthy();
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
