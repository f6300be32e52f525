import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { assertPathId } from '../../transport/validation';
import { meetingKeyLocator } from '../common.descriptions';
import { getMeetingKey } from '../locators';

const properties: INodeProperties[] = [
	meetingKeyLocator,
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. SESSION_1234567890',
		description: 'ID of one session (occurrence) of the meeting, as returned by Session > Get Many',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const sessionId = assertPathId(
		this.getNode(),
		itemIndex,
		'sessionId',
		this.getNodeParameter('sessionId', itemIndex),
	);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	return await zoho.request({
		method: 'GET',
		path: '/meetings/{meetingKey}/sessions/{sessionId}',
		pathParams: { meetingKey, sessionId },
		itemIndex,
	});
}
