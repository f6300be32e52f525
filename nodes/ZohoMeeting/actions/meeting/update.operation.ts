import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { meetingKeyLocator, timezoneField } from '../common.descriptions';
import { readUpdateFields, updateFieldsCollection } from '../common.fields';
import { getMeetingKey, getTimezone } from '../locators';
import { durationField, meetingOptions, startTimeField, toMeetingBody, topicField } from './fields';

const properties: INodeProperties[] = [
	meetingKeyLocator,
	updateFieldsCollection([topicField, startTimeField, durationField, timezoneField, ...meetingOptions]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const fields = readUpdateFields.call(this, itemIndex);
	const timezone = getTimezone.call(this, itemIndex, fields.timezone);
	const body = toMeetingBody(this, itemIndex, fields, timezone);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	return await zoho.request({
		method: 'PUT',
		path: '/meetings/{meetingKey}',
		pathParams: { meetingKey },
		body,
		itemIndex,
	});
}
