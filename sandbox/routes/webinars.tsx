import { filteredListQuery, pageOf, type ApiRoute } from '../api';
import { created, noContent, ok } from '../http';
import { formatTime, type WebinarInput, type WebinarRecord } from '../model';
import { type Store, webinarModified } from '../store';
import type { Schema } from '../validation';

/**
 * Spec "Webinars API": create, and by the spec's REST conventions get, list, update
 * and delete. A webinar is `completed` once its end has passed on the virtual clock.
 */

export const WEBINAR_STATUSES = ['scheduled', 'completed'] as const;

const WEBINAR_UPDATE_FIELDS: Schema = {
	topic: { kind: 'string', maxLength: 200 },
	description: { kind: 'string', maxLength: 5000 },
	start_time: { kind: 'dateTime' },
	duration: { kind: 'integer', min: 1, max: 1440 },
	timezone: { kind: 'timezone' },
	max_attendees: { kind: 'integer', min: 1, max: 10_000 },
	registration_required: { kind: 'boolean' },
	settings: {
		kind: 'object',
		fields: {
			allow_questions: { kind: 'boolean' },
			allow_polls: { kind: 'boolean' },
			record_webinar: { kind: 'boolean' },
		},
	},
};

export const WEBINAR_CREATE_FIELDS: Schema = {
	...WEBINAR_UPDATE_FIELDS,
	topic: { kind: 'string', maxLength: 200, required: true },
	start_time: { kind: 'dateTime', required: true },
};

export function webinarObject(store: Store, webinar: WebinarRecord) {
	return {
		webinar_key: webinar.webinar_key,
		topic: webinar.topic,
		description: webinar.description,
		start_time: formatTime(webinar.start),
		duration: webinar.duration,
		timezone: webinar.timezone,
		max_attendees: webinar.max_attendees,
		registration_required: webinar.registration_required,
		settings: { ...webinar.settings },
		webinar_url: webinar.webinar_url,
		registration_url: webinar.registration_url,
		status: store.webinarStatus(webinar),
		created_time: formatTime(webinar.created),
		modified_time: formatTime(webinarModified(webinar, store.now())),
	};
}

export const webinarRoutes: ApiRoute[] = [
	// Create Webinar
	{
		method: 'POST',
		path: '/webinars',
		scope: 'webinar',
		body: { schema: WEBINAR_CREATE_FIELDS },
		handle: ({ store, body }) =>
			created(webinarObject(store, store.createWebinar(body as WebinarInput))),
	},
	// Get Webinar
	{
		method: 'GET',
		path: '/webinars/{webinar_key}',
		scope: 'webinar',
		handle: ({ store, params }) => ok(webinarObject(store, store.findWebinar(params.webinar_key))),
	},
	// List Webinars
	{
		method: 'GET',
		path: '/webinars',
		scope: 'webinar',
		query: filteredListQuery(WEBINAR_STATUSES),
		handle: ({ store, query }) =>
			pageOf(store.listWebinars(query), query, (webinar) => webinarObject(store, webinar)),
	},
	// Update Webinar
	{
		method: 'PUT',
		path: '/webinars/{webinar_key}',
		scope: 'webinar',
		body: { schema: WEBINAR_UPDATE_FIELDS, partial: true },
		handle: ({ store, params, body }) => {
			const webinar = store.findWebinar(params.webinar_key);
			store.updateWebinar(webinar, body as WebinarInput);
			return ok(webinarObject(store, webinar));
		},
	},
	// Delete Webinar (its registrations go with it)
	{
		method: 'DELETE',
		path: '/webinars/{webinar_key}',
		scope: 'webinar',
		handle: ({ store, params }) => {
			store.deleteWebinar(params.webinar_key);
			return noContent();
		},
	},
];
