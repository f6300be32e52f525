import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { changeableMeetingLocator, getMeetingKey } from '../shared/keys';
import { assertBoolean } from '../shared/parameters';

export const option = {
	name: 'Cancel',
	description: 'Cancel a meeting',
	action: 'Cancel a meeting',
};

export const properties: INodeProperties[] = [
	changeableMeetingLocator,
	{
		displayName: 'Notify Participants',
		name: 'notifyParticipants',
		type: 'boolean',
		default: true,
		description: 'Whether to send participants a cancellation email',
	},
];

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
