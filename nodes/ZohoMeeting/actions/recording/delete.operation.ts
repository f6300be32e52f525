import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getLocatorId, recordingIdLocator } from '../shared/keys';
import { deletedResult } from '../shared/results';

export const option = {
	name: 'Delete',
	description: 'Delete a recording permanently',
	action: 'Delete a recording',
};

export const properties: INodeProperties[] = [recordingIdLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const recordingId = getLocatorId.call(this, 'recordingId', itemIndex);
	await zoho.request({
		method: 'DELETE',
		path: '/recordings/{recordingId}',
		pathParams: { recordingId },
		itemIndex,
	});
	return deletedResult.call(this, { recordingId });
}
