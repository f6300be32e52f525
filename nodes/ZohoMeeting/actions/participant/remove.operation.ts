import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getLocatorId, getMeetingKey, meetingKeyLocator, participantIdLocator } from '../shared/keys';
import { deletedResult } from '../shared/results';

export const option = {
	name: 'Remove',
	description: 'Remove a participant from a meeting',
	action: 'Remove a participant from a meeting',
};

export const properties: INodeProperties[] = [meetingKeyLocator, participantIdLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const participantId = getLocatorId.call(this, 'participantId', itemIndex);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	await zoho.request({
		method: 'DELETE',
		path: '/meetings/{meetingKey}/participants/{participantId}',
		pathParams: { meetingKey, participantId },
		itemIndex,
	});
	return deletedResult.call(this, { meetingKey, participantId });
}
