import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiRequest, ZohoClient } from '../../transport';
import { toZohoDateTime } from './dates';
import { getMeetingKey, meetingKeyLocator } from './keys';
import { assertBoolean, assertInteger } from './parameters';
import { readSimplify, simplifyField } from './simplify';

/** The fields of a Get Many (Return All, Limit, Filters) and the functions that read them. */

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** The contract's `from_date` / `to_date` list filters, as editor fields. */
export function dateFilters(what: string): INodeProperties[] {
	return [
		{
			displayName: 'From Date',
			name: 'fromDate',
			type: 'dateTime',
			default: '',
			description: `Only ${what} at or after this time. A time without an offset is read in the workflow's time zone (a time the clocks skip when they go forward is refused, and one they pass twice when they go back means the earlier).`,
		},
		{
			displayName: 'To Date',
			name: 'toDate',
			type: 'dateTime',
			default: '',
			description: `Only ${what} at or before this time. A time without an offset is read in the workflow's time zone (a time the clocks skip when they go forward is refused, and one they pass twice when they go back means the earlier).`,
		},
	];
}

const MAX_LIMIT = 100_000;

/**
 * A From Date and To Date as the contract's `from_date` and `to_date` (UTC): a time
 * without an offset is read in the workflow's time zone. Either may be empty.
 */
export function dateRange(
	this: IExecuteFunctions,
	itemIndex: number,
	{ fromDate, toDate }: { fromDate?: unknown; toDate?: unknown },
): { from_date?: string; to_date?: string } {
	const node = this.getNode();
	const timezone = this.getTimezone();
	const range: { from_date?: string; to_date?: string } = {};
	if (fromDate) range.from_date = toZohoDateTime(node, itemIndex, 'fromDate', fromDate, timezone);
	if (toDate) range.to_date = toZohoDateTime(node, itemIndex, 'toDate', toDate, timezone);
	if (range.from_date && range.to_date && range.from_date > range.to_date) {
		throw new NodeOperationError(node, 'From Date is after To Date', {
			itemIndex,
			description: 'Set From Date to a time before To Date, or leave one of them empty.',
		});
	}
	return range;
}

/** Return All, Limit and Filters of a Get Many operation, as the contract's query. */
export function listQuery(
	this: IExecuteFunctions,
	itemIndex: number,
): { qs: IDataObject; returnAll: boolean; limit?: number } {
	const node = this.getNode();
	const returnAll = assertBoolean(node, itemIndex, 'returnAll', this.getNodeParameter('returnAll', itemIndex, false));
	const limit = returnAll
		? undefined
		: assertInteger(node, itemIndex, 'limit', this.getNodeParameter('limit', itemIndex, 50), 1, MAX_LIMIT);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...dateRange.call(this, itemIndex, filters) };
	if (filters.status) qs.status = filters.status;
	return { qs, returnAll, limit };
}

/** The Filters collection of a Get Many: the contract's `from_date`, `to_date` and `status`. */
export function listFilters(what: string, statuses: string[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...dateFilters(`${what} starting`),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: statuses.map((status) => ({ name: status[0].toUpperCase() + status.slice(1), value: status })),
				default: 'scheduled',
				description: `Only ${what} in this status`,
			},
		],
	};
}

/**
 * Get Many with a filter the contract's list lacks (`GET /recordings` filters by date
 * only, docs/api-contract.md): the node keeps the objects that `matches`. A Limit counts
 * matches, so pages of 100 are read until `limit` objects match or the list ends.
 */
export async function pageThroughMatching(
	zoho: ZohoClient,
	request: ApiRequest,
	{ returnAll, limit = 50 }: { returnAll: boolean; limit?: number },
	matches: (object: IDataObject) => boolean,
): Promise<IDataObject[]> {
	if (returnAll) return (await zoho.pageThrough(request, { returnAll })).filter(matches);
	const found: IDataObject[] = [];
	for await (const page of zoho.pages(request)) {
		for (const object of page) if (matches(object)) found.push(object);
		if (found.length >= limit) break;
	}
	return found.slice(0, limit);
}

type OfMeeting = 'participant' | 'session';

/** Get Many of what belongs to one meeting (its participants, its sessions): the fields. */
export function meetingListProperties(kind: OfMeeting): INodeProperties[] {
	return [meetingKeyLocator, returnAllField, limitField, ...simplifyField(kind)];
}

/** Get Many of what belongs to one meeting: `/meetings/{meetingKey}/participants` or `/sessions`. */
export async function getAllOfMeeting(
	this: IExecuteFunctions,
	itemIndex: number,
	zoho: ZohoClient,
	kind: OfMeeting,
): Promise<IDataObject[]> {
	const { returnAll, limit } = listQuery.call(this, itemIndex);
	const output = readSimplify.call(this, itemIndex, kind);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	const request = { method: 'GET' as const, path: `/meetings/{meetingKey}/${kind}s`, pathParams: { meetingKey }, itemIndex };
	return output(await zoho.pageThrough(request, { returnAll, limit }));
}
