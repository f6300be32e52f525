import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { assertBoolean, assertInteger, assertNonEmptyText } from '../shared/parameters';
import { scheduleBody, scheduleFields, settingsBody } from '../shared/schedule';

const MAX_DESCRIPTION_LENGTH = 5000;
/** Zoho Webinar's largest audience (Enterprise plan). */
const MAX_ATTENDEES = 10_000;

export const {
	topic: topicField,
	startTime: startTimeField,
	duration: durationField,
	timezone: timezoneField,
} = scheduleFields('webinar', 'Product Launch Webinar');

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
 * Turns the editor's fields into the contract's webinar body ("Create Webinar"; Update takes
 * the same names), checking every value first.
 */
export function toWebinarBody(node: INode, itemIndex: number, fields: IDataObject, timezone: string): IDataObject {
	const body = scheduleBody(node, itemIndex, fields, timezone);
	if (fields.description !== undefined && fields.description !== '') {
		body.description = assertNonEmptyText(node, itemIndex, 'description', fields.description, MAX_DESCRIPTION_LENGTH);
	}
	if (fields.maxAttendees !== undefined) {
		body.max_attendees = assertInteger(node, itemIndex, 'maxAttendees', fields.maxAttendees, 1, MAX_ATTENDEES);
	}
	if (fields.registrationRequired !== undefined) {
		body.registration_required = assertBoolean(node, itemIndex, 'registrationRequired', fields.registrationRequired);
	}
	const settings = settingsBody(node, itemIndex, fields, SETTINGS);
	if (settings) body.settings = settings;
	return body;
}
