import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pageThrough } from '../../transport';
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	return await pageThrough.call(
		this,
		{ method: 'GET', path: '/meetings', qs, itemIndex },
		{ returnAll, limit },
	);
}
