import {
	expectOrgAnswer,
	expectOrgFailure,
	Harness,
	ORG_ERRORS,
	orgPath,
	ZSOID,
	ZUID,
} from '../helpers';

const LAUNCH = {
	topic: 'Product launch',
	agenda: 'What is new',
	startTime: 'Sep 01, 2035 04:00 PM',
	duration: 5_400_000,
	timezone: 'Europe/London',
};

describe('sandbox organization dialect: webinars and bulk registration', () => {
	const h = new Harness({ api: 'organization' });

	const createWebinar = (session: Record<string, unknown> = LAUNCH) =>
		h.request('POST', orgPath('/webinar.json'), { body: { session } });

	it('creates, gets, edits, lists and deletes a webinar, keyed `webinarKey` and listed under `webinar` by default', async () => {
		const created = await createWebinar();
		expect(created.status).toBe(201);
		expect(created.body.session).toMatchObject({
			webinarKey: expect.any(Number),
			topic: 'Product launch',
			agenda: 'What is new',
			presenter: ZUID,
			startTime: 'Sep 01, 2035 04:00 PM BST',
			endTime: 'Sep 01, 2035 05:30 PM BST',
			duration: 5_400_000,
			timezone: 'Europe/London',
			sysId: expect.any(String),
			registrationLink: expect.stringContaining('/webinar/register/'),
		});
		expect(created.body.session).not.toHaveProperty('meetingKey');
		const key = created.body.session.webinarKey;

		expect((await h.request('GET', orgPath(`/webinar/${key}.json`))).body.session.topic).toBe(
			'Product launch',
		);
		const edited = await h.request('PUT', orgPath(`/webinar/${key}.json`), {
			body: { session: { topic: 'Launch, moved', startTime: 'Sep 02, 2035 09:00 AM' } },
		});
		expect(edited.body.session).toMatchObject({
			topic: 'Launch, moved',
			startTime: 'Sep 02, 2035 09:00 AM BST',
			timezone: 'Europe/London',
		});
		const listed = await h.request('GET', orgPath('/webinar.json?listtype=all'));
		expect(Object.keys(listed.body)).toEqual(['webinar']);
		expect(listed.body.webinar.map((w: { webinarKey: number }) => w.webinarKey)).toEqual([key]);

		const deleted = await h.request('DELETE', orgPath(`/webinar/${key}.json`));
		expect(deleted.status).toBe(204);
		expectOrgAnswer(await h.request('GET', orgPath(`/webinar/${key}.json`)), ORG_ERRORS.invalidKey);
	});

	it('keys webinars `meetingKey` and lists them under `session` in the other variant', async () => {
		await h.admin.setOrganizationVariants({ webinarKey: 'meetingKey' });
		const created = await createWebinar();
		expect(created.body.session).toMatchObject({ meetingKey: expect.any(Number) });
		expect(created.body.session).not.toHaveProperty('webinarKey');
		const listed = await h.request('GET', orgPath('/webinar.json?listtype=upcoming&index=1&count=10'));
		expect(Object.keys(listed.body)).toEqual(['session']);
		expect(listed.body.session[0].meetingKey).toBe(created.body.session.meetingKey);
	});

	it('lists by listtype, the ended ones as past', async () => {
		await h.admin.seed({
			webinars: [
				{ topic: 'Ended', start_time: '2024-01-01T10:00:00Z', status: 'completed' },
				{ topic: 'Ahead', start_time: '2090-01-01T10:00:00Z' },
			],
		});
		const topics = async (type: string) =>
			(await h.request('GET', orgPath(`/webinar.json?listtype=${type}`))).body.webinar.map(
				(w: { topic: string }) => w.topic,
			);
		expect(await topics('all')).toEqual(['Ended', 'Ahead']);
		expect(await topics('past')).toEqual(['Ended']);
		expect(await topics('upcoming')).toEqual(['Ahead']);
	});

	it('needs a webinar scope: its own or webinar ALL', async () => {
		const meetingOnly = await h.admin.issueTokens({ scope: 'ZohoMeeting.meeting.ALL' });
		expectOrgFailure(
			await h.request('GET', orgPath('/webinar.json?listtype=all'), { token: meetingOnly.access_token }),
			403,
			'INSUFFICIENT_SCOPE',
		);
		const read = await h.admin.issueTokens({ scope: 'ZohoMeeting.webinar.READ' });
		expect(
			(await h.request('GET', orgPath('/webinar.json?listtype=all'), { token: read.access_token })).status,
		).toBe(200);
	});

	describe('bulk registration (webinar-api/bulk-registration-api.html)', () => {
		const register = async (prefix: string, key: number, query: string, registrant: unknown[]) =>
			h.request('POST', `${prefix}/${ZSOID}/register/${key}.json${query}`, { body: { registrant } });

		it('registers several at once, at either path the page shows, counting the ones already registered as failed', async () => {
			const webinar = (await createWebinar()).body.session;
			const first = await register('/api/v2', webinar.webinarKey, `?sendMail=false&instanceId=${webinar.sysId}`, [
				{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
				{ email: 'alan@example.com', firstName: 'Alan' },
			]);
			expect(first.status).toBe(200);
			expect(first.body).toEqual({
				registrant: [
					{ joinLink: expect.stringContaining('uname=Ada'), email: 'ada@example.com' },
					{ joinLink: expect.stringContaining('uname=Alan'), email: 'alan@example.com' },
				],
				failedCount: 0,
				successCount: 2,
				totalCount: 2,
				registeredCount: 2,
			});
			const again = await register('/meeting/api/v2', webinar.webinarKey, '', [
				{ email: 'ADA@example.com', firstName: 'Ada' },
				{ email: 'grace@example.com', firstName: 'Grace' },
			]);
			expect(again.body).toMatchObject({ failedCount: 1, successCount: 1, totalCount: 2, registeredCount: 3 });
			expect((await h.admin.state()).registrations).toBe(3);
		});

		it('refuses a wrong instanceId or sendMail, a registrant without firstName, and an unknown webinar', async () => {
			const webinar = (await createWebinar()).body.session;
			const one = [{ email: 'ada@example.com', firstName: 'Ada' }];
			expect((await register('/api/v2', webinar.webinarKey, '?instanceId=1', one)).body.error.message).toContain(
				`the webinar's one occurrence is ${webinar.sysId}`,
			);
			expect((await register('/api/v2', webinar.webinarKey, '?sendMail=yes', one)).body.error.message).toBe(
				'Invalid value for sendMail: expected true or false',
			);
			const nameless = await register('/api/v2', webinar.webinarKey, '', [{ email: 'x@example.com' }]);
			expect(nameless.body.error.message).toBe('Missing required field: registrant[0].firstName');
			expectOrgAnswer(await register('/api/v2', 42, '', one), ORG_ERRORS.invalidKey);
			expect((await h.admin.state()).registrations).toBe(0);
		});
	});
});
