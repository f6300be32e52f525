import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getMeetingKey, meetingKeyLocator } from '../shared/keys';
import { readSimplify, simplifyField } from '../shared/simplify';

export const option = {
	name: 'Get',
	description: 'Get a meeting',
	action: 'Get a meeting',
};

export const properties: INodeProperties[] = [meetingKeyLocator, ...simplifyField('meeting')];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const output = readSimplify.call(this, itemIndex, 'meeting');
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	return output(await zoho.request({
		method: 'GET',
		path: '/meetings/{meetingKey}',
		pathParams: { meetingKey },
		itemIndex,
	}));
}
