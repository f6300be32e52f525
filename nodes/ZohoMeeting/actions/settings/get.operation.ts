import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { zohoApiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['settings'], operation: ['get'] } },
	[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await zohoApiRequest.call(this, { method: 'GET', path: '/settings', itemIndex });
}
