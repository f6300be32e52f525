import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { limitField, returnAllField } from '../common.descriptions';
import { dateFilters, listQuery } from '../filters';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: dateFilters('recordings of meetings starting'),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recording'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	return await zoho.pageThrough({ method: 'GET', path: '/recordings', qs, itemIndex },
		{ returnAll, limit },
	);
}
