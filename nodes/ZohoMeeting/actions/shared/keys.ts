import type {
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { assertPathId } from '../../transport/pathIds';

/**
 * The pickers of the objects operations act on (a meeting, a webinar, a recording, a
 * session, a participant, a registration) and the functions that read them. Each
 * operation puts them under its own displayOptions. The descriptions say what a key looks
 * like and where a workflow finds it: an AI agent using the node as a tool reads them.
 */

interface PickerSpec {
	name: string;
	displayName: string;
	description: string;
	/** The listSearch method (methods/listSearch.ts) of the `list` mode. */
	searchListMethod: string;
	/** The `id` mode: its label, an example value and, if any, what the editor checks as it is typed. */
	byId: Pick<INodePropertyMode, 'displayName' | 'placeholder' | 'validation'>;
	/** The locator whose choice this list depends on (a meeting's sessions, a webinar's registrations). */
	dependsOn?: 'meetingKey' | 'webinarKey';
}

function picker(spec: PickerSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: spec.description,
		// The editor sends the chosen meeting (webinar) with the list request, resolved if it is an expression.
		...(spec.dependsOn && { typeOptions: { loadOptionsDependsOn: [`${spec.dependsOn}.value`] } }),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${spec.displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{ name: 'id', type: 'string', ...spec.byId },
		],
	};
}

const meetingPicker = picker({
	name: 'meetingKey',
	displayName: 'Meeting',
	description:
		'The meeting to act on. Its key is a number such as 1234567890: the meeting_key that Meeting > Create and Meeting > Get Many return. By URL takes its join link (meeting_url).',
	searchListMethod: 'searchMeetings',
	byId: {
		displayName: 'By Key',
		placeholder: 'e.g. 1234567890',
		validation: [{ type: 'regex', properties: { regex: '^[A-Za-z0-9_\\-]+$', errorMessage: 'Not a valid meeting key' } }],
	},
});

export const meetingKeyLocator: INodeProperties = {
	...meetingPicker,
	modes: [
		...(meetingPicker.modes ?? []),
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://meeting.zoho.com/meeting/join/abc123xyz',
			validation: [{ type: 'regex', properties: { regex: '^https?://.+', errorMessage: 'Not a valid URL' } }],
		},
	],
};

/**
 * The meeting of Update, Cancel and Add Participants: Zoho refuses to change a meeting
 * that has started, ended or been cancelled (MEETING_PAST, docs/api-contract.md), so its
 * list holds only scheduled meetings yet to start.
 */
export const changeableMeetingLocator: INodeProperties = {
	...meetingKeyLocator,
	description: `${meetingKeyLocator.description} The list shows only meetings that can still change: scheduled and not yet started.`,
	modes: (meetingKeyLocator.modes as INodePropertyMode[]).map((mode) =>
		mode.name === 'list' ? { ...mode, typeOptions: { ...mode.typeOptions, searchListMethod: 'searchUpcomingMeetings' } } : mode,
	),
};

export const webinarKeyLocator: INodeProperties = picker({
	name: 'webinarKey',
	displayName: 'Webinar',
	description:
		'The webinar to act on. Its key is a number such as 2345678901: the webinar_key that Webinar > Create and Webinar > Get Many return.',
	searchListMethod: 'searchWebinars',
	byId: { displayName: 'By Key', placeholder: 'e.g. 2345678901' },
});

export const recordingIdLocator: INodeProperties = picker({
	name: 'recordingId',
	displayName: 'Recording',
	description:
		'The recording to act on. Its ID looks like REC_1234567890: the recording_id that Recording > Get Many and the New Recording trigger return.',
	searchListMethod: 'searchRecordings',
	byId: { displayName: 'By ID', placeholder: 'e.g. REC_1234567890' },
});

export const sessionIdLocator: INodeProperties = picker({
	name: 'sessionId',
	displayName: 'Session',
	description:
		'One held occurrence of the meeting. Its ID looks like SESSION_1234567890: the session_id that Session > Get Many returns for the meeting.',
	searchListMethod: 'searchSessions',
	byId: { displayName: 'By ID', placeholder: 'e.g. SESSION_1234567890' },
	dependsOn: 'meetingKey',
});

export const participantIdLocator: INodeProperties = picker({
	name: 'participantId',
	displayName: 'Participant',
	description:
		'The participant of the meeting. Their ID is a number such as 9876543210: the participant_id that Participant > Get Many and Participant > Add return.',
	searchListMethod: 'searchParticipants',
	byId: { displayName: 'By ID', placeholder: 'e.g. 9876543210' },
	dependsOn: 'meetingKey',
});

export const registrationIdLocator: INodeProperties = picker({
	name: 'registrationId',
	displayName: 'Registration',
	description:
		'A registration for the webinar. Its ID is a number such as 5678901234: the registration_id that Registration > Get Many returns for the webinar.',
	searchListMethod: 'searchRegistrations',
	byId: { displayName: 'By ID', placeholder: 'e.g. 5678901234' },
	dependsOn: 'webinarKey',
});

/** A locator's value as a locator: a plain string (an older workflow, an AI tool call) is an ID. */
export function toLocator(raw: unknown): Pick<INodeParameterResourceLocator, 'mode' | 'value'> {
	if (typeof raw === 'object' && raw !== null && 'mode' in raw) return raw as INodeParameterResourceLocator;
	return { mode: 'id', value: raw as string };
}

/** Meeting keys are numeric in Zoho links such as `https://meeting.zoho.com/join?key=123`. */
function keyInUrl(url: URL): string | undefined {
	const fromQuery = url.searchParams.get('key') ?? url.searchParams.get('meetingKey');
	if (fromQuery) return fromQuery;
	const last = url.pathname.split('/').filter(Boolean).pop();
	return last && /^\d+$/.test(last) ? last : undefined;
}

/**
 * The meeting key a `meetingKey` locator names. A join link like the contract's
 * `meeting_url` (`.../meeting/join/abc123xyz`) holds no key, so such a URL is looked up
 * among the account's meetings. The operations and the pickers that depend on the meeting
 * read it alike.
 */
export async function resolveMeetingKey(
	zoho: ZohoClient,
	locator: Pick<INodeParameterResourceLocator, 'mode' | 'value'>,
	itemIndex: number,
): Promise<string> {
	if (locator.mode !== 'url') return assertPathId(zoho.node, itemIndex, 'meetingKey', locator.value);
	const text = String(locator.value ?? '').trim();
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new NodeOperationError(zoho.node, `Meeting URL "${text.slice(0, 80)}" is not a URL`, {
			itemIndex,
			description: 'Paste the meeting link from Zoho Meeting, such as https://meeting.zoho.com/meeting/join/abc123xyz.',
		});
	}
	const key = keyInUrl(url);
	if (key) return assertPathId(zoho.node, itemIndex, 'meetingKey', key);
	const wanted = url.toString().replace(/\/+$/, '');
	for await (const page of zoho.pages({ method: 'GET', path: '/meetings', itemIndex })) {
		const match = page.find((meeting) => String(meeting.meeting_url ?? '').replace(/\/+$/, '') === wanted);
		if (match) return String(match.meeting_key);
	}
	throw new NodeOperationError(zoho.node, 'No meeting has this URL', {
		itemIndex,
		description: `None of the account's meetings has the link ${wanted}. Check the link, or pick the meeting from the list.`,
	});
}

/** The meeting key of the item's `meetingKey` locator. */
export async function getMeetingKey(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<string> {
	return await resolveMeetingKey(zoho, toLocator(this.getNodeParameter('meetingKey', itemIndex)), itemIndex);
}

/** The value of an `id`/`list` locator (`webinarKey`, `recordingId`, `sessionId`, ...), checked for the path. */
export function getLocatorId(this: IExecuteFunctions, name: string, itemIndex: number): string {
	return assertPathId(this.getNode(), itemIndex, name, toLocator(this.getNodeParameter(name, itemIndex)).value);
}
