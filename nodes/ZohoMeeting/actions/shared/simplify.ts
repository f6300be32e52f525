import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertBoolean } from './parameters';

/**
 * Simplify on Get and Get Many: the fields of each object that workflows use most (its
 * keys, topic, times, status, links and counts), as n8n's guidelines ask for objects with
 * more than ten fields. The API contract's names (docs/api-contract.md), one list per kind of object.
 */
const KEPT = {
	meeting: ['meeting_key', 'topic', 'start_time', 'duration', 'timezone', 'status', 'meeting_url', 'is_recurring', 'presenter'],
	recording: ['recording_id', 'meeting_key', 'topic', 'start_time', 'duration', 'status', 'file_size', 'download_url', 'streaming_url'],
	webinar: ['webinar_key', 'topic', 'start_time', 'duration', 'timezone', 'status', 'webinar_url', 'registration_url'],
	session: ['session_id', 'meeting_key', 'start_time', 'end_time', 'duration', 'participants_count'],
	participant: ['participant_id', 'email', 'name', 'role', 'status', 'join_time', 'leave_time', 'duration'],
} as const;

export type SimplifiedKind = keyof typeof KEPT;

/**
 * The Simplify switch of an operation that returns `kind` objects. It is on for nodes of
 * version 2 and off for version 1: n8n fills a parameter that a saved workflow lacks with
 * its default, and workflows saved before Simplify existed read the whole object.
 */
export function simplifyField(kind: SimplifiedKind): INodeProperties[] {
	const fields = KEPT[kind];
	const field: INodeProperties = {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return only ${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]} of each ${kind} instead of the whole object`,
	};
	return [
		{ ...field, default: false, displayOptions: { show: { '@version': [1] } } },
		{ ...field, displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } } },
	];
}

/** The kept fields of one object, in the list's order; a field the object lacks stays out. */
export function simplify(kind: SimplifiedKind, object: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of KEPT[kind]) {
		if (object[field] !== undefined) simple[field] = object[field];
	}
	return simple;
}

type Output = <T extends IDataObject | IDataObject[]>(result: T) => T;

/**
 * How a Get or Get Many outputs `kind` objects: as Zoho sent them, or simplified when
 * Simplify is on. Read before the operation's request, so that a Simplify an expression
 * got wrong fails before anything is sent.
 */
export function readSimplify(this: IExecuteFunctions, itemIndex: number, kind: SimplifiedKind): Output {
	const fallback = this.getNode().typeVersion >= 2;
	const on = assertBoolean(this.getNode(), itemIndex, 'simplify', this.getNodeParameter('simplify', itemIndex, fallback));
	if (!on) return (result) => result;
	return <T extends IDataObject | IDataObject[]>(result: T) =>
		(Array.isArray(result) ? result.map((object: IDataObject) => simplify(kind, object)) : simplify(kind, result)) as T;
}
