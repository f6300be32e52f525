import { locator, useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

/** The registration ID as plain text, as workflows saved before it was a picker hold it. */
const approve = (webinarKey: string, registrationId: string | ReturnType<typeof locator>) => ({
	resource: 'registration',
	operation: 'approve',
	webinarKey: locator('id', webinarKey),
	registrationId,
});

async function seedPendingRegistrations() {
	const { webinars, registrations } = await sandbox.admin.seed({
		webinars: [{ topic: 'Product Launch Webinar', registration_required: true }],
		registrations: [
			{ email: 'ana@example.com', name: 'Ana Lima' },
			{ email: 'bo@example.com', name: 'Bo Chen' },
		],
	});
	return { webinarKey: webinars[0].webinar_key, registrations };
}

describe('Registration > Approve', () => {
	test('approves the registration and returns it, naming what was approved', async () => {
		const { webinarKey, registrations } = await seedPendingRegistrations();
		const { registration_id: registrationId } = registrations[0];

		const result = await sandbox.runZoho(approve(webinarKey, registrationId));

		expect(result.error).toBeUndefined();
		expect(await sandbox.apiRequests()).toEqual([
			{
				method: 'PUT',
				path: `/api/v2/webinars/${webinarKey}/registrations/${registrationId}/approve`,
				query: {},
				body: null,
			},
		]);
		expect(result.output(ZOHO_NODE_NAME)).toEqual([
			{
				json: { success: true, webinarKey, registrationId, ...registrations[0], status: 'approved' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('approves a registration picked from the list of the chosen webinar', async () => {
		const { webinarKey, registrations } = await seedPendingRegistrations();
		const { registration_id: registrationId } = registrations[1];

		const result = await sandbox.runZoho(approve(webinarKey, locator('list', registrationId)), { typeVersion: 2 });

		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json)).toEqual([
			{ success: true, webinarKey, registrationId, ...registrations[1], status: 'approved' },
		]);
		expect((await sandbox.apiRequests()).map((request) => request.path)).toEqual([
			`/api/v2/webinars/${webinarKey}/registrations/${registrationId}/approve`,
		]);
	});

	test('an unknown registration ID is a 404 INVALID_REGISTRATION_ID with the fix', async () => {
		const { webinarKey } = await seedPendingRegistrations();

		const result = await sandbox.runZoho(approve(webinarKey, '3999999999'));

		expect(result.error).toMatchObject({
			message: 'INVALID_REGISTRATION_ID: The specified registration does not exist for this webinar',
			description: 'Verify the registration ID with Registration > Get Many for the same webinar.',
			httpCode: '404',
		});
	});

	test('an unknown webinar key is a 404 INVALID_WEBINAR_KEY', async () => {
		const { registrations } = await seedPendingRegistrations();

		const result = await sandbox.runZoho(approve('2999999999', registrations[0].registration_id));

		expect(result.error).toMatchObject({ message: expect.stringMatching(/^INVALID_WEBINAR_KEY: /), httpCode: '404' });
	});

	test('a registration ID with a slash is refused before any request', async () => {
		const { webinarKey } = await seedPendingRegistrations();

		const result = await sandbox.runZoho(approve(webinarKey, '3000000001/approve'));

		expect(result.error?.message).toBe('Registration ID "3000000001/approve" is not a valid ID');
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	test('with Continue On Fail, one bad ID becomes an error item while the others are approved', async () => {
		const { webinarKey, registrations } = await seedPendingRegistrations();
		const ids = [registrations[0].registration_id, '3999999999', registrations[1].registration_id];

		const result = await sandbox.runZoho(approve(webinarKey, '={{ $json.id }}'), {
			items: ids.map((id) => ({ id })),
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => [item.json.success, item.json.status, item.pairedItem])).toEqual([
			[true, 'approved', { item: 0 }],
			[undefined, undefined, { item: 1 }],
			[true, 'approved', { item: 2 }],
		]);
		expect(output[1].json).toEqual({ error: expect.stringMatching(/^INVALID_REGISTRATION_ID: /) });
		expect(output[1].error).toMatchObject({ httpCode: '404' });
		expect(await sandbox.apiRequests()).toHaveLength(3);
	});
});
