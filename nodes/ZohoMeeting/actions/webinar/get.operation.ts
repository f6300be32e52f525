import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getLocatorId, webinarKeyLocator } from '../shared/keys';
import { readSimplify, simplifyField } from '../shared/simplify';

export const option = {
	name: 'Get',
	description: 'Get a webinar',
	action: 'Get a webinar',
};

export const properties: INodeProperties[] = [webinarKeyLocator, ...simplifyField('webinar')];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const webinarKey = getLocatorId.call(this, 'webinarKey', itemIndex);
	const output = readSimplify.call(this, itemIndex, 'webinar');
	return output(await zoho.request({
		method: 'GET',
		path: '/webinars/{webinarKey}',
		pathParams: { webinarKey },
		itemIndex,
	}));
}
