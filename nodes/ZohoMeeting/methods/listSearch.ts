import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveMeetingKey, toLocator } from '../actions/shared/keys';
import { ZohoClient } from '../transport';
import { assertPathId } from '../transport/pathIds';
import { searchPages } from './searchPages';

/** The searchable pickers of the node's resource locators (actions/shared/keys.ts). */

/** The contract's UTC times as a person reads them: `2025-12-15 14:00:00 UTC`. */
const readable = (time: unknown) => String(time).replace('T', ' ').replace('Z', ' UTC');

const when = (object: IDataObject) => (object.start_time ? ` (${readable(object.start_time)})` : '');

const urlOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

const meetingItem = (meeting: IDataObject) => ({
	name: `${String(meeting.topic ?? meeting.meeting_key)}${when(meeting)}`,
	value: String(meeting.meeting_key),
	url: urlOf(meeting.meeting_url),
});

/** A person of a list (a participant, a registrant): "Jane Smith <jane@example.com>". */
const person = (object: IDataObject) =>
	object.name ? `${String(object.name)} <${String(object.email ?? '')}>` : String(object.email ?? '');

export async function searchMeetings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const list = { request: { method: 'GET' as const, path: '/meetings' }, what: 'meetings', toItem: meetingItem };
	return await searchPages(this, list, filter, paginationToken);
}

/**
 * The meetings Update, Cancel and Add Participants can act on: scheduled and not yet
 * started (Zoho answers MEETING_PAST for the others). The contract's `from_date` is on
 * the start time.
 */
export async function searchUpcomingMeetings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const zoho = new ZohoClient(this);
	const now = `${new Date(zoho.clock.now()).toISOString().slice(0, 19)}Z`;
	const request = { method: 'GET' as const, path: '/meetings', qs: { status: 'scheduled', from_date: now } };
	return await searchPages(this, { request, what: 'upcoming meetings', toItem: meetingItem }, filter, paginationToken, zoho);
}

export async function searchWebinars(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const toItem = (webinar: IDataObject) => ({
		name: `${String(webinar.topic ?? webinar.webinar_key)}${when(webinar)}`,
		value: String(webinar.webinar_key),
		url: urlOf(webinar.webinar_url),
	});
	return await searchPages(this, { request: { method: 'GET', path: '/webinars' }, what: 'webinars', toItem }, filter, paginationToken);
}

export async function searchRecordings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const toItem = (recording: IDataObject) => ({
		name: `${String(recording.topic ?? recording.recording_id)}${when(recording)}`,
		value: String(recording.recording_id),
		url: urlOf(recording.streaming_url),
	});
	return await searchPages(this, { request: { method: 'GET', path: '/recordings' }, what: 'recordings', toItem }, filter, paginationToken);
}

/**
 * The meeting (webinar) a dependent picker lists from, as the editor sends it: the
 * locator chosen above, its expression already resolved by the editor when it could.
 */
function chosen(ctx: ILoadOptionsFunctions, name: 'meetingKey' | 'webinarKey') {
	const locator = toLocator(ctx.getCurrentNodeParameter(name));
	const what = name === 'meetingKey' ? 'meeting' : 'webinar';
	const value = typeof locator.value === 'string' ? locator.value.trim() : locator.value;
	if (value === '' || value === undefined || value === null) {
		throw new NodeOperationError(ctx.getNode(), `Choose the ${what} first`, {
			description: `This list shows what belongs to the ${what} chosen above: pick the ${what}, then open the list again.`,
		});
	}
	if (typeof value === 'string' && value.startsWith('=')) {
		throw new NodeOperationError(ctx.getNode(), `The ${what} is an expression the editor cannot work out here`, {
			description: `To pick from the list, choose the ${what} from its list or by key; or give this one By ID.`,
		});
	}
	return locator;
}

/** A picker of what belongs to the meeting chosen above: `/meetings/{meetingKey}/sessions` or `/participants`. */
async function searchOfMeeting(
	ctx: ILoadOptionsFunctions,
	what: 'sessions' | 'participants',
	toItem: (object: IDataObject) => INodeListSearchItems,
	search: { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const zoho = new ZohoClient(ctx);
	const meetingKey = await resolveMeetingKey(zoho, chosen(ctx, 'meetingKey'), 0);
	const request = { method: 'GET' as const, path: `/meetings/{meetingKey}/${what}`, pathParams: { meetingKey } };
	return await searchPages(ctx, { request, what, toItem }, search.filter, search.paginationToken, zoho);
}

export async function searchSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const minutes = (session: IDataObject) => (session.duration === undefined ? '' : ` (${String(session.duration)} min)`);
	const toItem = (session: IDataObject) => ({
		name: session.start_time ? `${readable(session.start_time)}${minutes(session)}` : String(session.session_id),
		value: String(session.session_id),
	});
	return await searchOfMeeting(this, 'sessions', toItem, { filter, paginationToken });
}

export async function searchParticipants(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const toItem = (participant: IDataObject) => ({ name: person(participant), value: String(participant.participant_id) });
	return await searchOfMeeting(this, 'participants', toItem, { filter, paginationToken });
}

export async function searchRegistrations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const webinarKey = assertPathId(this.getNode(), 0, 'webinarKey', chosen(this, 'webinarKey').value);
	const toItem = (registration: IDataObject) => ({
		name: `${person(registration)}${registration.status ? ` (${String(registration.status)})` : ''}`,
		value: String(registration.registration_id),
	});
	const request = { method: 'GET' as const, path: '/webinars/{webinarKey}/registrations', pathParams: { webinarKey } };
	return await searchPages(this, { request, what: 'registrations', toItem }, filter, paginationToken);
}
