import { filteredListQuery, pageOf, type ApiRoute } from '../api';
import { created, noContent, ok } from '../http';
import {
	formatTime,
	RECURRENCE_TYPES,
	WEEKDAYS,
	type MeetingInput,
	type MeetingRecord,
} from '../model';
import type { Store } from '../store';
import { SANDBOX_USER } from '../tokens';
import type { Field, Schema } from '../validation';
import { participantObject, PARTICIPANTS_FIELD } from './participants';

/** Spec "Meetings API": list, get, schedule (recurring too), update, cancel. */

export const MEETING_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;

const RECURRENCE_FIELD: Field = {
	kind: 'object',
	fields: {
		type: { kind: 'enum', values: RECURRENCE_TYPES, required: true },
		repeat_interval: { kind: 'integer', min: 1, max: 99 },
		days_of_week: { kind: 'array', items: { kind: 'enum', values: WEEKDAYS }, maxItems: 7 },
		end_date: { kind: 'dateTime' },
	},
};

/** What a PUT may change: the schedule body without participants, which have their own endpoints. */
const MEETING_UPDATE_FIELDS: Schema = {
	topic: { kind: 'string', maxLength: 200 },
	agenda: { kind: 'string', maxLength: 2000 },
	start_time: { kind: 'dateTime' },
	duration: { kind: 'integer', min: 1, max: 1440 },
	timezone: { kind: 'timezone' },
	recording_enabled: { kind: 'boolean' },
	settings: {
		kind: 'object',
		fields: {
			allow_participant_screen_share: { kind: 'boolean' },
			mute_participants_on_entry: { kind: 'boolean' },
			enable_waiting_room: { kind: 'boolean' },
			allow_recording: { kind: 'boolean' },
		},
	},
	is_recurring: { kind: 'boolean' },
	recurrence: RECURRENCE_FIELD,
	meeting_password: { kind: 'string', maxLength: 32 },
	// The plan's ceiling is checked by the store, which answers PARTICIPANT_LIMIT_REACHED.
	participant_limit: { kind: 'integer', min: 1, max: 100_000 },
};

export const MEETING_CREATE_FIELDS: Schema = {
	...MEETING_UPDATE_FIELDS,
	topic: { kind: 'string', maxLength: 200, required: true },
	start_time: { kind: 'dateTime', required: true },
	participants: PARTICIPANTS_FIELD,
};

/** The spec's Meeting Object Structure, as lists show it. */
export function meetingObject(store: Store, meeting: MeetingRecord) {
	const { recurrence } = meeting;
	return {
		meeting_key: meeting.meeting_key,
		topic: meeting.topic,
		agenda: meeting.agenda,
		start_time: formatTime(meeting.start),
		duration: meeting.duration,
		timezone: meeting.timezone,
		presenter: { ...(meeting.presenter ?? SANDBOX_USER) },
		meeting_url: meeting.meeting_url,
		meeting_password: meeting.meeting_password,
		is_recurring: recurrence !== null,
		...(recurrence && {
			recurrence: {
				type: recurrence.type,
				repeat_interval: recurrence.repeat_interval,
				days_of_week: [...recurrence.days_of_week],
				end_date: recurrence.end_date === null ? null : formatTime(recurrence.end_date),
			},
		}),
		recording_enabled: meeting.recording_enabled,
		participant_limit: meeting.participant_limit,
		settings: { ...meeting.settings },
		status: store.meetingStatus(meeting),
		created_time: formatTime(meeting.created),
		modified_time: formatTime(meeting.modified),
	};
}

/** One meeting as GET, POST and PUT answer it: with its participants (the spec's workflow reads them). */
export function meetingWithParticipants(store: Store, meeting: MeetingRecord) {
	return {
		...meetingObject(store, meeting),
		participants: meeting.participants.map(participantObject),
	};
}

export const meetingRoutes: ApiRoute[] = [
	// List Meetings
	{
		method: 'GET',
		path: '/meetings',
		scope: 'meeting',
		query: filteredListQuery(MEETING_STATUSES),
		handle: ({ store, query }) =>
			pageOf(store.listMeetings(query), query, (meeting) => meetingObject(store, meeting)),
	},
	// Get Meeting by Key
	{
		method: 'GET',
		path: '/meetings/{meeting_key}',
		scope: 'meeting',
		handle: ({ store, params }) =>
			ok(meetingWithParticipants(store, store.findMeeting(params.meeting_key))),
	},
	// Schedule Meeting, and Schedule Recurring Meeting
	{
		method: 'POST',
		path: '/meetings',
		scope: 'meeting',
		body: { schema: MEETING_CREATE_FIELDS },
		handle: ({ store, body }) =>
			created(meetingWithParticipants(store, store.createMeeting(body as MeetingInput))),
	},
	// Update Meeting
	{
		method: 'PUT',
		path: '/meetings/{meeting_key}',
		scope: 'meeting',
		body: { schema: MEETING_UPDATE_FIELDS, partial: true },
		handle: ({ store, params, body }) => {
			const meeting = store.findMeeting(params.meeting_key);
			store.updateMeeting(meeting, body as MeetingInput);
			return ok(meetingWithParticipants(store, meeting));
		},
	},
	// Cancel Meeting (notify_participants is accepted; the sandbox sends no mail)
	{
		method: 'DELETE',
		path: '/meetings/{meeting_key}',
		scope: 'meeting',
		query: { names: ['notify_participants'] },
		handle: ({ store, params }) => {
			store.cancelMeeting(store.findMeeting(params.meeting_key));
			return noContent();
		},
	},
];
