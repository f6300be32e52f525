import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertBoolean, assertInteger, toZohoDateTime } from '../transport/validation';

/** The spec's `from_date` / `to_date` list filters, as editor fields. */
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

/** Return All, Limit and Filters of a Get Many operation, as the spec's query. */
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
	const timezone = this.getTimezone();
	const qs: IDataObject = {};
	if (filters.status) qs.status = filters.status;
	if (filters.fromDate) qs.from_date = toZohoDateTime(node, itemIndex, 'fromDate', filters.fromDate, timezone);
	if (filters.toDate) qs.to_date = toZohoDateTime(node, itemIndex, 'toDate', filters.toDate, timezone);
	if (qs.from_date && qs.to_date && String(qs.from_date) > String(qs.to_date)) {
		throw new NodeOperationError(node, 'From Date is after To Date', {
			itemIndex,
			description: 'Set From Date to a time before To Date, or leave one of them empty.',
		});
	}
	return { qs, returnAll, limit };
}
