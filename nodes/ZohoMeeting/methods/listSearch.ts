import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { MAX_PER_PAGE, ZohoClient } from '../transport';

/**
 * Searchable pickers. Zoho's list endpoints have no text search, so each call reads one
 * page of 100 and filters it here; n8n asks for the next page with paginationToken.
 */
async function searchList(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	paginationToken: string | undefined,
	toItem: (object: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) || 1;
	const list = await new ZohoClient(ctx).requestPage({ method: 'GET', path }, page, MAX_PER_PAGE);
	const needle = filter?.trim().toLowerCase();
	const results = list.data
		.map(toItem)
		.filter((item) => !needle || `${item.name} ${item.value}`.toLowerCase().includes(needle));
	return { results, paginationToken: list.hasMore ? String(page + 1) : undefined };
}
function when(object: IDataObject): string {
	return object.start_time ? ` (${String(object.start_time).replace('T', ' ').replace('Z', ' UTC')})` : '';
}

export async function searchMeetings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, '/meetings', filter, paginationToken, (meeting) => ({
		name: `${String(meeting.topic ?? meeting.meeting_key)}${when(meeting)}`,
		value: String(meeting.meeting_key),
		url: typeof meeting.meeting_url === 'string' ? meeting.meeting_url : undefined,
	}));
}

export async function searchWebinars(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, '/webinars', filter, paginationToken, (webinar) => ({
		name: `${String(webinar.topic ?? webinar.webinar_key)}${when(webinar)}`,
		value: String(webinar.webinar_key),
		url: typeof webinar.webinar_url === 'string' ? webinar.webinar_url : undefined,
	}));
}

export async function searchRecordings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, '/recordings', filter, paginationToken, (recording) => ({
		name: `${String(recording.topic ?? recording.recording_id)}${when(recording)}`,
		value: String(recording.recording_id),
		url: typeof recording.streaming_url === 'string' ? recording.streaming_url : undefined,
	}));
}
