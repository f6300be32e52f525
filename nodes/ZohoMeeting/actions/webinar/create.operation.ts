import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import * as webinar from './fields';
import { readScheduleFields } from '../shared/schedule';

export const option = {
	name: 'Create',
	description: 'Schedule a webinar, with or without registration',
	action: 'Create a webinar',
};

export const properties: INodeProperties[] = [
	{ ...webinar.topicField, required: true },
	{ ...webinar.startTimeField, required: true },
	webinar.durationField,
	webinar.timezoneField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: webinar.webinarOptions,
	},
];


export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const { fields, timezone } = readScheduleFields.call(this, itemIndex);
	const body = webinar.toWebinarBody(this.getNode(), itemIndex, fields, timezone);
	return await zoho.request({ method: 'POST', path: '/webinars', body, itemIndex });
}
