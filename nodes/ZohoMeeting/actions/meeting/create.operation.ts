import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { timezoneField } from '../common.descriptions';
import { readScheduleFields } from '../common.fields';
import {
	durationField,
	meetingOptions,
	participantsField,
	recurrenceField,
	startTimeField,
	toMeetingBody,
	topicField,
} from './fields';

const properties: INodeProperties[] = [
	{ ...topicField, required: true },
	{ ...startTimeField, required: true },
	durationField,
	timezoneField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...meetingOptions, participantsField, recurrenceField],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const { fields, timezone } = readScheduleFields.call(this, itemIndex);
	const body = toMeetingBody(this, itemIndex, fields, timezone);
	return await zoho.request({ method: 'POST', path: '/meetings', body, itemIndex });
}
