import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { assertNotBefore, toZohoDateTime } from '../shared/dates';
import { assertBoolean, assertInteger, assertNonEmptyText } from '../shared/parameters';
import { participantRows, toParticipant } from '../shared/participants';
import { scheduleBody, scheduleFields, settingsBody } from '../shared/schedule';

const MAX_AGENDA_LENGTH = 2000;

export const {
	topic: topicField,
	startTime: startTimeField,
	duration: durationField,
	timezone: timezoneField,
} = scheduleFields('meeting', 'Product Demo');

/** Optional meeting fields that both Create and Update offer. */
export const meetingOptions: INodeProperties[] = [
	{
		displayName: 'Agenda',
		name: 'agenda',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Demonstrate new features to client',
		description: 'What the meeting is about, shown in the invitation',
	},
	{
		displayName: 'Allow Participant Screen Share',
		name: 'allowParticipantScreenShare',
		type: 'boolean',
		default: true,
		description: 'Whether participants may share their screen',
	},
	{
		displayName: 'Allow Recording',
		name: 'allowRecording',
		type: 'boolean',
		default: true,
		description: 'Whether the meeting may be recorded',
	},
	{
		displayName: 'Enable Waiting Room',
		name: 'enableWaitingRoom',
		type: 'boolean',
		default: false,
		description: 'Whether participants wait until the host admits them',
	},
	{
		displayName: 'Mute Participants on Entry',
		name: 'muteParticipantsOnEntry',
		type: 'boolean',
		default: false,
		description: 'Whether participants join muted',
	},
	{
		displayName: 'Participant Limit',
		name: 'participantLimit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 100,
		description: 'Max number of participants who may join',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Password participants must enter to join',
	},
	{
		displayName: 'Recording Enabled',
		name: 'recordingEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether the meeting is recorded automatically',
	},
];

const SETTINGS: Record<string, string> = {
	allowParticipantScreenShare: 'allow_participant_screen_share',
	muteParticipantsOnEntry: 'mute_participants_on_entry',
	enableWaitingRoom: 'enable_waiting_room',
	allowRecording: 'allow_recording',
};

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export const recurrenceField: INodeProperties = {
	displayName: 'Recurrence',
	name: 'recurrence',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Recurrence',
	description: 'Repeat the meeting on a schedule',
	options: [
		{
			displayName: 'Recurrence',
			name: 'rule',
			values: [
				{
					displayName: 'Repeat',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Daily', value: 'daily' },
						{ name: 'Weekly', value: 'weekly' },
						{ name: 'Monthly', value: 'monthly' },
					],
					default: 'weekly',
					description: 'How often the meeting repeats',
				},
				{
					displayName: 'Every',
					name: 'repeatInterval',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 99 },
					default: 1,
					description: 'Repeat every this many days, weeks or months',
				},
				{
					displayName: 'Days of Week',
					name: 'daysOfWeek',
					type: 'multiOptions',
					options: DAYS.map((day) => ({ name: day[0].toUpperCase() + day.slice(1), value: day })),
					default: [],
					description: 'Days a weekly meeting takes place on',
				},
				{
					displayName: 'End Date',
					name: 'endDate',
					type: 'dateTime',
					default: '',
					description:
						"Last day the meeting may take place. A time without an offset is read in the meeting's time zone, like Start Time (a time the clocks skip when they go forward is refused, and one they pass twice when they go back means the earlier).",
				},
			],
		},
	],
};

/** The contract's `recurrence` of a series, its end checked against the start. */
function toRecurrence(node: INode, itemIndex: number, rule: IDataObject, timezone: string, start: unknown): IDataObject {
	const recurrence: IDataObject = {
		type: rule.type,
		repeat_interval: assertInteger(node, itemIndex, 'repeatInterval', rule.repeatInterval ?? 1, 1, 99),
	};
	const days = (rule.daysOfWeek as string[] | undefined) ?? [];
	if (days.length) recurrence.days_of_week = days;
	if (rule.endDate) {
		recurrence.end_date = toZohoDateTime(node, itemIndex, 'endDate', rule.endDate, timezone);
		// Zoho refuses a series that ends before it starts: say so before sending it.
		if (typeof start === 'string') assertNotBefore(node, itemIndex, 'endDate', recurrence.end_date, 'startTime', start);
	}
	return recurrence;
}

/**
 * Turns the editor's fields into the contract's meeting body (Schedule Meeting, Update
 * Meeting, Schedule Recurring Meeting), checking every value first.
 */
export function toMeetingBody(node: INode, itemIndex: number, fields: IDataObject, timezone: string): IDataObject {
	const body = scheduleBody(node, itemIndex, fields, timezone);
	if (fields.agenda !== undefined && fields.agenda !== '') {
		body.agenda = assertNonEmptyText(node, itemIndex, 'agenda', fields.agenda, MAX_AGENDA_LENGTH);
	}
	if (fields.password !== undefined && fields.password !== '') {
		body.meeting_password = assertNonEmptyText(node, itemIndex, 'password', fields.password, 32);
	}
	if (fields.participantLimit !== undefined) {
		body.participant_limit = assertInteger(node, itemIndex, 'participantLimit', fields.participantLimit, 1, 1000);
	}
	if (fields.recordingEnabled !== undefined) {
		body.recording_enabled = assertBoolean(node, itemIndex, 'recordingEnabled', fields.recordingEnabled);
	}
	const settings = settingsBody(node, itemIndex, fields, SETTINGS);
	if (settings) body.settings = settings;
	const participants = participantRows(fields.participants).map((row, index) => toParticipant(node, itemIndex, row, index));
	if (participants.length) body.participants = participants;
	const rule = (fields.recurrence as IDataObject | undefined)?.rule as IDataObject | undefined;
	if (rule) {
		body.is_recurring = true;
		body.recurrence = toRecurrence(node, itemIndex, rule, timezone, body.start_time);
	}
	return body;
}
