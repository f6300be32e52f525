import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getMeetingKey, meetingKeyLocator } from '../shared/keys';

export const option = {
	name: 'Get',
	description: "Get the attendance report of a meeting: sessions, duration and each participant's join and leave times",
	action: 'Get a meeting report',
};

export const properties: INodeProperties[] = [meetingKeyLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	return await zoho.request({
		method: 'GET',
		path: '/meetings/{meetingKey}/report',
		pathParams: { meetingKey },
		itemIndex,
	});
}
