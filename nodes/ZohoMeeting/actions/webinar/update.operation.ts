import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { zohoApiRequest } from '../../transport';
import { webinarKeyLocator } from '../common.descriptions';
import { getLocatorId, getTimezone } from '../locators';
import {
	toWebinarBody,
	webinarDurationField,
	webinarOptions,
	webinarStartTimeField,
	webinarTimezoneField,
	webinarTopicField,
} from './fields';

const properties: INodeProperties[] = [
	webinarKeyLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			webinarTopicField,
			webinarStartTimeField,
			webinarDurationField,
			webinarTimezoneField,
			...webinarOptions,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webinar'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields is empty', {
			itemIndex,
			description: 'Add at least one field to change under "Update Fields".',
		});
	}
	const webinarKey = getLocatorId.call(this, 'webinarKey', itemIndex);
	const timezone = getTimezone.call(this, itemIndex, fields.timezone);
	const body = toWebinarBody(this, itemIndex, fields, timezone);
	return await zohoApiRequest.call(this, {
		method: 'PUT',
		path: '/webinars/{webinarKey}',
		pathParams: { webinarKey },
		body,
		itemIndex,
	});
}
