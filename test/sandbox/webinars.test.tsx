import { expectZohoError, Harness, isoIn, minutesAfter } from './helpers';

describe('sandbox webinars (spec "Webinars API")', () => {
	const h = new Harness();

	const launch = {
		topic: 'Product Launch Webinar',
		description: 'Introducing our latest product features',
		duration: 90,
		timezone: 'America/New_York',
		max_attendees: 500,
		registration_required: true,
		settings: { allow_questions: true, allow_polls: true, record_webinar: true },
	};

	it("creates a webinar: 201 with keys, URLs, status and the body's fields", async () => {
		const start = isoIn(86_400);
		const response = await h.api('POST', '/webinars', { body: { ...launch, start_time: start } });
		expect(response.status).toBe(201);
		const webinar = response.body.data;
		expect(webinar).toEqual({
			webinar_key: expect.stringMatching(/^\d+$/),
			...launch,
			start_time: start,
			webinar_url: expect.stringContaining(`${h.url}/webinar/join/`),
			registration_url: expect.stringContaining(`${h.url}/webinar/register/`),
			status: 'scheduled',
			created_time: expect.any(String),
			modified_time: webinar.created_time,
		});
		expect((await h.api('GET', `/webinars/${webinar.webinar_key}`)).body.data).toEqual(webinar);
	});

	it('validates the body like meetings: unknown fields, types, dates, past starts', async () => {
		const create = (fields: Record<string, unknown>) =>
			h.api('POST', '/webinars', { body: { topic: 'W', start_time: isoIn(3600), ...fields } });
		const unknown = await create({ settings: { allow_chat: true } });
		expectZohoError(unknown, 400, 'INVALID_PARAMETER');
		expect(unknown.body.error.message).toBe('Unknown field: settings.allow_chat');
		expectZohoError(await create({ max_attendees: '500' }), 400, 'INVALID_PARAMETER');
		expectZohoError(await create({ start_time: 'tomorrow' }), 400, 'INVALID_DATE_FORMAT');
		expectZohoError(await create({ start_time: isoIn(-3600) }), 400, 'MEETING_PAST');
	});

	it('lists, filters, updates and deletes; unknown keys answer INVALID_WEBINAR_KEY', async () => {
		const { webinars } = await h.admin.seed({ webinars: [{ status: 'completed' }, {}, {}] });
		const list = await h.api('GET', '/webinars?per_page=2');
		expect(list.body.pagination).toEqual({ page: 1, per_page: 2, total: 3, has_more: true });
		expect(list.body.data[0].webinar_key).toBe(webinars[0].webinar_key);
		const completed = await h.api('GET', '/webinars?status=completed');
		expect(completed.body.data.map((w: { webinar_key: string }) => w.webinar_key)).toEqual([
			webinars[0].webinar_key,
		]);
		expectZohoError(await h.api('GET', '/webinars?status=cancelled'), 400, 'INVALID_PARAMETER');

		const key = webinars[1].webinar_key;
		const updated = await h.api('PUT', `/webinars/${key}`, {
			body: { topic: 'Renamed', settings: { allow_polls: false } },
		});
		expect(updated.status).toBe(200);
		expect(updated.body.data).toMatchObject({
			topic: 'Renamed',
			settings: { allow_questions: true, allow_polls: false },
		});
		expectZohoError(
			await h.api('PUT', `/webinars/${webinars[0].webinar_key}`, { body: { topic: 'Too late' } }),
			400,
			'MEETING_PAST',
		);

		expect((await h.api('DELETE', `/webinars/${key}`)).status).toBe(204);
		for (const [method, path] of [
			['GET', `/webinars/${key}`],
			['PUT', `/webinars/${key}`],
			['DELETE', `/webinars/${key}`],
			['GET', `/webinars/${key}/registrations`],
		]) {
			expectZohoError(
				await h.api(method, path, { body: method === 'PUT' ? {} : undefined }),
				404,
				'INVALID_WEBINAR_KEY',
			);
		}
	});

	it('completes a webinar on the virtual clock', async () => {
		const webinar = (
			await h.api('POST', '/webinars', {
				body: { topic: 'W', start_time: isoIn(600), duration: 60 },
			})
		).body.data;
		const end = minutesAfter(webinar.start_time, 60);
		await h.admin.setClock(end);
		const done = (await h.api('GET', `/webinars/${webinar.webinar_key}`)).body.data;
		expect(done.status).toBe('completed');
		expect(done.modified_time).toBe(end);
	});
});

describe('sandbox registrations (spec "Registrations API")', () => {
	const h = new Harness();

	it("lists a webinar's registrations and approves one", async () => {
		const { webinars, registrations } = await h.admin.seed({
			webinars: [{ registration_required: true }],
			registrations: [
				{ email: 'ann@example.com', name: 'Ann', registered_time: '2026-01-02T03:04:05Z' },
				{ status: 'approved' },
				{},
			],
		});
		const key = webinars[0].webinar_key;
		const list = await h.api('GET', `/webinars/${key}/registrations?per_page=2`);
		expect(list.body.pagination).toEqual({ page: 1, per_page: 2, total: 3, has_more: true });
		expect(list.body.data[0]).toEqual({
			registration_id: registrations[0].registration_id,
			webinar_key: key,
			email: 'ann@example.com',
			name: 'Ann',
			status: 'pending',
			registered_time: '2026-01-02T03:04:05Z',
		});
		expect(list.body.data[1].status).toBe('approved');

		const path = `/webinars/${key}/registrations/${registrations[0].registration_id}/approve`;
		const approved = await h.api('PUT', path);
		expect(approved.status).toBe(200);
		expect(approved.body.data).toEqual({ ...list.body.data[0], status: 'approved' });
		expect((await h.api('PUT', path)).body.data.status).toBe('approved');
		expectZohoError(
			await h.api('PUT', `/webinars/${key}/registrations/404/approve`),
			404,
			'INVALID_REGISTRATION_ID',
		);
		expectZohoError(
			await h.api('PUT', `/webinars/1/registrations/${registrations[0].registration_id}/approve`),
			404,
			'INVALID_WEBINAR_KEY',
		);
	});
});

describe('sandbox settings (spec "Settings API")', () => {
	const h = new Harness();

	it('reads and updates the user settings', async () => {
		const initial = await h.api('GET', '/settings');
		expect(initial.body).toEqual({
			status: 'success',
			data: {
				default_meeting_duration: 60,
				default_timezone: 'UTC',
				auto_recording: false,
				waiting_room_enabled: false,
			},
		});
		const body = {
			default_meeting_duration: 60,
			default_timezone: 'America/New_York',
			auto_recording: true,
			waiting_room_enabled: true,
		};
		const updated = await h.api('PUT', '/settings', { body });
		expect(updated.status).toBe(200);
		expect(updated.body.data).toEqual(body);
		const partial = await h.api('PUT', '/settings', { body: { auto_recording: false } });
		expect(partial.body.data).toEqual({ ...body, auto_recording: false });
		expect((await h.api('GET', '/settings')).body.data).toEqual({ ...body, auto_recording: false });
		const bad = await h.api('PUT', '/settings', { body: { default_meeting_duration: -5 } });
		expectZohoError(bad, 400, 'INVALID_PARAMETER');
		expect(bad.body.error.message).toContain('default_meeting_duration');
	});
});
