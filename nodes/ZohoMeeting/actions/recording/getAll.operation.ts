import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { assertPathId, fail } from '../../transport/pathIds';
import { dateFilters, limitField, listQuery, pageThroughMatching, returnAllField } from '../shared/lists';
import { readSimplify, simplifyField } from '../shared/simplify';

export const option = {
	name: 'Get Many',
	description: 'Get many recordings',
	action: 'Get many recordings',
};

const STATUSES = ['available', 'processing'];

export const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	...simplifyField('recording'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...dateFilters('recordings of meetings starting'),
			{
				displayName: 'Meeting Key',
				name: 'meetingKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1234567890',
				description:
					"Only recordings of this meeting: its meeting_key, a number that Meeting > Get Many returns. Zoho Meeting's list has no such filter, so the node picks them out of the pages it reads.",
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: STATUSES.map((status) => ({ name: status[0].toUpperCase() + status.slice(1), value: status })),
				default: 'available',
				description:
					"Only recordings in this status; an available one can be downloaded, a processing one not yet. Zoho Meeting's list has no such filter, so the node picks them out of the pages it reads.",
			},
		],
	},
];

/** The Meeting Key and Status filters, which the node applies itself; undefined when neither is set. */
function recordingFilter(node: INode, itemIndex: number, filters: IDataObject) {
	const given = filters.meetingKey !== undefined && filters.meetingKey !== '';
	const meetingKey = given ? assertPathId(node, itemIndex, 'meetingKey', filters.meetingKey) : undefined;
	const status = filters.status;
	if (status !== undefined && !STATUSES.includes(status as string)) {
		fail(node, itemIndex, `Status "${String(status)}" is not a recording status`, `Use ${STATUSES.join(' or ')}.`);
	}
	if (meetingKey === undefined && status === undefined) return undefined;
	return (recording: IDataObject) =>
		(meetingKey === undefined || String(recording.meeting_key) === meetingKey) &&
		(status === undefined || recording.status === status);
}

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	const { qs, returnAll, limit } = listQuery.call(this, itemIndex);
	// `status` is not a query parameter of the contract's list: it is matched here, with the meeting.
	delete qs.status;
	const matches = recordingFilter(this.getNode(), itemIndex, this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	const output = readSimplify.call(this, itemIndex, 'recording');
	const request = { method: 'GET' as const, path: '/recordings', qs, itemIndex };
	if (!matches) return output(await zoho.pageThrough(request, { returnAll, limit }));
	return output(await pageThroughMatching(zoho, request, { returnAll, limit }, matches));
}
