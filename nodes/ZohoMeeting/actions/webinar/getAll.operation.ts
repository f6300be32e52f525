import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { limitField, listFilters, listQuery, returnAllField } from '../shared/lists';

export const option = {
	name: 'Get Many',
	description: 'Get many webinars',
	action: 'Get many webinars',
};

export const properties: INodeProperties[] = [returnAllField, limitField, listFilters('webinars', ['completed', 'scheduled'])];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	return await zoho.pageThrough({ method: 'GET', path: '/webinars', qs, itemIndex },
		{ returnAll, limit },
	);
}
