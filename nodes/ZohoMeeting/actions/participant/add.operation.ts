import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { assertBoolean, assertEmail } from '../../transport/validation';
import { meetingKeyLocator } from '../common.descriptions';
import { getMeetingKey } from '../locators';
import { participantsField } from '../meeting/fields';

// The meeting's own participant row (Email, Name), plus the spec's `send_invitation`.
const [participantRow] = participantsField.options as INodePropertyCollection[];

const properties: INodeProperties[] = [
	meetingKeyLocator,
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

export const description = updateDisplayOptions(
	{ show: { resource: ['participant'], operation: ['add'] } },
	properties,
);

interface ParticipantInput {
	email?: string;
	name?: string;
	sendInvitation?: unknown;
}

/** The spec's Add Participants body, every email checked before anything is sent. */
function toParticipants(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const collection = ctx.getNodeParameter('participants', itemIndex, {}) as IDataObject;
	const entries = (collection.participant ?? []) as ParticipantInput[];
	if (entries.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No participants to add', {
			itemIndex,
			description: 'Add at least one participant with an email address under "Participants".',
		});
	}
	return entries.map((entry, index) => {
		const participant: IDataObject = {
			email: assertEmail(ctx.getNode(), itemIndex, `participants[${index}].email`, entry.email),
		};
		const name = typeof entry.name === 'string' ? entry.name.trim() : '';
		if (name) participant.name = name;
		// Only a row without the field means the default: an expression that yields null is a mistake.
		const sendInvitation = entry.sendInvitation === undefined ? true : entry.sendInvitation;
		participant.send_invitation = assertBoolean(ctx.getNode(), itemIndex, 'sendInvitation', sendInvitation);
		return participant;
	});
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
