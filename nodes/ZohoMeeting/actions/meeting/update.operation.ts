import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { zohoApiRequest } from '../../transport';
import { meetingKeyLocator, timezoneField } from '../common.descriptions';
import { getMeetingKey, getTimezone } from '../locators';
import { durationField, meetingOptions, startTimeField, toMeetingBody, topicField } from './fields';

const properties: INodeProperties[] = [
	meetingKeyLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [topicField, startTimeField, durationField, timezoneField, ...meetingOptions].sort(
			(a, b) => a.displayName.localeCompare(b.displayName),
		),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['update'] } },
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
	const meetingKey = await getMeetingKey.call(this, itemIndex);
	const timezone = getTimezone.call(this, itemIndex, fields.timezone);
	const body = toMeetingBody(this, itemIndex, fields, timezone);
	return await zohoApiRequest.call(this, {
		method: 'PUT',
		path: '/meetings/{meetingKey}',
		pathParams: { meetingKey },
		body,
		itemIndex,
	});
}
