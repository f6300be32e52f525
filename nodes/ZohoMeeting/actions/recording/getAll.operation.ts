import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { dateFilters, limitField, listQuery, returnAllField } from '../shared/lists';
import { readSimplify, simplifyField } from '../shared/simplify';

export const option = {
	name: 'Get Many',
	description: 'Get many recordings',
	action: 'Get many recordings',
};

export const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	...simplifyField('recording'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: dateFilters('recordings of meetings starting'),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	const output = readSimplify.call(this, itemIndex, 'recording');
	return output(await zoho.pageThrough({ method: 'GET', path: '/recordings', qs, itemIndex }, { returnAll, limit }));
}
