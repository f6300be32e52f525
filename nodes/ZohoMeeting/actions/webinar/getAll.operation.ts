import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { limitField, returnAllField } from '../common.descriptions';
import { listFilters } from '../common.fields';
import { listQuery } from '../filters';

export const description = updateDisplayOptions(
	{ show: { resource: ['webinar'], operation: ['getAll'] } },
	[returnAllField, limitField, listFilters('webinars', ['completed', 'scheduled'])],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	return await zoho.pageThrough({ method: 'GET', path: '/webinars', qs, itemIndex },
		{ returnAll, limit },
	);
}
