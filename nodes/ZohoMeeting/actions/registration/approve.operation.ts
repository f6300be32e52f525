import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { assertPathId } from '../../transport/pathIds';
import { getLocatorId, webinarKeyLocator } from '../shared/keys';

export const option = {
	name: 'Approve',
	description: 'Approve a pending registration so the registrant can join the webinar',
	action: 'Approve a webinar registration',
};

export const properties: INodeProperties[] = [
	{ ...webinarKeyLocator, description: 'The webinar the registration belongs to' },
	{
		displayName: 'Registration ID',
		name: 'registrationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. REG_1234567890',
		description: 'ID of the registration to approve, as Registration > Get Many returns it',
	},
];


export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const webinarKey = getLocatorId.call(this, 'webinarKey', itemIndex);
	const registrationId = assertPathId(
		this.getNode(),
		itemIndex,
		'registrationId',
		this.getNodeParameter('registrationId', itemIndex),
	);
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
