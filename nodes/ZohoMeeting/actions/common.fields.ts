import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiRequest, ZohoClient } from '../transport';
import {
	assertBoolean,
	assertInteger,
	assertNonEmptyText,
	type DateTimeInput,
	inTimezone,
	isTimezone,
	parseDateTime,
	toZohoDateTime,
} from '../transport/validation';
import { dateFilters } from './filters';
import { getTimezone } from './locators';

/**
 * Pieces that meetings and webinars share: the spec gives both the same `topic`,
 * `start_time`, `duration`, `timezone` and a nested `settings` object, and both list
 * endpoints take the same filters.
 */

/** Zoho schedules meetings and webinars of up to a day. */
export const MAX_DURATION_MINUTES = 1440;

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

/** The Update Fields collection of an update operation, its options sorted as n8n lists them. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** An Update's Timezone: left out, a new start time is read in the object's current zone. */
export function updateTimezoneField(timezoneField: INodeProperties, what: 'meeting' | 'webinar'): INodeProperties {
	return {
		...timezoneField,
		description: `New time zone of the ${what}; a start time without an offset is read in it, or, without this field, in the ${what}'s current time zone. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/** The Update Fields collection; an empty one is refused, since PUT would change nothing. */
export function readUpdateFields(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields is empty', {
			itemIndex,
			description: 'Add at least one field to change under "Update Fields".',
		});
	}
	return fields;
}

/**
 * An Update's body, every field checked, save a Start Time without an offset when Update
 * Fields has no Timezone: that time is read in the meeting's (webinar's) own zone, which
 * only the object itself knows (issue 10, finding 9).
 */
export interface ScheduleUpdate {
	body: IDataObject;
	localStart?: DateTimeInput;
}

/** Reads and checks Update Fields into a body; sends nothing. */
export function readScheduleUpdate(
	this: IExecuteFunctions,
	itemIndex: number,
	toBody: (fields: IDataObject, timezone: string) => IDataObject,
): ScheduleUpdate {
	const fields = readUpdateFields.call(this, itemIndex);
	// With no Timezone in Update Fields the workflow's zone is used for nothing but checks.
	const timezone = getTimezone.call(this, itemIndex, fields.timezone);
	if (fields.timezone === undefined && fields.startTime !== undefined) {
		const start = parseDateTime(this.getNode(), itemIndex, 'startTime', fields.startTime);
		if (start.kind === 'local') {
			const others = { ...fields };
			delete others.startTime;
			return { body: toBody(others, timezone), localStart: start };
		}
	}
	return { body: toBody(fields, timezone) };
}

/**
 * Sends an Update (PUT `path`). A pending Start Time is read in the object's own time zone
 * first, which costs one GET of the same path, only then.
 */
export async function sendScheduleUpdate(
	this: IExecuteFunctions,
	itemIndex: number,
	zoho: ZohoClient,
	what: 'meeting' | 'webinar',
	update: ScheduleUpdate,
	object: Pick<ApiRequest, 'path' | 'pathParams'>,
): Promise<IDataObject> {
	let body = update.body;
	if (update.localStart) {
		const current = await zoho.request({ method: 'GET', ...object, itemIndex });
		const zone = current.timezone;
		if (typeof zone !== 'string' || !isTimezone(zone)) {
			const shown = JSON.stringify(zone) ?? String(zone);
			throw new NodeOperationError(this.getNode(), `The ${what}'s time zone is unknown`, {
				itemIndex,
				description: `Zoho Meeting gives it as ${shown.slice(0, 60)}, so Start Time cannot be read in it. Add Timezone to Update Fields, or give Start Time with its UTC offset.`,
			});
		}
		body = { ...body, start_time: inTimezone(this.getNode(), itemIndex, 'startTime', update.localStart, zone) };
	}
	return await zoho.request({ method: 'PUT', ...object, body, itemIndex });
}

/** `topic`, `start_time` (UTC), `duration` and `timezone` of a body, each checked. */
export function scheduleBody(
	node: INode,
	itemIndex: number,
	fields: IDataObject,
	timezone: string,
	maxTopicLength: number,
): IDataObject {
	const body: IDataObject = {};
	if (fields.topic !== undefined) {
		body.topic = assertNonEmptyText(node, itemIndex, 'topic', fields.topic, maxTopicLength);
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
 * The spec's nested `settings` object from the editor's flat boolean fields
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

/** The Filters collection of a Get Many: the spec's `from_date`, `to_date` and `status`. */
export function listFilters(what: string, statuses: string[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...dateFilters(`${what} starting`),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: statuses.map((status) => ({ name: status[0].toUpperCase() + status.slice(1), value: status })),
				default: 'scheduled',
				description: `Only ${what} in this status`,
			},
		],
	};
}
