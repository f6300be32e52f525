import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { assertBoolean, assertEmail } from './parameters';

/** Participant rows (Email, Name), as a meeting's Create and Participant > Add take them. */

export const participantsField: INodeProperties = {
	displayName: 'Participants',
	name: 'participants',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Participant',
	description: 'People to invite',
	options: [
		{
			displayName: 'Participant',
			name: 'participant',
			values: [
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
					description: 'Email address of the participant',
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. Jane Smith',
					description: 'Display name of the participant',
				},
			],
		},
	],
};

/** One row of a Participants collection, as the editor or an expression gives it. */
export interface ParticipantRow {
	email?: unknown;
	name?: unknown;
	sendInvitation?: unknown;
}

/** The rows of a Participants collection (`{ participant: [...] }`). */
export function participantRows(collection: unknown): ParticipantRow[] {
	const rows = (collection as IDataObject | undefined)?.participant;
	return Array.isArray(rows) ? (rows as ParticipantRow[]) : [];
}

/**
 * A participant of the contract's bodies (`{email, name, send_invitation}`): the email
 * checked, the name trimmed and left out when empty, the invitation only when asked for.
 */
export function toParticipant(
	node: INode,
	itemIndex: number,
	row: ParticipantRow,
	index: number,
	withInvitation = false,
): IDataObject {
	const participant: IDataObject = { email: assertEmail(node, itemIndex, `participants[${index}].email`, row.email) };
	const name = typeof row.name === 'string' ? row.name.trim() : '';
	if (name) participant.name = name;
	if (withInvitation) {
		// Only a row without the field means the default: an expression that yields null is a mistake.
		const sendInvitation = row.sendInvitation === undefined ? true : row.sendInvitation;
		participant.send_invitation = assertBoolean(node, itemIndex, 'sendInvitation', sendInvitation);
	}
	return participant;
}
