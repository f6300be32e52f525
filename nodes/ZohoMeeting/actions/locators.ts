import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZohoClient } from '../transport';
import { assertPathId, assertTimezone } from '../transport/validation';

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
 * The meeting key from the `meetingKey` locator. A join link like the spec's
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

/** The chosen time zone, or the workflow's when none is chosen. */
export function getTimezone(this: IExecuteFunctions, itemIndex: number, value: unknown): string {
	// Only an empty choice means the workflow's zone: an expression that yields a number or
	// an object is a mistake to report, not a reason to schedule in another zone.
	const unset = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	const zone = unset ? this.getTimezone() : typeof value === 'string' ? value.trim() : value;
	return assertTimezone(this.getNode(), itemIndex, 'timezone', zone);
}
