import type { INodeParameters } from 'n8n-workflow';

import { useSandbox, ZOHO_NODE_NAME } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

const update = (updateFields: INodeParameters) => ({
	resource: 'settings',
	operation: 'update',
	updateFields,
});

describe('Settings > Update', () => {
	test("sends the spec's Update User Settings body and returns the new settings", async () => {
		const result = await sandbox.runZoho(
			update({
				defaultMeetingDuration: 45,
				defaultTimezone: 'America/New_York',
				autoRecording: true,
				waitingRoomEnabled: true,
			}),
		);

		expect(result.error).toBeUndefined();
		const settings = {
			default_meeting_duration: 45,
			default_timezone: 'America/New_York',
			auto_recording: true,
			waiting_room_enabled: true,
		};
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'PUT', path: '/api/v2/settings', query: {}, body: settings },
		]);
		expect(result.output(ZOHO_NODE_NAME)).toEqual([{ json: settings, pairedItem: { item: 0 } }]);
	});

	test('changes only what is set; "Workflow Time Zone" sends the workflow\'s zone', async () => {
		const result = await sandbox.runZoho(update({ defaultTimezone: '', waitingRoomEnabled: true }), {
			timezone: 'Europe/Berlin',
		});

		expect((await sandbox.apiRequests())[0].body).toEqual({
			default_timezone: 'Europe/Berlin',
			waiting_room_enabled: true,
		});
		expect(result.output(ZOHO_NODE_NAME)[0].json).toEqual({
			default_meeting_duration: 60,
			default_timezone: 'Europe/Berlin',
			auto_recording: false,
			waiting_room_enabled: true,
		});
	});

	test('reads yes/no and numbers given as text from expressions as meant (issue 10, finding 4)', async () => {
		const result = await sandbox.runZoho(
			update({
				autoRecording: '={{ $json.autoRecording }}',
				waitingRoomEnabled: '={{ $json.waitingRoom }}',
				defaultMeetingDuration: '={{ $json.minutes }}',
			}),
			{ items: [{ autoRecording: 'false', waitingRoom: 'TRUE', minutes: ' 45 ' }] },
		);

		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests())[0].body).toEqual({
			default_meeting_duration: 45,
			auto_recording: false,
			waiting_room_enabled: true,
		});
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ auto_recording: false, waiting_room_enabled: true });
	});

	test.each([
		['no field', {}, 'Update Fields is empty'],
		['a duration of 1.5 minutes', { defaultMeetingDuration: 1.5 }, 'Default Meeting Duration must be a whole number from 1 to 1440'],
		['a duration over a day', { defaultMeetingDuration: 1441 }, 'Default Meeting Duration must be a whole number from 1 to 1440'],
		['an unknown time zone', { defaultTimezone: 'Eastern Time' }, 'Default Timezone "Eastern Time" is not a known time zone'],
		['"false" misspelt', { autoRecording: '={{ "flase" }}' }, 'Auto Recording must be true or false'],
		['a duration in scientific notation', { defaultMeetingDuration: '={{ "6e1" }}' }, 'Default Meeting Duration must be a whole number from 1 to 1440'],
	])('%s is refused before any request', async (_, fields, message) => {
		const result = await sandbox.runZoho(update(fields));

		expect(result.error?.message).toBe(message);
		expect(await sandbox.apiRequests()).toEqual([]);
	});

	test('with Continue On Fail, a bad item becomes an error item while the others are saved', async () => {
		const result = await sandbox.runZoho(update({ defaultMeetingDuration: '={{ $json.minutes }}' }), {
			items: [{ minutes: 30 }, { minutes: 0 }, { minutes: 90 }],
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		const output = result.output(ZOHO_NODE_NAME);
		expect(output.map((item) => [item.json.default_meeting_duration, item.pairedItem])).toEqual([
			[30, { item: 0 }],
			[undefined, { item: 1 }],
			[90, { item: 2 }],
		]);
		expect(output[1].json.error).toBe('Default Meeting Duration must be a whole number from 1 to 1440');
		expect((await sandbox.apiRequests()).map((request) => request.body)).toEqual([
			{ default_meeting_duration: 30 },
			{ default_meeting_duration: 90 },
		]);
	});
});
