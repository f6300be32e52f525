import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { meetingKeyLocator, timezoneField } from '../common.descriptions';
import {
	readScheduleUpdate,
	sendScheduleUpdate,
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

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	// Every field is checked before the first request (a meeting URL may cost a lookup).
	const update = readScheduleUpdate.call(this, itemIndex, (fields, timezone) =>
		toMeetingBody(this, itemIndex, fields, timezone),
	);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	return await sendScheduleUpdate.call(this, itemIndex, zoho, 'meeting', update, {
		path: '/meetings/{meetingKey}',
		pathParams: { meetingKey },
	});
}
