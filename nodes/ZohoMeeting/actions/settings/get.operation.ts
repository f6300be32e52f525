import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';


export const description = updateDisplayOptions(
	{ show: { resource: ['settings'], operation: ['get'] } },
	[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	return await zoho.request({ method: 'GET', path: '/settings', itemIndex });
}
