import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { limitField, returnAllField } from '../common.descriptions';
import { listFilters } from '../common.fields';
import { listQuery } from '../filters';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	listFilters('meetings', ['cancelled', 'completed', 'scheduled']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	return await zoho.pageThrough({ method: 'GET', path: '/meetings', qs, itemIndex },
		{ returnAll, limit },
	);
}
