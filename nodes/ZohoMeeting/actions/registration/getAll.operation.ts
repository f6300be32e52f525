import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { limitField, returnAllField, webinarKeyLocator } from '../common.descriptions';
import { listQuery } from '../filters';
import { getLocatorId } from '../locators';

const properties: INodeProperties[] = [
	{ ...webinarKeyLocator, description: 'The webinar whose registrations to get' },
	returnAllField,
	limitField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['registration'], operation: ['getAll'] } },
	properties,
);

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
