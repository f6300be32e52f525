import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiRequest, ZohoClient } from '../../transport';
import { type DateTimeInput, inTimezone, isTimezone, parseDateTime } from './dates';
import { getTimezone } from './schedule';

/** The Update operations' fields (Update Fields) and how an update is read and sent. */

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
 * only the object itself knows.
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
