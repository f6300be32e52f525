import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { zohoApiRequest } from '../../transport';
import { meetingKeyLocator, timezoneField } from '../common.descriptions';
import {
	completeScheduleUpdate,
	readScheduleUpdate,
	updateFieldsCollection,
	updateTimezoneField,
} from '../common.fields';
import { getMeetingKey } from '../locators';
import { durationField, meetingOptions, startTimeField, toMeetingBody, topicField } from './fields';

const properties: INodeProperties[] = [
	meetingKeyLocator,
	updateFieldsCollection([
		topicField,
		startTimeField,
		durationField,
		updateTimezoneField(timezoneField, 'meeting'),
		...meetingOptions,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Every field is checked before the first request (a meeting URL may cost a lookup).
	const update = readScheduleUpdate.call(this, itemIndex, (fields, timezone) =>
		toMeetingBody(this, itemIndex, fields, timezone),
	);
	const meetingKey = await getMeetingKey.call(this, itemIndex);
	const body = await completeScheduleUpdate.call(this, itemIndex, 'meeting', update, async () => {
		const meeting = await zohoApiRequest.call(this, {
			method: 'GET',
			path: '/meetings/{meetingKey}',
			pathParams: { meetingKey },
			itemIndex,
		});
		return meeting.timezone;
	});
	return await zohoApiRequest.call(this, {
		method: 'PUT',
		path: '/meetings/{meetingKey}',
		pathParams: { meetingKey },
		body,
		itemIndex,
	});
}
