import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPoll, ZOHO_CREDENTIAL_TYPE } from '../harness';
import { SANDBOX_CREDENTIAL, SANDBOX_ZSOID, useSandbox } from '../helpers/sandboxWorkflow';
import { emitted, HOUR_S, TRIGGER_TYPE, zohoTime } from './fixture';

/**
 * The trigger against Zoho's organization API (what Zoho's data centers serve): the events
 * it can list there, and a clear refusal, before any request, of the two it cannot.
 */
const sandbox = useSandbox({ api: 'organization' });

function trigger(parameters: IDataObject) {
	const staticData: IDataObject = {};
	const poll = async () =>
		await runPoll({
			node: {
				name: 'Zoho Meeting Trigger',
				type: TRIGGER_TYPE,
				parameters: parameters as never,
				credentials: { [ZOHO_CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL },
			},
			credentials: sandbox.credentials,
			staticData,
		});
	return Object.assign(poll, { staticData });
}

const hoursAhead = async (hours: number) => zohoTime((await sandbox.admin.clock()).nowMs + hours * HOUR_S * 1000);

test('Meeting Scheduled lists the upcoming meetings and passes on a new one once', async () => {
	await sandbox.admin.seed({ meetings: [{ topic: 'Already there', start_time: await hoursAhead(3) }] });
	const poll = trigger({ event: 'meetingScheduled' });
	expect((await poll()).items).toBeNull();

	const { meetings } = await sandbox.admin.seed({ meetings: [{ topic: 'Kickoff', start_time: await hoursAhead(30) }] });
	await sandbox.admin.clearRequests();

	expect(emitted((await poll()).items)).toEqual([
		expect.objectContaining({ meeting_key: meetings[0].meeting_key, topic: 'Kickoff', status: 'scheduled' }),
	]);
	expect((await sandbox.apiRequests()).map((r) => [r.path, r.query.listtype])).toEqual([
		[`/api/v2/${SANDBOX_ZSOID}/sessions.json`, 'upcoming'],
	]);
	expect((await poll()).items).toBeNull();
});

test.each([
	['meetingCancelled', 'Status "cancelled" is not offered by Zoho\'s organization API'],
	['newRegistration', "Listing a webinar's registrations is not offered by Zoho's organization API"],
])('%s is refused with what Zoho offers instead, and nothing is stored', async (event, message) => {
	const { webinars } = await sandbox.admin.seed({ webinars: [{ start_time: await hoursAhead(24) }] });
	const poll = trigger({ event, webinarKey: { __rl: true, mode: 'id', value: webinars[0].webinar_key } });
	await sandbox.admin.clearRequests();

	const error: unknown = await poll().catch((e: unknown) => e);

	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error).toMatchObject({ message });
	expect(JSON.stringify(poll.staticData)).not.toContain('pollState');
	// New Webinar Registration reads the chosen webinar first; the registrations are never asked for.
	expect((await sandbox.apiRequests()).filter((r) => r.path.includes('registration'))).toEqual([]);
});
