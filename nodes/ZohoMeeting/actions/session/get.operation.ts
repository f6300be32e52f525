import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getLocatorId, getMeetingKey, meetingKeyLocator, sessionIdLocator } from '../shared/keys';
import { readSimplify, simplifyField } from '../shared/simplify';

export const option = {
	name: 'Get',
	description: 'Get one session of a meeting, with its times and attendance',
	action: 'Get a meeting session',
};

export const properties: INodeProperties[] = [meetingKeyLocator, sessionIdLocator, ...simplifyField('session')];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const sessionId = getLocatorId.call(this, 'sessionId', itemIndex);
	const output = readSimplify.call(this, itemIndex, 'session');
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	return output(await zoho.request({
		method: 'GET',
		path: '/meetings/{meetingKey}/sessions/{sessionId}',
		pathParams: { meetingKey, sessionId },
		itemIndex,
	}));
}
