import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { meetingKeyLocator } from '../common.descriptions';
import { getMeetingKey } from '../locators';

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['get'] } },
	[meetingKeyLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	return await zoho.request({
		method: 'GET',
		path: '/meetings/{meetingKey}/report',
		pathParams: { meetingKey },
		itemIndex,
	});
}
