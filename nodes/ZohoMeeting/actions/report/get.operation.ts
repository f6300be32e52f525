import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { zohoApiRequest } from '../../transport';
import { meetingKeyLocator } from '../common.descriptions';
import { getMeetingKey } from '../locators';

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['get'] } },
	[meetingKeyLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const meetingKey = await getMeetingKey.call(this, itemIndex);
	return await zohoApiRequest.call(this, {
		method: 'GET',
		path: '/meetings/{meetingKey}/report',
		pathParams: { meetingKey },
		itemIndex,
	});
}
