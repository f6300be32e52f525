import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { assertTimezone } from '../shared/dates';
import { assertBoolean, assertInteger } from '../shared/parameters';
import { MAX_DURATION_MINUTES } from '../shared/schedule';
import { readUpdateFields, updateFieldsCollection } from '../shared/updates';

export const option = {
	name: 'Update',
	description: "Change the account's default meeting settings",
	action: 'Update meeting settings',
};

export const properties: INodeProperties[] = [
	updateFieldsCollection([
		{
			displayName: 'Auto Recording',
			name: 'autoRecording',
			type: 'boolean',
			default: false,
			description: 'Whether new meetings are recorded automatically',
		},
		{
			displayName: 'Default Meeting Duration (Minutes)',
			name: 'defaultMeetingDuration',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_DURATION_MINUTES },
			default: 60,
			description: 'Length a new meeting gets when none is given',
		},
		{
			displayName: 'Default Timezone Name or ID',
			name: 'defaultTimezone',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTimezones' },
			default: '',
			description:
				'Time zone a new meeting gets when none is given; "Workflow Time Zone" sets the workflow\'s. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Waiting Room Enabled',
			name: 'waitingRoomEnabled',
			type: 'boolean',
			default: false,
			description: 'Whether participants of new meetings wait until the host admits them',
		},
	]),
];


export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const fields = readUpdateFields.call(this, itemIndex);
	const body: IDataObject = {};
	if (fields.defaultMeetingDuration !== undefined) {
		body.default_meeting_duration = assertInteger(
			this.getNode(),
			itemIndex,
			'defaultMeetingDuration',
			fields.defaultMeetingDuration,
			1,
			MAX_DURATION_MINUTES,
		);
	}
	if (fields.defaultTimezone !== undefined) {
		// The dropdown's first entry, "Workflow Time Zone", has the value ''.
		const zone = fields.defaultTimezone === '' ? this.getTimezone() : fields.defaultTimezone;
		body.default_timezone = assertTimezone(this.getNode(), itemIndex, 'defaultTimezone', zone);
	}
	if (fields.autoRecording !== undefined) {
		body.auto_recording = assertBoolean(this.getNode(), itemIndex, 'autoRecording', fields.autoRecording);
	}
	if (fields.waitingRoomEnabled !== undefined) {
		body.waiting_room_enabled = assertBoolean(
			this.getNode(),
			itemIndex,
			'waitingRoomEnabled',
			fields.waitingRoomEnabled,
		);
	}
	return await zoho.request({ method: 'PUT', path: '/settings', body, itemIndex });
}
