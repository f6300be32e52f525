import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { limitField, listFilters, listQuery, returnAllField } from '../shared/lists';
import { readSimplify, simplifyField } from '../shared/simplify';

export const option = {
	name: 'Get Many',
	description: 'Get many meetings',
	action: 'Get many meetings',
};

export const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	...simplifyField('meeting'),
	listFilters('meetings', ['cancelled', 'completed', 'scheduled']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	const output = readSimplify.call(this, itemIndex, 'meeting');
	return output(await zoho.pageThrough({ method: 'GET', path: '/meetings', qs, itemIndex }, { returnAll, limit }));
}
