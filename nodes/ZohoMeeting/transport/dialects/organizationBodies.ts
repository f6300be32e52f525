import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DialectContext } from './dialect';
import { msOfMinutes, zohoTimeOf } from './organizationDates';

/**
 * Request bodies and list types of Zoho's organization API. Create and edit take one
 * `session` object (create-a-meeting.html, edit-meeting-api.html; webinars the same):
 * `topic`, `agenda`, `startTime` in the session's `timezone`, `duration` in milliseconds
 * and `participants` by email. What the contract's body has beyond that cannot be sent,
 * so it is refused, naming the field as the editor shows it, before any request.
 */

export type Scheduled = 'meeting' | 'webinar';

/** The contract's body fields the organization API has no place for, by the editor's name for them. */
const NOT_SENDABLE: Record<Scheduled, Record<string, string>> = {
	meeting: {
		meeting_password: 'Password',
		participant_limit: 'Participant Limit',
		recording_enabled: 'Recording Enabled',
		is_recurring: 'Recurrence',
		recurrence: 'Recurrence',
		'settings.allow_participant_screen_share': 'Allow Participant Screen Share',
		'settings.mute_participants_on_entry': 'Mute Participants on Entry',
		'settings.enable_waiting_room': 'Enable Waiting Room',
		'settings.allow_recording': 'Allow Recording',
	},
	webinar: {
		max_attendees: 'Max Attendees',
		registration_required: 'Registration Required',
		'settings.allow_questions': 'Allow Questions',
		'settings.allow_polls': 'Allow Polls',
		'settings.record_webinar': 'Record Webinar',
	},
};

/** The contract's fields that map onto the session object. */
const SENDABLE: Record<Scheduled, readonly string[]> = {
	meeting: ['topic', 'agenda', 'start_time', 'duration', 'timezone', 'participants'],
	webinar: ['topic', 'description', 'start_time', 'duration', 'timezone'],
};

/** `settings.enable_waiting_room` and the like: a body's fields, nested ones by their path. */
const fieldPaths = (body: IDataObject) =>
	Object.entries(body).flatMap(([name, value]) =>
		name === 'settings' && value && typeof value === 'object' ? Object.keys(value).map((inner) => `settings.${inner}`) : [name],
	);

function refuseUnsendable(body: IDataObject, what: Scheduled, context: DialectContext): void {
	const unsendable = fieldPaths(body).find((path) => !SENDABLE[what].includes(path));
	if (unsendable === undefined) return;
	const label = NOT_SENDABLE[what][unsendable] ?? unsendable;
	throw new NodeOperationError(context.node, `${label} is not offered by Zoho's organization API`, {
		itemIndex: context.itemIndex,
		description: `Zoho's ${what} requests take a topic, ${what === 'meeting' ? 'agenda' : 'description'}, start time, duration and time zone${what === 'meeting' ? ", and participants' email addresses" : ''}, nothing else (docs/zoho-api.md), so nothing was sent. Remove ${label}, or, if your Zoho Meeting server speaks the v2 reference API, set the credential's API to V2.`,
	});
}

/**
 * `{ session: {...} }` of a contract body. `timeZone` is the one the start time is written
 * in: the body's, or for an edit without one the meeting's own (looked up first), which is
 * then sent too, so that Zoho cannot read the time in another.
 */
export function sessionBody(body: IDataObject, what: Scheduled, timeZone: string | undefined, context: DialectContext): IDataObject {
	refuseUnsendable(body, what, context);
	const session: IDataObject = {};
	if (body.topic !== undefined) session.topic = body.topic;
	const agenda = what === 'meeting' ? body.agenda : body.description;
	if (agenda !== undefined) session.agenda = agenda;
	if (typeof body.start_time === 'string' && timeZone) session.startTime = zohoTimeOf(body.start_time, timeZone, context);
	if (typeof body.duration === 'number') session.duration = msOfMinutes(body.duration);
	if (timeZone && (body.timezone !== undefined || session.startTime !== undefined)) session.timezone = timeZone;
	if (Array.isArray(body.participants)) {
		// Zoho invites by email address alone; the contract's names have no place.
		session.participants = (body.participants as IDataObject[]).map(({ email }) => ({ email }));
	}
	return { session };
}

/** The contract's Status filter as Zoho's `listtype`: only what has not started, or what has ended. */
const LIST_TYPES: Record<string, string> = { scheduled: 'upcoming', completed: 'past' };

export function listTypeOf(qs: IDataObject | undefined, what: string, context: DialectContext): string {
	const status = qs?.status;
	if (status === undefined || status === '') return 'all';
	const type = LIST_TYPES[String(status)];
	if (type) return type;
	throw new NodeOperationError(context.node, `Status "${String(status)}" is not offered by Zoho's organization API`, {
		itemIndex: context.itemIndex,
		description:
			status === 'cancelled'
				? `Zoho deletes a cancelled ${what.replace(/s$/, '')}: its list has no cancelled ones (list-of-meeting-api.html knows all, past, today and upcoming). Choose Scheduled or Completed, or remove the Status filter.`
				: `Zoho lists ${what} as all, past or upcoming only. Choose Scheduled or Completed, or remove the Status filter.`,
	});
}
