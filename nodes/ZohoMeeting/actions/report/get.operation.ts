import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getMeetingKey, meetingKeyLocator } from '../shared/keys';
import { assertBoolean } from '../shared/parameters';

export const option = {
	name: 'Get',
	description: "Get the attendance report of a meeting: sessions, duration and each participant's join and leave times",
	action: 'Get a meeting report',
};

export const properties: INodeProperties[] = [meetingKeyLocator];

export const options: INodeProperties[] = [
	{
		displayName: 'Item per Participant',
		name: 'itemPerParticipant',
		type: 'boolean',
		default: false,
		description:
			"Whether to output one item per row of the report's participant_details (name, email, join_time, leave_time, duration), each with the meeting's meeting_key and topic, instead of the report as one item",
	},
];

/**
 * The report's participant rows, each with the meeting's key and topic. A participant who
 * attended several sessions of a recurring meeting has a row for each (the API contract's
 * participant_details). Zoho may leave the list out when no one attended.
 */
function participantItems(ctx: IExecuteFunctions, itemIndex: number, meetingKey: string, report: IDataObject): IDataObject[] {
	const rows: unknown = report.participant_details ?? [];
	const isRow = (row: unknown) => typeof row === 'object' && row !== null && !Array.isArray(row);
	if (!Array.isArray(rows) || !rows.every(isRow)) {
		throw new NodeOperationError(ctx.getNode(), 'Zoho Meeting answered a report whose participant_details is not a list of participants', {
			itemIndex,
			description: 'Turn off Item per Participant to see the report as Zoho Meeting sent it.',
		});
	}
	const meeting = { meeting_key: report.meeting_key ?? meetingKey, topic: report.topic };
	return (rows as IDataObject[]).map((row) => Object.assign({}, meeting, row, meeting));
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	zoho: ZohoClient,
): Promise<IDataObject | IDataObject[]> {
	const perParticipant = assertBoolean(
		this.getNode(),
		itemIndex,
		'itemPerParticipant',
		this.getNodeParameter('options.itemPerParticipant', itemIndex, false),
	);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	const report = await zoho.request({
		method: 'GET',
		path: '/meetings/{meetingKey}/report',
		pathParams: { meetingKey },
		itemIndex,
	});
	return perParticipant ? participantItems(this, itemIndex, meetingKey, report) : report;
}
