import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { assertPathId } from '../../transport/pathIds';
import { getMeetingKey, meetingKeyLocator } from '../shared/keys';

export const option = {
	name: 'Get',
	description: 'Get one session of a meeting, with its times and attendance',
	action: 'Get a meeting session',
};

export const properties: INodeProperties[] = [
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
