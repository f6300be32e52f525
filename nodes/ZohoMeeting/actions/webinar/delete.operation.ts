import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getLocatorId, webinarKeyLocator } from '../shared/keys';
import { deletedResult } from '../shared/results';

export const option = {
	name: 'Delete',
	description: 'Delete a webinar',
	action: 'Delete a webinar',
};

export const properties: INodeProperties[] = [webinarKeyLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const webinarKey = getLocatorId.call(this, 'webinarKey', itemIndex);
	await zoho.request({
		method: 'DELETE',
		path: '/webinars/{webinarKey}',
		pathParams: { webinarKey },
		itemIndex,
	});
	return deletedResult.call(this, { webinarKey });
}
