import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { webinarKeyLocator } from '../common.descriptions';
import { getLocatorId } from '../locators';

export const description = updateDisplayOptions(
	{ show: { resource: ['webinar'], operation: ['delete'] } },
	[webinarKeyLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const webinarKey = getLocatorId.call(this, 'webinarKey', itemIndex);
	await zoho.request({
		method: 'DELETE',
		path: '/webinars/{webinarKey}',
		pathParams: { webinarKey },
		itemIndex,
	});
	return { success: true, webinarKey };
}
