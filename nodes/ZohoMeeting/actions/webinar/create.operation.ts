import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { zohoApiRequest } from '../../transport';
import { getTimezone } from '../locators';
import {
	toWebinarBody,
	webinarDurationField,
	webinarOptions,
	webinarStartTimeField,
	webinarTimezoneField,
	webinarTopicField,
} from './fields';

const properties: INodeProperties[] = [
	{ ...webinarTopicField, required: true },
	{ ...webinarStartTimeField, required: true },
	webinarDurationField,
	webinarTimezoneField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: webinarOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webinar'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const timezone = getTimezone.call(this, itemIndex, this.getNodeParameter('timezone', itemIndex, ''));
	const fields: IDataObject = {
		topic: this.getNodeParameter('topic', itemIndex),
		startTime: this.getNodeParameter('startTime', itemIndex),
		duration: this.getNodeParameter('duration', itemIndex, 60),
		timezone,
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	const body = toWebinarBody(this, itemIndex, fields, timezone);
	return await zohoApiRequest.call(this, { method: 'POST', path: '/webinars', body, itemIndex });
}
