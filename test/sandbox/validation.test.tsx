import { expectZohoError, Harness, isoIn } from './helpers';

/** Every rejection names what is wrong, so the node can pass a useful message on. */
describe('sandbox request validation', () => {
	const h = new Harness();

	const createWith = (fields: Record<string, unknown>) =>
		h.api('POST', '/meetings', { body: { topic: 'Checked', start_time: isoIn(3600), ...fields } });

	const expectRejected = async (
		response: Promise<Awaited<ReturnType<typeof createWith>>>,
		code: string,
		message: string,
	) => {
		const answer = await response;
		expectZohoError(answer, 400, code);
		expect(answer.body.error.message).toBe(message);
	};

	it("rejects unknown body fields at every level of the spec's body", async () => {
		await expectRejected(createWith({ topc: 'typo' }), 'INVALID_PARAMETER', 'Unknown field: topc');
		await expectRejected(
			createWith({ settings: { enable_waitng_room: true } }),
			'INVALID_PARAMETER',
			'Unknown field: settings.enable_waitng_room',
		);
		await expectRejected(
			createWith({ is_recurring: true, recurrence: { type: 'daily', interval: 2 } }),
			'INVALID_PARAMETER',
			'Unknown field: recurrence.interval',
		);
		await expectRejected(
			createWith({ participants: [{ email: 'a@example.com', role: 'presenter' }] }),
			'INVALID_PARAMETER',
			'Unknown field: participants[0].role',
		);
		const meeting = await h.scheduleMeeting();
		await expectRejected(
			h.api('PUT', `/meetings/${meeting.meeting_key}`, { body: { participants: [] } }),
			'INVALID_PARAMETER',
			'Unknown field: participants',
		);
		await expectRejected(
			h.api('PUT', '/settings', { body: { default_duration: 30 } }),
			'INVALID_PARAMETER',
			'Unknown field: default_duration',
		);
	});

	it('rejects wrong types, naming the field', async () => {
		await expectRejected(
			createWith({ duration: '45' }),
			'INVALID_PARAMETER',
			'Invalid value for duration: expected an integer from 1 to 1440',
		);
		await expectRejected(
			createWith({ duration: 0 }),
			'INVALID_PARAMETER',
			'Invalid value for duration: expected an integer from 1 to 1440',
		);
		await expectRejected(
			createWith({ recording_enabled: 'yes' }),
			'INVALID_PARAMETER',
			'Invalid value for recording_enabled: expected true or false',
		);
		await expectRejected(
			createWith({ settings: [] }),
			'INVALID_PARAMETER',
			'Invalid value for settings: expected a JSON object',
		);
		await expectRejected(
			createWith({ topic: 42 }),
			'INVALID_PARAMETER',
			'Invalid value for topic: expected a string',
		);
		await expectRejected(
			h.api('POST', '/meetings', { body: { start_time: isoIn(3600) } }),
			'INVALID_PARAMETER',
			'Missing required field: topic',
		);
	});

	it('requires IANA time zones', async () => {
		await expectRejected(
			createWith({ timezone: 'EST5' }),
			'INVALID_PARAMETER',
			'Invalid value for timezone: expected an IANA time zone such as America/New_York',
		);
		expect((await createWith({ timezone: 'UTC' })).status).toBe(201);
		expect((await createWith({ timezone: 'Asia/Kolkata' })).status).toBe(201);
		const settings = await h.api('PUT', '/settings', {
			body: { default_timezone: 'Mars/Olympus' },
		});
		expect(settings.body.error.message).toContain('default_timezone');
	});

	it('answers INVALID_DATE_FORMAT naming the date field, in bodies and queries', async () => {
		await expectRejected(
			createWith({ start_time: '12/20/2025 3pm' }),
			'INVALID_DATE_FORMAT',
			'Invalid date for start_time: expected ISO 8601, such as 2025-12-20T15:00:00Z',
		);
		expectZohoError(
			await createWith({ start_time: '2030-02-30T10:00:00Z' }),
			400,
			'INVALID_DATE_FORMAT',
		);
		expectZohoError(
			await createWith({ start_time: '2030-02-10T24:30:00Z' }),
			400,
			'INVALID_DATE_FORMAT',
		);
		const endDate = await createWith({
			is_recurring: true,
			recurrence: { type: 'daily', end_date: 'next week' },
		});
		expectZohoError(endDate, 400, 'INVALID_DATE_FORMAT');
		expect(endDate.body.error.message).toContain('recurrence.end_date');
		for (const name of ['from_date', 'to_date']) {
			const response = await h.api('GET', `/meetings?${name}=yesterday`);
			expectZohoError(response, 400, 'INVALID_DATE_FORMAT');
			expect(response.body.error.message).toContain(name);
		}
		const recordings = await h.api('GET', '/recordings?from_date=2025-13-01');
		expectZohoError(recordings, 400, 'INVALID_DATE_FORMAT');
	});

	it('accepts the ISO 8601 forms clients send: offsets, fractions, dates, no offset', async () => {
		for (const start of [
			'2030-05-01T10:00:00+02:00',
			'2030-05-01T08:00:00.250Z',
			'2030-05-01T08:00:00',
		]) {
			const response = await createWith({ start_time: start });
			expect(response.status).toBe(201);
			expect(response.body.data.start_time).toBe('2030-05-01T08:00:00Z');
		}
		expect(
			(await h.api('GET', '/meetings?from_date=2030-05-01&to_date=2030-05-01T23:59:59.999999'))
				.status,
		).toBe(200);
	});

	it('rejects unknown query parameters', async () => {
		const response = await h.api('GET', '/meetings?limit=10');
		expectZohoError(response, 400, 'INVALID_PARAMETER');
		expect(response.body.error.message).toBe('Unknown query parameter: limit');
		// The spec gives recordings no status filter.
		expectZohoError(await h.api('GET', '/recordings?status=available'), 400, 'INVALID_PARAMETER');
		expectZohoError(await h.api('GET', '/settings?verbose=1'), 400, 'INVALID_PARAMETER');
	});

	it('rejects a body that is not JSON or not an object', async () => {
		const response = await fetch(`${h.url}/api/v2/meetings`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
			body: '{"topic": "unterminated',
		});
		const body = (await response.json()) as { error: { code: string; message: string } };
		expect(response.status).toBe(400);
		expect(body.error).toEqual({
			code: 'INVALID_PARAMETER',
			message: 'Request body is not valid JSON',
		});
		await expectRejected(
			h.api('POST', '/meetings', { body: ['not', 'an', 'object'] }),
			'INVALID_PARAMETER',
			'Invalid value for body: expected a JSON object',
		);
	});

	it('answers NOT_FOUND for paths and methods the API does not have', async () => {
		expectZohoError(await h.api('GET', '/meeting'), 404, 'NOT_FOUND');
		expectZohoError(await h.api('PATCH', '/meetings'), 404, 'NOT_FOUND');
		const outside = await fetch(`${h.url}/api/v3/meetings`);
		expect(outside.status).toBe(404);
	});
});
