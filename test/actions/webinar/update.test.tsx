import type { INodeParameters } from 'n8n-workflow';

import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const update = (webinarKey: string, updateFields: INodeParameters) => ({
	resource: 'webinar',
	operation: 'update',
	webinarKey: locator('id', webinarKey),
	updateFields,
});

describe('Webinar > Update', () => {
	test('sends only the changed fields and returns the updated webinar', async () => {
		const {
			webinars: [webinar],
		} = await sandbox.admin.seed({
			webinars: [{ topic: 'Launch', settings: { allow_questions: true, allow_polls: true, record_webinar: true } }],
		});

		const result = await sandbox.runZoho(
			update(webinar.webinar_key, { topic: 'Product Launch Webinar', maxAttendees: 750, allowPolls: false }),
		);

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'PUT',
				path: `/api/v2/webinars/${webinar.webinar_key}`,
				query: {},
				body: { topic: 'Product Launch Webinar', max_attendees: 750, settings: { allow_polls: false } },
			},
		]);
		expect(result.output(ZOHO_NODE_NAME)).toEqual([
			{
				json: {
					...webinar,
					topic: 'Product Launch Webinar',
					max_attendees: 750,
					settings: { allow_questions: true, allow_polls: false, record_webinar: true },
					modified_time: expect.any(String),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a new start time is read in the new time zone (a half-hour offset) and sent in UTC', async () => {
		const {
			webinars: [webinar],
		} = await sandbox.admin.seed({ webinars: 1 });

		const result = await sandbox.runZoho(
			update(webinar.webinar_key, { startTime: '2030-05-04T10:00:00', timezone: 'Asia/Kolkata' }),
		);

		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests())[0].body).toEqual({
			start_time: '2030-05-04T04:30:00Z',
			timezone: 'Asia/Kolkata',
		});
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({
			start_time: '2030-05-04T04:30:00Z',
			timezone: 'Asia/Kolkata',
		});
	});

	test("a start time without an offset is read in the webinar's own time zone, asked of Zoho", async () => {
		const {
			webinars: [webinar],
		} = await sandbox.admin.seed({ webinars: [{ topic: 'Launch', start_time: '2030-05-01T01:00:00Z', timezone: 'Asia/Tokyo' }] });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(update(webinar.webinar_key, { startTime: '2030-06-01T10:00:00' }), {
			timezone: 'America/New_York',
		});

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/webinars/${webinar.webinar_key}`, query: {}, body: null },
			{ method: 'PUT', path: `/api/v2/webinars/${webinar.webinar_key}`, query: {}, body: { start_time: '2030-06-01T01:00:00Z' } },
		]);
	});

	test("a webinar whose time zone Zoho does not give is not guessed at", async () => {
		const {
			webinars: [webinar],
		} = await sandbox.admin.seed({ webinars: 1 });
		await sandbox.admin.injectFault({
			method: 'GET',
			path: `^/api/v2/webinars/${webinar.webinar_key}$`,
			fault: { type: 'status', status: 200, body: { data: { ...webinar, timezone: 'Mars/Olympus_Mons' } } },
		});
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(update(webinar.webinar_key, { startTime: '2030-06-01T10:00:00' }));

		expect(result.error).toMatchObject({
			message: "The webinar's time zone is unknown",
			description: expect.stringContaining('"Mars/Olympus_Mons"'),
		});
		expect((await sandbox.apiRequests()).map((request) => request.method)).toEqual(['GET']);
	});

	test('empty Update Fields are refused before any request', async () => {
		const result = await sandbox.runZoho(update('2000000001', {}));

		expect(result.error?.message).toBe('Update Fields is empty');
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	test('an unknown webinar key is a 404 INVALID_WEBINAR_KEY', async () => {
		const result = await sandbox.runZoho(update('2999999999', { topic: 'Renamed' }));

		expect(result.error).toMatchObject({
			message: 'INVALID_WEBINAR_KEY: The specified webinar key does not exist',
			httpCode: '404',
		});
	});

	test('a webinar that has already taken place cannot be changed (400 MEETING_PAST)', async () => {
		const {
			webinars: [webinar],
		} = await sandbox.admin.seed({ webinars: [{ status: 'completed' }] });

		const result = await sandbox.runZoho(update(webinar.webinar_key, { topic: 'Renamed' }));

		expect(result.error).toMatchObject({ message: expect.stringMatching(/^MEETING_PAST: /), httpCode: '400' });
	});
});
