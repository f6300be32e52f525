import { locator, SANDBOX_ZSOID, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/**
 * Webinars against the sandbox in the organization dialect. Its sources disagree on the
 * list's key and the webinar's key (`webinar` / `webinarKey` in Pipedream's client,
 * `session` / `meetingKey` in another); the sandbox's `webinarKey` variant answers either
 * way, and the node reads both.
 */
const sandbox = useSandbox({ api: 'organization' });

const WEBINAR = `/api/v2/${SANDBOX_ZSOID}/webinar`;

describe('organization API: webinars', () => {
	it('creates a webinar in the session wrapper, its description as agenda', async () => {
		const result = await sandbox.runZoho({
			resource: 'webinar',
			operation: 'create',
			topic: 'Launch',
			startTime: '2099-09-01T15:00:00Z',
			duration: 90,
			timezone: 'Europe/London',
			additionalFields: { description: 'What is new' },
		});

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'POST',
				path: `${WEBINAR}.json`,
				query: {},
				body: {
					session: {
						topic: 'Launch',
						agenda: 'What is new',
						startTime: 'Sep 01, 2099 04:00 PM',
						duration: 5_400_000,
						timezone: 'Europe/London',
					},
				},
			},
		]);
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({
			webinar_key: expect.stringMatching(/^\d+$/),
			topic: 'Launch',
			description: 'What is new',
			start_time: '2099-09-01T15:00:00Z',
			duration: 90,
			status: 'scheduled',
			registration_url: expect.any(String),
		});
	});

	it.each(['webinarKey', 'meetingKey'] as const)('lists, gets, updates and deletes webinars whose key is %s', async (variant) => {
		await sandbox.admin.setOrganizationVariants({ webinarKey: variant });
		const { webinars } = await sandbox.admin.seed({ webinars: 120 });
		const key = webinars[0].webinar_key;
		await sandbox.admin.clearRequests();

		const list = await sandbox.runZoho({ resource: 'webinar', operation: 'getAll', returnAll: true });
		const one = await sandbox.runZoho({ resource: 'webinar', operation: 'get', webinarKey: locator('id', key) });
		const moved = await sandbox.runZoho({
			resource: 'webinar',
			operation: 'update',
			webinarKey: locator('id', key),
			updateFields: { topic: 'Renamed', duration: 30 },
		});
		const deleted = await sandbox.runZoho({ resource: 'webinar', operation: 'delete', webinarKey: locator('id', key) });

		expect(new Set(list.output(ZOHO_NODE_NAME).map((item) => item.json.webinar_key))).toEqual(new Set(webinars.map((w) => w.webinar_key)));
		expect(one.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ webinar_key: key, topic: webinars[0].topic });
		expect(moved.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ webinar_key: key, topic: 'Renamed', duration: 30 });
		expect(deleted.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ success: true, webinarKey: key });
		expect((await sandbox.apiRequests()).map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)} ${JSON.stringify(r.body)}`)).toEqual([
			`GET ${WEBINAR}.json {"listtype":"all","index":"1","count":"100"} null`,
			`GET ${WEBINAR}.json {"listtype":"all","index":"101","count":"100"} null`,
			`GET ${WEBINAR}/${key}.json {} null`,
			`PUT ${WEBINAR}/${key}.json {} {"session":{"topic":"Renamed","duration":1800000}}`,
			`DELETE ${WEBINAR}/${key}.json {} null`,
		]);
	});

	it('refuses webinar fields this API has no place for, before any request', async () => {
		const result = await sandbox.runZoho({
			resource: 'webinar',
			operation: 'create',
			topic: 'Launch',
			startTime: '2099-09-01T15:00:00Z',
			timezone: 'UTC',
			additionalFields: { registrationRequired: true },
		});
		expect(result.error?.message).toBe("Registration Required is not offered by Zoho's organization API");
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
