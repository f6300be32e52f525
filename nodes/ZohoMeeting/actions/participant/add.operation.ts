import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { changeableMeetingLocator, getMeetingKey } from '../shared/keys';
import { participantRows, participantsField, toParticipant } from '../shared/participants';

// The meeting's own participant row (Email, Name), plus the contract's `send_invitation`.
const [participantRow] = participantsField.options as INodePropertyCollection[];

export const option = {
	name: 'Add',
	description: 'Add participants to a meeting and optionally email them an invitation',
	action: 'Add participants to a meeting',
};

export const properties: INodeProperties[] = [
	changeableMeetingLocator,
	{
		...participantsField,
		description: 'People to add to the meeting',
		options: [
			{
				...participantRow,
				values: [
					...participantRow.values,
					{
						displayName: 'Send Invitation',
						name: 'sendInvitation',
						type: 'boolean',
						default: true,
						description: 'Whether Zoho Meeting emails the participant an invitation',
					},
				],
			},
		],
	},
];

/** The contract's Add Participants body, every email checked before anything is sent. */
function toParticipants(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const rows = participantRows(ctx.getNodeParameter('participants', itemIndex, {}));
	if (rows.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No participants to add', {
			itemIndex,
			description: 'Add at least one participant with an email address under "Participants".',
		});
	}
	return rows.map((row, index) => toParticipant(ctx.getNode(), itemIndex, row, index, true));
}

/** The API answers with the added participants, as a list or wrapped in `participants`. */
function addedParticipants(data: IDataObject): IDataObject[] {
	if (Array.isArray(data)) return data as IDataObject[];
	if (Array.isArray(data.participants)) return data.participants as IDataObject[];
	return [data];
}

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	const participants = toParticipants(this, itemIndex);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	const data = await zoho.request({
		method: 'POST',
		path: '/meetings/{meetingKey}/participants',
		pathParams: { meetingKey },
		body: { participants },
		itemIndex,
	});
	return addedParticipants(data);
}
