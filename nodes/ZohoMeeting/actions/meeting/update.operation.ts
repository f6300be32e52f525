import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { changeableMeetingLocator, getMeetingKey } from '../shared/keys';
import { readScheduleUpdate, sendScheduleUpdate, updateFieldsCollection, updateTimezoneField } from '../shared/updates';
import { durationField, meetingOptions, startTimeField, timezoneField, toMeetingBody, topicField } from './fields';

export const option = {
	name: 'Update',
	description: 'Update a meeting',
	action: 'Update a meeting',
};

export const properties: INodeProperties[] = [
	changeableMeetingLocator,
	updateFieldsCollection([
		topicField,
		startTimeField,
		durationField,
		updateTimezoneField(timezoneField, 'meeting'),
		...meetingOptions,
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	// Every field is checked before the first request (a meeting URL may cost a lookup).
	const update = readScheduleUpdate.call(this, itemIndex, (fields, timezone) =>
		toMeetingBody(this.getNode(), itemIndex, fields, timezone),
	);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	return await sendScheduleUpdate.call(this, itemIndex, zoho, 'meeting', update, {
		path: '/meetings/{meetingKey}',
		pathParams: { meetingKey },
	});
}
