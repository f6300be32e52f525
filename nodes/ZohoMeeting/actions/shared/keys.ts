import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { assertPathId } from '../../transport/pathIds';

/**
 * The pickers of the objects operations act on (a meeting, a webinar, a recording) and
 * the functions that read them. Each operation puts them under its own displayOptions.
 */

export const meetingKeyLocator: INodeProperties = {
	displayName: 'Meeting',
	name: 'meetingKey',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The meeting to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a meeting...',
			typeOptions: { searchListMethod: 'searchMeetings', searchable: true },
		},
		{
			displayName: 'By Key',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1234567890',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[A-Za-z0-9_\\-]+$', errorMessage: 'Not a valid meeting key' },
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://meeting.zoho.com/meeting/join/abc123xyz',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^https?://.+', errorMessage: 'Not a valid URL' },
				},
			],
		},
	],
};

export const webinarKeyLocator: INodeProperties = {
	displayName: 'Webinar',
	name: 'webinarKey',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The webinar to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a webinar...',
			typeOptions: { searchListMethod: 'searchWebinars', searchable: true },
		},
		{
			displayName: 'By Key',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 2345678901',
		},
	],
};

export const recordingIdLocator: INodeProperties = {
	displayName: 'Recording',
	name: 'recordingId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The recording to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a recording...',
			typeOptions: { searchListMethod: 'searchRecordings', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. REC_1234567890',
		},
	],
};

function locatorOf(ctx: IExecuteFunctions, name: string, itemIndex: number) {
	const raw = ctx.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator | string;
	// A plain string (from an older workflow or an AI tool call) is an ID.
	return typeof raw === 'object' && raw !== null ? raw : { mode: 'id', value: raw };
}

/** Meeting keys are numeric in Zoho links such as `https://meeting.zoho.com/join?key=123`. */
function keyInUrl(url: URL): string | undefined {
	const fromQuery = url.searchParams.get('key') ?? url.searchParams.get('meetingKey');
	if (fromQuery) return fromQuery;
	const last = url.pathname.split('/').filter(Boolean).pop();
	return last && /^\d+$/.test(last) ? last : undefined;
}

/**
 * The meeting key from the `meetingKey` locator. A join link like the contract's
 * `meeting_url` (`.../meeting/join/abc123xyz`) holds no key, so such a URL is looked up
 * among the account's meetings.
 */
export async function getMeetingKey(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<string> {
	const locator = locatorOf(this, 'meetingKey', itemIndex);
	if (locator.mode !== 'url') {
		return assertPathId(this.getNode(), itemIndex, 'meetingKey', locator.value);
	}
	const text = String(locator.value ?? '').trim();
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new NodeOperationError(this.getNode(), `Meeting URL "${text.slice(0, 80)}" is not a URL`, {
			itemIndex,
			description: 'Paste the meeting link from Zoho Meeting, such as https://meeting.zoho.com/meeting/join/abc123xyz.',
		});
	}
	const key = keyInUrl(url);
	if (key) return assertPathId(this.getNode(), itemIndex, 'meetingKey', key);
	const wanted = url.toString().replace(/\/+$/, '');
	for await (const page of zoho.pages({ method: 'GET', path: '/meetings', itemIndex })) {
		const match = page.find(
			(meeting) => String(meeting.meeting_url ?? '').replace(/\/+$/, '') === wanted,
		);
		if (match) return String(match.meeting_key);
	}
	throw new NodeOperationError(this.getNode(), 'No meeting has this URL', {
		itemIndex,
		description: `None of the account's meetings has the link ${wanted}. Check the link, or pick the meeting from the list.`,
	});
}

/** The value of an `id`/`list` locator (`webinarKey`, `recordingId`), checked for the path. */
export function getLocatorId(this: IExecuteFunctions, name: string, itemIndex: number): string {
	return assertPathId(this.getNode(), itemIndex, name, locatorOf(this, name, itemIndex).value);
}
