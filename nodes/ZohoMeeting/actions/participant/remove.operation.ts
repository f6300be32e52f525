import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { assertPathId } from '../../transport/pathIds';
import { getMeetingKey, meetingKeyLocator } from '../shared/keys';

export const option = {
	name: 'Remove',
	description: 'Remove a participant from a meeting',
	action: 'Remove a participant from a meeting',
};

export const properties: INodeProperties[] = [
	meetingKeyLocator,
	{
		displayName: 'Participant ID',
		name: 'participantId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9876543210',
		description: 'ID of the participant to remove, as returned by Participant > Get Many',
	},
];


export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const participantId = assertPathId(
		this.getNode(),
		itemIndex,
		'participantId',
		this.getNodeParameter('participantId', itemIndex),
	);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	await zoho.request({
		method: 'DELETE',
		path: '/meetings/{meetingKey}/participants/{participantId}',
		pathParams: { meetingKey, participantId },
		itemIndex,
	});
	return { success: true, meetingKey, participantId };
}
