import type { INodeParameters } from 'n8n-workflow';

import { locator, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/**
 * What Zoho's organization API does not offer (docs/zoho-api.md, "Documented nowhere
 * found") fails before any request, saying so and what to use instead, in a single run and
 * in the router's check pass over several items alike.
 */
const sandbox = useSandbox({ api: 'organization' });

const meeting = locator('id', '1234567890');
const webinar = locator('id', '9876543210');

const NOT_OFFERED: Array<[string, INodeParameters, RegExp]> = [
	['participant add', { resource: 'participant', operation: 'add', meetingKey: meeting, participants: { participant: [{ email: 'a@example.com' }] } }, /^Adding participants to a meeting /],
	['participant remove', { resource: 'participant', operation: 'remove', meetingKey: meeting, participantId: 'P1' }, /^Removing a participant /],
	['session get', { resource: 'session', operation: 'get', meetingKey: meeting, sessionId: 'S1' }, /^The sessions of a meeting /],
	['session getAll', { resource: 'session', operation: 'getAll', meetingKey: meeting, returnAll: true }, /^The sessions of a meeting /],
	['report get', { resource: 'report', operation: 'get', meetingKey: meeting }, /^The meeting report /],
	['recording delete', { resource: 'recording', operation: 'delete', recordingId: locator('id', 'abc') }, /^Deleting a recording /],
	['registration getAll', { resource: 'registration', operation: 'getAll', webinarKey: webinar, returnAll: true }, /^Listing a webinar's registrations /],
	['registration approve', { resource: 'registration', operation: 'approve', webinarKey: webinar, registrationId: 'R1' }, /^Approving a registration /],
	['settings get', { resource: 'settings', operation: 'get' }, /^Reading settings /],
	['settings update', { resource: 'settings', operation: 'update', updateFields: { autoRecording: true } }, /^Changing settings /],
];

describe('organization API: operations it does not offer', () => {
	it.each(NOT_OFFERED)('%s fails before any request, saying what to use instead', async (_, parameters, message) => {
		const result = await sandbox.runZoho(parameters);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/is not offered by Zoho's organization API$/);
		expect(result.error?.description).toMatch(/nothing was sent\. .+ set the credential's API to V2\.$/);
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('fails in the check pass of several items, before the first item is sent', async () => {
		const result = await sandbox.runZoho(
			{ resource: 'report', operation: 'get', meetingKey: locator('id', '={{ $json.key }}') },
			{ items: [{ key: '1001' }, { key: '1002' }, { key: '1003' }] },
		);
		expect(result.error?.message).toBe("The meeting report is not offered by Zoho's organization API");
		expect(result.error?.description).toMatch(/Participant > Get Many/);
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	it('leaves an error item per input item with Continue On Fail, and sends nothing', async () => {
		const result = await sandbox.runZoho(
			{ resource: 'settings', operation: 'get' },
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.error)).toEqual([
			"Reading settings is not offered by Zoho's organization API",
			"Reading settings is not offered by Zoho's organization API",
		]);
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
