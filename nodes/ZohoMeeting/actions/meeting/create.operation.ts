import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { participantsField } from '../shared/participants';
import { readScheduleFields } from '../shared/schedule';
import {
	durationField,
	meetingOptions,
	recurrenceField,
	startTimeField,
	timezoneField,
	toMeetingBody,
	topicField,
} from './fields';

export const option = {
	name: 'Create',
	description: 'Schedule a meeting, one-off or recurring',
	action: 'Create a meeting',
};

export const properties: INodeProperties[] = [
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

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const { fields, timezone } = readScheduleFields.call(this, itemIndex);
	const body = toMeetingBody(this.getNode(), itemIndex, fields, timezone);
	return await zoho.request({ method: 'POST', path: '/meetings', body, itemIndex });
}
