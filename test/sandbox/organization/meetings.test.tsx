import {
	expectOrgAnswer,
	expectOrgFailure,
	Harness,
	ORG_ERRORS,
	orgPath,
	ZSOID,
	ZUID,
} from '../helpers';

const create = (h: Harness, session: Record<string, unknown>) =>
	h.request('POST', orgPath('/sessions.json'), { body: { session } });

const MONTHLY = {
	topic: 'Monthly Marketing Meeting',
	agenda: 'Points to get noted during meeting.',
	presenter: ZUID,
	startTime: 'Jun 19, 2035 07:00 PM',
	duration: 3_600_000,
	timezone: 'Asia/Calcutta',
	participants: [{ email: 'dummy@email.com' }],
};

describe('sandbox organization dialect: the current user and meetings (sessions)', () => {
	const h = new Harness({ api: 'organization' });

	it('answers user.json with the zsoid every other path needs', async () => {
		const me = await h.request('GET', '/api/v2/user.json');
		expect(me.status).toBe(200);
		expect(me.body).toEqual({
			userDetails: { zsoid: ZSOID, zuid: ZUID, primaryEmail: 'owner@sandbox.test' },
		});
		expect((await h.admin.state()).account).toMatchObject({ zsoid: ZSOID, zuid: ZUID });
	});

	it('creates a meeting from the create-a-meeting.html body: 201 with the fields that page lists', async () => {
		const response = await create(h, MONTHLY);
		expect(response.status).toBe(201);
		const session = response.body.session;
		expect(Object.keys(session)).toEqual([
			'meetingKey',
			'topic',
			'agenda',
			'presenter',
			'startTime',
			'endTime',
			'duration',
			'timezone',
			'offset',
			'pwd',
			'encryptPwd',
			'creatorZuid',
			'joinLink',
			'startLink',
			'participants',
		]);
		expect(session).toMatchObject({
			meetingKey: expect.any(Number),
			topic: 'Monthly Marketing Meeting',
			agenda: 'Points to get noted during meeting.',
			presenter: ZUID,
			startTime: 'Jun 19, 2035 07:00 PM IST',
			endTime: 'Jun 19, 2035 08:00 PM IST',
			duration: 3_600_000,
			timezone: 'Asia/Calcutta',
			offset: 19_800_000,
			encryptPwd: expect.stringMatching(/^[0-9a-f]{64}$/),
			creatorZuid: ZUID,
			participants: [{ id: expect.any(String), email: 'dummy@email.com' }],
		});
		const [request] = await h.admin.requests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/api/v2/${ZSOID}/sessions.json`,
			body: { session: MONTHLY },
			status: 201,
			api: 'organization',
		});
	});

	it('gets, edits and deletes a meeting by its key', async () => {
		const key = (await create(h, MONTHLY)).body.session.meetingKey;
		const got = await h.request('GET', orgPath(`/sessions/${key}.json`));
		expect(got.status).toBe(200);
		expect(got.body.session).toMatchObject({
			meetingKey: key,
			presenterEmail: 'owner@sandbox.test',
			presenterName: 'Sandbox Owner',
			startTime: 'Jun 19, 2035 07:00 PM IST',
			meetingEmbedUrl: expect.stringContaining(`meetingKey=${key}`),
			participants: [{ email: 'dummy@email.com' }],
		});

		const edited = await h.request('PUT', orgPath(`/sessions/${key}.json`), {
			body: {
				session: {
					topic: 'Moved',
					startTime: 'Jun 20, 2035 09:30 AM',
					timezone: 'Europe/Berlin',
					duration: 2_700_000,
					participants: [{ email: 'late@example.com' }],
				},
			},
		});
		expect(edited.status).toBe(200);
		// edit-meeting-api.html: no zone after startTime, and no endTime.
		expect(edited.body.session).toMatchObject({
			topic: 'Moved',
			startTime: 'Jun 20, 2035 09:30 AM',
			duration: 2_700_000,
			timezone: 'Europe/Berlin',
		});
		expect(edited.body.session).not.toHaveProperty('endTime');
		await h.admin.setApi('v2');
		expect((await h.api('GET', `/meetings/${key}`)).body.data).toMatchObject({
			start_time: '2035-06-20T07:30:00Z',
			duration: 45,
			participants: [
				expect.objectContaining({ email: 'dummy@email.com' }),
				expect.objectContaining({ email: 'late@example.com' }),
			],
		});
		await h.admin.setApi('organization');

		const deleted = await h.request('DELETE', orgPath(`/sessions/${key}.json`));
		expect({ status: deleted.status, text: deleted.text }).toEqual({ status: 204, text: '' });
		expectOrgAnswer(await h.request('GET', orgPath(`/sessions/${key}.json`)), ORG_ERRORS.invalidKey);
		expectOrgAnswer(await h.request('DELETE', orgPath(`/sessions/${key}.json`)), ORG_ERRORS.invalidKey);
	});

	it('reads startTime in the account default zone when the body names none', async () => {
		const response = await create(h, { topic: 'No zone', startTime: 'Jan 4, 2036 07:00 PM' });
		expect(response.body.session).toMatchObject({
			startTime: 'Jan 04, 2036 07:00 PM UTC',
			timezone: 'UTC',
			duration: 3_600_000,
		});
	});

	it.each([
		['no session wrapper', {}, 'Missing required field: session'],
		['fields outside it', { topic: 'Unwrapped', startTime: 'Jun 19, 2035 07:00 PM' }, 'Unknown field: topic'],
		['no topic', { session: { startTime: 'Jun 19, 2035 07:00 PM' } }, 'Missing required field: session.topic'],
		[
			"the v2 dialect's names",
			{ session: { topic: 'v2 names', start_time: '2035-06-19T19:00:00Z' } },
			'Unknown field: session.start_time',
		],
		[
			'a duration in minutes',
			{ session: { ...MONTHLY, duration: 60 } },
			'Invalid value for session.duration: expected an integer from 60000 to 86400000',
		],
		[
			'a duration of part of a minute',
			{ session: { ...MONTHLY, duration: 3_630_000 } },
			'Invalid value for session.duration: expected milliseconds in whole minutes',
		],
		[
			'another presenter',
			{ session: { ...MONTHLY, presenter: 42 } },
			'Invalid value for session.presenter: 42 is not a user of this organization',
		],
		['an unknown zone', { session: { ...MONTHLY, timezone: 'Mars/Olympus' } }, 'Invalid value for session.timezone'],
	])('refuses a body with %s, naming the field', async (_, body, message) => {
		const response = await h.request('POST', orgPath('/sessions.json'), { body });
		expectOrgFailure(response, 400, 'INVALID_PARAMETER');
		expect(response.body.error.message).toContain(message);
		expect((await h.admin.state()).meetings).toBe(0);
	});

	it.each(['2035-06-19T19:00:00Z', 'Jun 19, 2035 19:00', '19/06/2035 07:00 PM'])(
		'refuses the startTime %j with the format it expects',
		async (startTime) => {
			const response = await create(h, { ...MONTHLY, startTime });
			expectOrgFailure(response, 400, 'INVALID_DATE_FORMAT');
			expect(response.body.error.message).toContain('such as "Jun 19, 2030 07:00 PM"');
			expect(response.body.error.message).toContain('Asia/Calcutta');
		},
	);

	it('refuses a start in the past, as the store does in either dialect', async () => {
		expectOrgFailure(await create(h, { ...MONTHLY, startTime: 'Jun 19, 2020 07:00 PM' }), 400, 'MEETING_PAST');
	});

	it("answers Zoho's documented errors: bad token, unknown key, another organization", async () => {
		expectOrgAnswer(
			await h.request('GET', orgPath('/sessions.json?listtype=all&index=1&count=100'), { token: null }),
			ORG_ERRORS.invalidToken,
		);
		expectOrgAnswer(
			await h.request('GET', orgPath('/sessions.json?listtype=all&index=1&count=100'), { token: 'expired-or-wrong' }),
			ORG_ERRORS.invalidToken,
		);
		await h.admin.expireTokens();
		expectOrgAnswer(await h.request('GET', '/api/v2/user.json'), ORG_ERRORS.invalidToken);
		h.token = (await h.admin.issueTokens()).access_token;
		expectOrgAnswer(await h.request('GET', orgPath('/sessions/1234.json')), ORG_ERRORS.invalidKey);
		expectOrgAnswer(
			await h.request('GET', `/api/v2/${ZSOID + 1}/sessions.json?listtype=all&index=1&count=100`),
			ORG_ERRORS.unauthorizedUser,
		);
	});

	it('takes the Zoho-oauthtoken scheme of the examples as well as Bearer', async () => {
		const response = await h.request('GET', '/api/v2/user.json', { scheme: 'Zoho-oauthtoken' });
		expect(response.status).toBe(200);
	});

	it('opens each endpoint with its documented scope or the area ALL, matched without case', async () => {
		const read = (await h.admin.issueTokens({ scope: 'ZohoMeeting.meeting.READ' })).access_token;
		const list = () => h.request('GET', orgPath('/sessions.json?listtype=all&index=1&count=100'), { token: read });
		expect((await list()).status).toBe(200);
		const refused = await h.request('POST', orgPath('/sessions.json'), {
			token: read,
			body: { session: MONTHLY },
		});
		expectOrgFailure(refused, 403, 'INSUFFICIENT_SCOPE');
		expect(refused.body.error.message).toContain(
			'ZohoMeeting.meeting.CREATE or ZohoMeeting.meeting.ALL',
		);
		const all = (await h.admin.issueTokens({ scope: 'ZohoMeeting.meeting.ALL' })).access_token;
		expect((await h.request('POST', orgPath('/sessions.json'), { token: all, body: { session: MONTHLY } })).status).toBe(201);
		expectOrgFailure(await h.request('GET', '/api/v2/user.json', { token: all }), 403, 'INSUFFICIENT_SCOPE');
		const org = (await h.admin.issueTokens({ scope: 'ZohoMeeting.manageorg.READ' })).access_token;
		expect((await h.request('GET', '/api/v2/user.json', { token: org })).status).toBe(200);
	});

	it('lists by listtype, with count the total of the type', async () => {
		await h.admin.seed({
			meetings: [
				{ topic: 'Done long ago', start_time: '2020-01-01T10:00:00Z', status: 'completed' },
				{ topic: 'Done lately', start_time: '2024-01-01T10:00:00Z', status: 'completed' },
				{ topic: 'Called off', status: 'cancelled' },
				{ topic: 'Next year', start_time: '2099-01-01T10:00:00Z' },
			],
		});
		const list = async (type: string) => {
			const response = await h.request('GET', orgPath(`/sessions.json?listtype=${type}&index=1&count=100`));
			expect(response.status).toBe(200);
			return { topics: response.body.session.map((s: { topic: string }) => s.topic), count: response.body.count };
		};
		expect(await list('all')).toEqual({
			topics: ['Done long ago', 'Done lately', 'Next year'],
			count: 3,
		});
		expect(await list('past')).toEqual({ topics: ['Done lately', 'Done long ago'], count: 2 });
		expect(await list('upcoming')).toEqual({ topics: ['Next year'], count: 1 });
		expect(await list('today')).toEqual({ topics: [], count: 0 });
		const entry = (await h.request('GET', orgPath('/sessions.json?listtype=upcoming&index=1&count=1'))).body.session[0];
		// list-of-meeting-api.html's fields, in its order.
		expect(Object.keys(entry)).toEqual([
			'meetingKey',
			'topic',
			'presenterEmail',
			'presenterZuid',
			'startTime',
			'endTime',
			'duration',
			'timezone',
			'creatorZuid',
			'joinLink',
			'meetingEmbedUrl',
			'pwd',
			'encryptPwd',
			'sysId',
		]);
		expect(entry).toMatchObject({
			meetingKey: expect.any(Number),
			presenterEmail: 'owner@sandbox.test',
			presenterZuid: ZUID,
			startTime: 'Jan 01, 2099 10:00 AM UTC',
			endTime: 'Jan 01, 2099 11:00 AM UTC',
			duration: 3_600_000,
			joinLink: expect.stringContaining('/meeting/join/'),
		});
	});

	it("counts today in the account's time zone, and moves a meeting from upcoming to past with the clock", async () => {
		const now = Date.now();
		const { meetings } = await h.admin.seed({
			meetings: [{ topic: 'Soon', start_time: new Date(now + 2 * 60_000).toISOString(), duration: 5 }],
		});
		const types = async () => {
			const of = async (type: string) =>
				(await h.request('GET', orgPath(`/sessions.json?listtype=${type}&index=1&count=100`))).body.count;
			return { today: await of('today'), upcoming: await of('upcoming'), past: await of('past') };
		};
		const startsToday =
			new Date(now + 2 * 60_000).toISOString().slice(0, 10) === new Date(now).toISOString().slice(0, 10);
		expect(await types()).toEqual({ today: startsToday ? 1 : 0, upcoming: 1, past: 0 });
		await h.admin.advanceClock(4 * 60);
		expect(await types()).toMatchObject({ upcoming: 0, past: 0 });
		await h.admin.advanceClock(10 * 60);
		expect(await types()).toMatchObject({ upcoming: 0, past: 1 });
		expect(meetings[0].topic).toBe('Soon');
	});

	it('refuses a missing or unknown listtype, a missing index or count, and unknown query parameters', async () => {
		const message = async (query: string) => {
			const response = await h.request('GET', orgPath(`/sessions.json${query}`));
			expectOrgFailure(response, 400, 'INVALID_PARAMETER');
			return response.body.error.message;
		};
		expect(await message('?index=1&count=10')).toBe(
			'Missing listtype: expected one of all, past, today, upcoming',
		);
		expect(await message('?listtype=week&index=1&count=10')).toBe(
			'Invalid listtype: expected one of all, past, today, upcoming',
		);
		// list-of-meeting-api.html marks all three required.
		expect(await message('?listtype=all&count=10')).toBe('Missing required query parameter: index');
		expect(await message('?listtype=all&index=1')).toBe('Missing required query parameter: count');
		expect(await message('?listtype=all&index=1&count=10&page=2')).toBe('Unknown query parameter: page');
	});
});
