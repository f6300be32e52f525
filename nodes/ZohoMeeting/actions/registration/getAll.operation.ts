import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getLocatorId, webinarKeyLocator } from '../shared/keys';
import { limitField, listQuery, returnAllField } from '../shared/lists';

export const option = {
	name: 'Get Many',
	description: 'Get many registrations of a webinar',
	action: 'Get many webinar registrations',
};

export const properties: INodeProperties[] = [
	webinarKeyLocator,
	returnAllField,
	limitField,
];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	const webinarKey = getLocatorId.call(this, 'webinarKey', itemIndex);
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	return await zoho.pageThrough({
			method: 'GET',
			path: '/webinars/{webinarKey}/registrations',
			pathParams: { webinarKey },
			qs,
			itemIndex,
		},
		{ returnAll, limit },
	);
}
