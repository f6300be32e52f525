import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { assertBoolean } from '../../transport/validation';
import { meetingKeyLocator } from '../common.descriptions';
import { getMeetingKey } from '../locators';

const properties: INodeProperties[] = [
	meetingKeyLocator,
	{
		displayName: 'Notify Participants',
		name: 'notifyParticipants',
		type: 'boolean',
		default: true,
		description: 'Whether to send participants a cancellation email',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['cancel'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const notifyParticipants = assertBoolean(
		this.getNode(),
		itemIndex,
		'notifyParticipants',
		this.getNodeParameter('notifyParticipants', itemIndex, true),
	);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	await zoho.request({
		method: 'DELETE',
		path: '/meetings/{meetingKey}',
		pathParams: { meetingKey },
		qs: { notify_participants: notifyParticipants },
		itemIndex,
	});
	return { success: true, meetingKey, notifiedParticipants: notifyParticipants };
}
