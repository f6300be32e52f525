import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { assertTimezone, toZohoDateTime } from './dates';
import { assertBoolean, assertInteger, assertNonEmptyText } from './parameters';

/**
 * What meetings and webinars share: the contract gives both the same `topic`,
 * `start_time`, `duration`, `timezone` and a nested `settings` object of yes/no values.
 */

/** Zoho schedules meetings and webinars of up to a day. */
export const MAX_DURATION_MINUTES = 1440;
const MAX_TOPIC_LENGTH = 200;

const TIME_RULES =
	'a time the clocks skip when they go forward is refused, and one they pass twice when they go back means the earlier';

/** The schedule fields of a meeting or a webinar, in its own words. */
export function scheduleFields(what: 'meeting' | 'webinar', example: string) {
	const audience = what === 'meeting' ? 'participants' : 'attendees';
	const topic: INodeProperties = {
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		default: '',
		placeholder: `e.g. ${example}`,
		description: `Title of the ${what}, shown to ${audience}`,
	};
	const startTime: INodeProperties = {
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: `When the ${what} starts. A time without an offset is read in the ${what}'s time zone (${TIME_RULES}); it is sent to Zoho in UTC.`,
	};
	const duration: INodeProperties = {
		displayName: 'Duration (Minutes)',
		name: 'duration',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_DURATION_MINUTES },
		default: 60,
		description: `Length of the ${what} in minutes`,
	};
	const timezone: INodeProperties = {
		displayName: 'Timezone Name or ID',
		name: 'timezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		default: '',
		description: `Time zone of the ${what}; a start time without an offset is read in it. Defaults to the workflow's time zone. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
	return { topic, startTime, duration, timezone };
}

/** The chosen time zone, or the workflow's when none is chosen. */
export function getTimezone(this: IExecuteFunctions, itemIndex: number, value: unknown): string {
	// Only an empty choice means the workflow's zone: an expression that yields a number or
	// an object is a mistake to report, not a reason to schedule in another zone.
	const unset = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	const zone = unset ? this.getTimezone() : typeof value === 'string' ? value.trim() : value;
	return assertTimezone(this.getNode(), itemIndex, 'timezone', zone);
}

/** The Create fields of a meeting or webinar, with the chosen (or the workflow's) time zone. */
export function readScheduleFields(
	this: IExecuteFunctions,
	itemIndex: number,
): { fields: IDataObject; timezone: string } {
	const timezone = getTimezone.call(this, itemIndex, this.getNodeParameter('timezone', itemIndex, ''));
	const fields: IDataObject = {
		topic: this.getNodeParameter('topic', itemIndex),
		startTime: this.getNodeParameter('startTime', itemIndex),
		duration: this.getNodeParameter('duration', itemIndex, 60),
		timezone,
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	return { fields, timezone };
}

/** `topic`, `start_time` (UTC), `duration` and `timezone` of a body, each checked. */
export function scheduleBody(node: INode, itemIndex: number, fields: IDataObject, timezone: string): IDataObject {
	const body: IDataObject = {};
	if (fields.topic !== undefined) {
		body.topic = assertNonEmptyText(node, itemIndex, 'topic', fields.topic, MAX_TOPIC_LENGTH);
	}
	if (fields.startTime !== undefined) {
		body.start_time = toZohoDateTime(node, itemIndex, 'startTime', fields.startTime, timezone);
	}
	if (fields.duration !== undefined) {
		body.duration = assertInteger(node, itemIndex, 'duration', fields.duration, 1, MAX_DURATION_MINUTES);
	}
	if (fields.timezone !== undefined) body.timezone = timezone;
	return body;
}

/**
 * The contract's nested `settings` object from the editor's flat yes/no fields
 * (`apiNames` maps field name to API name); undefined when none is set.
 */
export function settingsBody(
	node: INode,
	itemIndex: number,
	fields: IDataObject,
	apiNames: Record<string, string>,
): IDataObject | undefined {
	const settings: IDataObject = {};
	for (const [field, apiName] of Object.entries(apiNames)) {
		if (fields[field] !== undefined) settings[apiName] = assertBoolean(node, itemIndex, field, fields[field]);
	}
	return Object.keys(settings).length ? settings : undefined;
}
