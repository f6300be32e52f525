import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { recordingIdLocator } from '../common.descriptions';
import { getLocatorId } from '../locators';

export const description = updateDisplayOptions(
	{ show: { resource: ['recording'], operation: ['delete'] } },
	[recordingIdLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const recordingId = getLocatorId.call(this, 'recordingId', itemIndex);
	await zoho.request({
		method: 'DELETE',
		path: '/recordings/{recordingId}',
		pathParams: { recordingId },
		itemIndex,
	});
	return { success: true, recordingId };
}
