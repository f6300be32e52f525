import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertBoolean, assertInteger, assertNonEmptyText, toZohoDateTime } from '../transport/validation';
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
