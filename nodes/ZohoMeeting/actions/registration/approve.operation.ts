import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getLocatorId, registrationIdLocator, webinarKeyLocator } from '../shared/keys';

export const option = {
	name: 'Approve',
	description: 'Approve a pending registration so the registrant can join the webinar',
	action: 'Approve a webinar registration',
};

export const properties: INodeProperties[] = [webinarKeyLocator, registrationIdLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const webinarKey = getLocatorId.call(this, 'webinarKey', itemIndex);
	const registrationId = getLocatorId.call(this, 'registrationId', itemIndex);
	const registration = await zoho.request({
		method: 'PUT',
		path: '/webinars/{webinarKey}/registrations/{registrationId}/approve',
		pathParams: { webinarKey, registrationId },
		itemIndex,
		// Approving emails the registrant: after a lost answer it is not sent a second time.
		idempotent: false,
	});
	return { success: true, webinarKey, registrationId, ...registration };
}
