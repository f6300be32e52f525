import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { fail } from '../../transport/pathIds';
import { dateFilters, dateRange } from '../shared/lists';

export const option = {
	name: 'Get Statistics',
	description:
		'Count the meetings starting in a date range: in total, by status, their total and average duration, and how many have recording enabled',
	action: 'Get meeting statistics',
};

export const properties: INodeProperties[] = dateFilters('meetings starting').map((field) => ({ ...field, required: true }));

/** The statuses of the contract's meetings (docs/api-contract.md), counted even when none has them. */
const STATUSES = ['scheduled', 'completed', 'cancelled'];

interface Statistics {
	total_meetings: number;
	by_status: Record<string, number>;
	total_duration: number;
	recording_enabled_count: number;
}

/** Adds one meeting to the totals. A duration that is not a number of minutes counts as 0. */
function count(statistics: Statistics, meeting: IDataObject): void {
	const status = typeof meeting.status === 'string' && meeting.status ? meeting.status : 'unknown';
	const duration = Number(meeting.duration);
	statistics.total_meetings += 1;
	statistics.by_status[status] = (statistics.by_status[status] ?? 0) + 1;
	statistics.total_duration += Number.isFinite(duration) && duration > 0 ? duration : 0;
	if (meeting.recording_enabled === true) statistics.recording_enabled_count += 1;
}

/**
 * The API reference's "Meeting Analytics" example (docs/api-contract.md) as one call: the
 * meetings starting from From Date to To Date, read 100 to a request (the contract's
 * largest page) and counted as they arrive, so a long range holds one page in memory.
 * Durations are minutes; the average is rounded to one decimal.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const fromDate = this.getNodeParameter('fromDate', itemIndex, '');
	const toDate = this.getNodeParameter('toDate', itemIndex, '');
	if (!fromDate || !toDate) {
		fail(this.getNode(), itemIndex, `${fromDate ? 'To' : 'From'} Date is empty`, 'Enter the first and the last start time of the meetings to count.');
	}
	const range = dateRange.call(this, itemIndex, { fromDate, toDate });
	const statistics: Statistics = {
		total_meetings: 0,
		by_status: Object.fromEntries(STATUSES.map((status) => [status, 0])),
		total_duration: 0,
		recording_enabled_count: 0,
	};
	for await (const page of zoho.pages({ method: 'GET', path: '/meetings', qs: range, itemIndex })) {
		for (const meeting of page) count(statistics, meeting);
	}
	const average = statistics.total_meetings ? statistics.total_duration / statistics.total_meetings : 0;
	return {
		...range,
		total_meetings: statistics.total_meetings,
		by_status: statistics.by_status,
		total_duration: statistics.total_duration,
		avg_duration: Math.round(average * 10) / 10,
		recording_enabled_count: statistics.recording_enabled_count,
	};
}
