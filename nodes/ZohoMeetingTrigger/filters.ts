import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { assertEmail } from '../ZohoMeeting/actions/shared/parameters';
import type { ZohoClient } from '../ZohoMeeting/transport';
import { fail } from '../ZohoMeeting/transport/pathIds';
import type { TriggerEventDefinition } from './events';
import { unlessNotFound } from './notFound';

/** Topic Contains and Presenter Email, lower-cased: both compare without regard to case. */
export interface TriggerFilters {
	topic?: string;
	presenter?: string;
}

/** Empty text, or nothing at all (an expression that found no value), sets no filter. */
const isUnset = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The trigger's Filters, checked before any request; Presenter Email only where the event has a presenter. */
export function readFilters(ctx: IPollFunctions, definition: TriggerEventDefinition): TriggerFilters {
	const filters: TriggerFilters = {};
	const topic = ctx.getNodeParameter('filters.topic', '') as unknown;
	if (!isUnset(topic)) {
		if (typeof topic !== 'string' && typeof topic !== 'number') {
			fail(ctx.getNode(), 0, 'Topic Contains must be text', `It is ${JSON.stringify(topic)}; enter the words to look for, such as Sales.`);
		}
		filters.topic = String(topic).trim().toLowerCase();
	}
	const presenter = ctx.getNodeParameter('filters.presenter', '') as unknown;
	if (definition.presenterOf && !isUnset(presenter)) {
		filters.presenter = assertEmail(ctx.getNode(), 0, 'presenterEmail', presenter).toLowerCase();
	}
	return filters;
}

/**
 * The webinar and filters as one text, stored with the state (triggerState.ts, `scope`):
 * a change starts the trigger over, so an object a filter left out is never passed on
 * later because the filter changed.
 */
export function scopeOf(filters: TriggerFilters, webinarKey?: string): string | undefined {
	const scope = { ...(webinarKey ? { webinarKey } : {}), ...filters };
	return Object.keys(scope).length > 0 ? JSON.stringify(scope) : undefined;
}

export function topicMatches(object: IDataObject, field: string, filters: TriggerFilters): boolean {
	if (filters.topic === undefined) return true;
	const topic = object[field];
	return typeof topic === 'string' && topic.toLowerCase().includes(filters.topic);
}

/**
 * The presenter's email of a meeting, lower-cased: the API contract's `presenter: {email, name}`,
 * or the `presenterEmail` of Zoho's organization lists (docs/zoho-api.md), whose
 * `presenter` is a user ID.
 */
export function presenterEmail(object: IDataObject): string | undefined {
	const presenter = object.presenter as unknown;
	const nested = typeof presenter === 'object' && presenter !== null ? (presenter as IDataObject).email : presenter;
	const email = [nested, object.presenterEmail].find((value) => typeof value === 'string' && value.includes('@'));
	return typeof email === 'string' ? email.trim().toLowerCase() : undefined;
}

/**
 * The filters of one poll. A recording names no presenter, so Presenter Email reads its
 * meeting (`GET /meetings/{key}`), once per meeting and poll, and only for recordings the
 * poll would pass on; a meeting that no longer exists has no presenter to match.
 */
export class FilterCheck {
	private readonly presenters = new Map<string, Promise<string | undefined>>();

	constructor(
		private readonly zoho: ZohoClient,
		private readonly definition: TriggerEventDefinition,
		private readonly filters: TriggerFilters,
	) {}

	/** Whether passing the filters is decided by the object alone, without a request. */
	decidesLocally(object: IDataObject): boolean {
		return this.filters.presenter === undefined || this.definition.presenterOf !== 'meeting' || presenterEmail(object) !== undefined;
	}

	/** The filters as far as the object alone answers them; a presenter still to look up passes. */
	passesLocally(object: IDataObject): boolean {
		if (!topicMatches(object, this.definition.topicField, this.filters)) return false;
		return !this.decidesLocally(object) || this.filters.presenter === undefined || presenterEmail(object) === this.filters.presenter;
	}

	async passes(object: IDataObject): Promise<boolean> {
		if (!this.passesLocally(object)) return false;
		if (this.decidesLocally(object)) return true;
		const meetingKey = String(object.meeting_key ?? '');
		if (!this.presenters.has(meetingKey)) this.presenters.set(meetingKey, meetingPresenter(this.zoho, meetingKey));
		return (await this.presenters.get(meetingKey)) === this.filters.presenter;
	}

	/** Those of `objects` that pass, in their order. */
	async keep(objects: IDataObject[]): Promise<IDataObject[]> {
		const kept: IDataObject[] = [];
		for (const object of objects) if (await this.passes(object)) kept.push(object);
		return kept;
	}
}

async function meetingPresenter(zoho: ZohoClient, meetingKey: string): Promise<string | undefined> {
	if (meetingKey === '') return undefined;
	const request = zoho.request({ method: 'GET', path: '/meetings/{meetingKey}', pathParams: { meetingKey } });
	const meeting = await unlessNotFound(request, undefined);
	return meeting && presenterEmail(meeting);
}

/** For messages: what the filters ask for, e.g. ` with "sales" in its topic, presented by jane@example.com`. */
export function describeFilters(filters: TriggerFilters, topicWhere = 'its topic'): string {
	const parts = [
		...(filters.topic === undefined ? [] : [` with "${filters.topic}" in ${topicWhere}`]),
		...(filters.presenter === undefined ? [] : [` presented by ${filters.presenter}`]),
	];
	return parts.join(',');
}
