import type { INodeParameters } from 'n8n-workflow';

import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const create = (fields: INodeParameters) => ({
	resource: 'webinar',
	operation: 'create',
	...fields,
});

describe('Webinar > Create', () => {
	test("sends the spec's Create Webinar body and returns the new webinar", async () => {
		const result = await sandbox.runZoho(
			create({
				topic: 'Product Launch Webinar',
				startTime: '2030-01-15T13:00:00',
				duration: 90,
				timezone: 'America/New_York',
				additionalFields: {
					description: 'Introducing our latest product features',
					maxAttendees: 500,
					registrationRequired: true,
					allowQuestions: true,
					allowPolls: true,
					recordWebinar: true,
				},
			}),
		);

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'POST',
				path: '/api/v2/webinars',
				query: {},
				body: {
					topic: 'Product Launch Webinar',
					description: 'Introducing our latest product features',
					// 13:00 in New York in January is 18:00 UTC.
					start_time: '2030-01-15T18:00:00Z',
					duration: 90,
					timezone: 'America/New_York',
					max_attendees: 500,
					registration_required: true,
					settings: { allow_questions: true, allow_polls: true, record_webinar: true },
				},
			},
		]);
		const output = result.output(ZOHO_NODE_NAME);
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json).toMatchObject({
			webinar_key: expect.stringMatching(/^\d+$/),
			topic: 'Product Launch Webinar',
			start_time: '2030-01-15T18:00:00Z',
			max_attendees: 500,
			registration_required: true,
			status: 'scheduled',
		});
		const { webinars } = await sandbox.admin.state();
		expect(webinars).toBe(1);
	});

	test("without a time zone, reads the start time in the workflow's zone and sends that zone", async () => {
		const result = await sandbox.runZoho(
			create({ topic: 'Quarterly Update', startTime: '2030-07-01T09:30:00' }),
			{ timezone: 'Europe/Berlin' },
		);

		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests())[0].body).toEqual({
			topic: 'Quarterly Update',
			start_time: '2030-07-01T07:30:00Z',
			duration: 60,
			timezone: 'Europe/Berlin',
		});
	});

	test('reads yes/no settings and numbers given as text from expressions as meant', async () => {
		const result = await sandbox.runZoho(
			create({
				topic: 'Imported',
				startTime: '2030-01-15T18:00:00Z',
				timezone: 'UTC',
				additionalFields: {
					registrationRequired: '={{ $json.registration }}',
					allowQuestions: '={{ $json.questions }}',
					allowPolls: '={{ $json.polls }}',
					recordWebinar: '={{ $json.record }}',
					maxAttendees: '={{ $json.max }}',
				},
			}),
			{ items: [{ registration: 'false', questions: '0', polls: 'False', record: ' true ', max: '750' }] },
		);

		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests())[0].body).toMatchObject({
			max_attendees: 750,
			registration_required: false,
			settings: { allow_questions: false, allow_polls: false, record_webinar: true },
		});
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ registration_required: false });
	});

	test('a start time near a daylight-saving change is exact; one the clocks skip is refused', async () => {
		const sydney = await sandbox.runZoho(
			create({ topic: 'Launch', startTime: '2027-10-02T20:00:00', timezone: 'Australia/Sydney' }),
		);
		expect(sydney.error).toBeUndefined();
		expect((await sandbox.apiRequests())[0].body).toMatchObject({ start_time: '2027-10-02T10:00:00Z' });
		await sandbox.admin.clearRequests();

		const skipped = await sandbox.runZoho(
			create({ topic: 'Launch', startTime: '2027-10-03T02:30:00', timezone: 'Australia/Sydney' }),
		);
		expect(skipped.error?.message).toBe(
			'Start Time 2027-10-03T02:30:00 does not exist in Australia/Sydney: clocks jump from 02:00 to 03:00',
		);
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	test('one webinar per input item, each paired with its item', async () => {
		const result = await sandbox.runZoho(
			create({ topic: '={{ $json.topic }}', startTime: '={{ $json.start }}', timezone: 'UTC' }),
			{
				items: [
					{ topic: 'Onboarding, part 1', start: '2030-02-01T10:00:00Z' },
					{ topic: 'Onboarding, part 2', start: '2030-02-08T10:00:00Z' },
				],
			},
		);

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => [item.json.topic, item.json.start_time, item.pairedItem])).toEqual([
			['Onboarding, part 1', '2030-02-01T10:00:00Z', { item: 0 }],
			['Onboarding, part 2', '2030-02-08T10:00:00Z', { item: 1 }],
		]);
	});

	test('a start time that is not a date is refused before any request', async () => {
		const result = await sandbox.runZoho(
			create({ topic: 'Launch', startTime: '15/01/2030 18:00', timezone: 'UTC' }),
		);

		expect(result.error?.message).toBe('Start Time "15/01/2030 18:00" is not an ISO 8601 date-time');
		expect(result.error?.description).toMatch(/2025-12-20T15:00:00Z/);
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	test.each([
		['an empty topic', { topic: '  ' }, 'Topic is empty'],
		['a topic over 200 characters', { topic: 'x'.repeat(201) }, 'Topic is too long (201 characters)'],
		['a duration of 0', { duration: 0 }, 'Duration must be a whole number from 1 to 1440'],
		[
			'too many attendees',
			{ additionalFields: { maxAttendees: 10_001 } },
			'Max Attendees must be a whole number from 1 to 10000',
		],
		['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'Timezone "Mars/Olympus_Mons" is not a known time zone'],
		[
			'"no" for Registration Required',
			{ additionalFields: { registrationRequired: '={{ "no" }}' } },
			'Registration Required must be true or false',
		],
		['a hex number of attendees', { additionalFields: { maxAttendees: '={{ "0x64" }}' } }, 'Max Attendees must be a whole number from 1 to 10000'],
	])('%s is refused before any request', async (_, fields, message) => {
		const result = await sandbox.runZoho(
			create({ topic: 'Launch', startTime: '2030-01-15T18:00:00Z', ...fields }),
		);

		expect(result.error?.message).toBe(message);
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	test("the API's 400 for a date it rejects is reported with Zoho's code and the fix", async () => {
		await sandbox.admin.injectFault({
			method: 'POST',
			path: '^/api/v2/webinars$',
			fault: { type: 'status', status: 400, code: 'INVALID_DATE_FORMAT', message: 'Date format is incorrect' },
		});
		const result = await sandbox.runZoho(
			create({ topic: 'Launch', startTime: '2030-01-15T18:00:00Z', timezone: 'UTC' }),
		);

		expect(result.error).toMatchObject({
			message: 'INVALID_DATE_FORMAT: Date format is incorrect',
			description: 'Use an ISO 8601 date-time such as 2025-12-20T15:00:00Z.',
			httpCode: '400',
		});
		// A POST is never sent twice: the webinar might have been created.
		expect(await sandbox.apiRequests()).toHaveLength(1);
	});

	test('a start time in the past is answered 400 MEETING_PAST', async () => {
		const result = await sandbox.runZoho(
			create({ topic: 'Launch', startTime: '2020-01-15T18:00:00Z', timezone: 'UTC' }),
		);

		expect(result.error).toMatchObject({
			message: expect.stringMatching(/^MEETING_PAST: /),
			httpCode: '400',
		});
		expect((await sandbox.admin.state()).webinars).toBe(0);
	});
});
