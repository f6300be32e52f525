import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pageThrough } from '../../transport';
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
		options: [
			...dateFilters('webinars starting'),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Completed', value: 'completed' },
					{ name: 'Scheduled', value: 'scheduled' },
				],
				default: 'scheduled',
				description: 'Only webinars in this status',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webinar'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	return await pageThrough.call(
		this,
		{ method: 'GET', path: '/webinars', qs, itemIndex },
		{ returnAll, limit },
	);
}
