import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getLocatorId, recordingIdLocator } from '../shared/keys';
import { readSimplify, simplifyField } from '../shared/simplify';

export const option = {
	name: 'Get',
	description: 'Get the details of a recording',
	action: 'Get a recording',
};

export const properties: INodeProperties[] = [recordingIdLocator, ...simplifyField('recording')];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const recordingId = getLocatorId.call(this, 'recordingId', itemIndex);
	const output = readSimplify.call(this, itemIndex, 'recording');
	return output(await zoho.request({
		method: 'GET',
		path: '/recordings/{recordingId}',
		pathParams: { recordingId },
		itemIndex,
	}));
}
