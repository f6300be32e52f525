import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	assertInteger,
	assertNonEmptyText,
	toZohoDateTime,
} from '../../transport/validation';
import { timezoneField } from '../common.descriptions';
import { durationField, MAX_DURATION_MINUTES, startTimeField, topicField } from '../meeting/fields';

const MAX_TOPIC_LENGTH = 200;
const MAX_DESCRIPTION_LENGTH = 5000;
/** Zoho Webinar's largest audience (Enterprise plan). */
const MAX_ATTENDEES = 10_000;

export const webinarTopicField: INodeProperties = {
	...topicField,
	placeholder: 'e.g. Product Launch Webinar',
	description: 'Title of the webinar, shown to attendees',
};

export const webinarStartTimeField: INodeProperties = {
	...startTimeField,
	description:
		"When the webinar starts. A time without an offset is read in the webinar's time zone; it is sent to Zoho in UTC.",
};

export const webinarDurationField: INodeProperties = {
	...durationField,
	description: 'Length of the webinar in minutes',
};

export const webinarTimezoneField: INodeProperties = {
	...timezoneField,
	description:
		'Time zone of the webinar; a start time without an offset is read in it. Defaults to the workflow\'s time zone. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Optional webinar fields that both Create and Update offer. */
export const webinarOptions: INodeProperties[] = [
	{
		displayName: 'Allow Polls',
		name: 'allowPolls',
		type: 'boolean',
		default: true,
		description: 'Whether the presenter may run polls during the webinar',
	},
	{
		displayName: 'Allow Questions',
		name: 'allowQuestions',
		type: 'boolean',
		default: true,
		description: 'Whether attendees may ask questions during the webinar',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Introducing our latest product features',
		description: 'What the webinar is about, shown on the registration page and in the invitation',
	},
	{
		displayName: 'Max Attendees',
		name: 'maxAttendees',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_ATTENDEES },
		default: 100,
		description: 'Max number of attendees who may join',
	},
	{
		displayName: 'Record Webinar',
		name: 'recordWebinar',
		type: 'boolean',
		default: false,
		description: 'Whether the webinar is recorded',
	},
	{
		displayName: 'Registration Required',
		name: 'registrationRequired',
		type: 'boolean',
		default: false,
		description: 'Whether attendees must register, and be approved, before they can join',
	},
];

const SETTINGS: Record<string, string> = {
	allowQuestions: 'allow_questions',
	allowPolls: 'allow_polls',
	recordWebinar: 'record_webinar',
};

/**
 * Turns the editor's fields into the spec's webinar body ("Create Webinar"; Update takes
 * the same names), checking every value first.
 */
export function toWebinarBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	timezone: string,
): IDataObject {
	const node = ctx.getNode();
	const body: IDataObject = {};
	if (fields.topic !== undefined) {
		body.topic = assertNonEmptyText(node, itemIndex, 'topic', fields.topic, MAX_TOPIC_LENGTH);
	}
	if (fields.description !== undefined && fields.description !== '') {
		body.description = assertNonEmptyText(
			node,
			itemIndex,
			'description',
			fields.description,
			MAX_DESCRIPTION_LENGTH,
		);
	}
	if (fields.startTime !== undefined) {
		body.start_time = toZohoDateTime(node, itemIndex, 'startTime', fields.startTime, timezone);
	}
	if (fields.duration !== undefined) {
		body.duration = assertInteger(node, itemIndex, 'duration', fields.duration, 1, MAX_DURATION_MINUTES);
	}
	if (fields.timezone !== undefined) body.timezone = timezone;
	if (fields.maxAttendees !== undefined) {
		body.max_attendees = assertInteger(node, itemIndex, 'maxAttendees', fields.maxAttendees, 1, MAX_ATTENDEES);
	}
	if (fields.registrationRequired !== undefined) {
		body.registration_required = Boolean(fields.registrationRequired);
	}
	const settings: IDataObject = {};
	for (const [field, apiName] of Object.entries(SETTINGS)) {
		if (fields[field] !== undefined) settings[apiName] = Boolean(fields[field]);
	}
	if (Object.keys(settings).length) body.settings = settings;
	return body;
}
