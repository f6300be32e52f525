import { LIST_QUERY, pageOf, type ApiRoute } from '../api';
import { ok } from '../http';
import { formatTime, type RegistrationRecord } from '../model';

/** Spec "Registrations API": a webinar's registrations, and approving one. */

export function registrationObject(registration: RegistrationRecord) {
	return {
		registration_id: registration.registration_id,
		webinar_key: registration.webinar_key,
		email: registration.email,
		name: registration.name,
		status: registration.approved ? 'approved' : 'pending',
		registered_time: formatTime(registration.registered),
	};
}

export const registrationRoutes: ApiRoute[] = [
	// Get Registrations
	{
		method: 'GET',
		path: '/webinars/{webinar_key}/registrations',
		scope: 'webinar',
		query: LIST_QUERY,
		handle: ({ store, params, query }) =>
			pageOf(
				[...store.findWebinar(params.webinar_key).registrations.values()],
				query,
				registrationObject,
			),
	},
	// Approve Registration (approving an approved registration changes nothing)
	{
		method: 'PUT',
		path: '/webinars/{webinar_key}/registrations/{registration_id}/approve',
		scope: 'webinar',
		handle: ({ store, params }) => {
			const webinar = store.findWebinar(params.webinar_key);
			const registration = store.findRegistration(webinar, params.registration_id);
			registration.approved = true;
			return ok(registrationObject(registration));
		},
	},
];
