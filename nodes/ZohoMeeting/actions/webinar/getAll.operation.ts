import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { limitField, listFilters, listQuery, returnAllField } from '../shared/lists';
import { readSimplify, simplifyField } from '../shared/simplify';

export const option = {
	name: 'Get Many',
	description: 'Get many webinars',
	action: 'Get many webinars',
};

export const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	...simplifyField('webinar'),
	listFilters('webinars', ['completed', 'scheduled']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	const output = readSimplify.call(this, itemIndex, 'webinar');
	return output(await zoho.pageThrough({ method: 'GET', path: '/webinars', qs, itemIndex }, { returnAll, limit }));
}
