import { createHash } from 'node:crypto';

import type { ApiRoute } from '../api';
import { ApiError, invalidParameter } from '../http';
import type { Schema } from '../validation';
import {
	API_PATH,
	json,
	MEETING_API_PATH,
	organizationRoute,
	type OrganizationRouteSpec,
	scopes,
	sysIdOf,
} from './common';

/**
 * Bulk registration for a webinar (webinar-api/bulk-registration-api.html). The page
 * gives the path under `/api/v2` and its request example under `/meeting/api/v2`, so
 * both are served. Its counts are undocumented; the sandbox reads them as: `totalCount`
 * registrants sent, `successCount` newly registered (an email already registered
 * fails), `registeredCount` the webinar's registrations afterwards.
 */

const REGISTRANTS: Schema = {
	registrant: {
		kind: 'array',
		required: true,
		minItems: 1,
		maxItems: 1000,
		items: {
			kind: 'object',
			fields: {
				email: { kind: 'email', required: true },
				firstName: { kind: 'string', maxLength: 100, required: true },
				lastName: { kind: 'string', maxLength: 100 },
			},
		},
	},
};

interface Registrant {
	email: string;
	firstName: string;
	lastName?: string;
}

const bulkRegistration = (prefix: string): OrganizationRouteSpec => ({
	method: 'POST',
	path: `${prefix}/{zsoid}/register/{webinarKey}.json`,
	scope: scopes('webinar', 'CREATE'),
	query: ['instanceId', 'sendMail'],
	body: { schema: REGISTRANTS },
	handle: ({ store, params, searchParams, body }) => {
		const webinar = store.findWebinar(params.webinarKey);
		const instanceId = searchParams.get('instanceId');
		const sysId = sysIdOf(webinar.webinar_key);
		if (instanceId !== null && instanceId !== sysId) {
			throw invalidParameter(`Invalid value for instanceId: the webinar's one occurrence is ${sysId}`);
		}
		const sendMail = searchParams.get('sendMail');
		if (sendMail !== null && sendMail !== 'true' && sendMail !== 'false') {
			throw invalidParameter('Invalid value for sendMail: expected true or false');
		}
		if (store.webinarStatus(webinar) === 'completed') {
			throw new ApiError(
				'MEETING_PAST',
				`Cannot register for webinar ${webinar.webinar_key}: it has ended`,
			);
		}
		const registrants = body.registrant as Registrant[];
		const known = new Set([...webinar.registrations.values()].map((r) => r.email.toLowerCase()));
		const added = registrants.flatMap((registrant) => {
			if (known.has(registrant.email.toLowerCase())) return [];
			known.add(registrant.email.toLowerCase());
			const name = [registrant.firstName, registrant.lastName].filter(Boolean).join(' ');
			const registration = store.addRegistration(webinar, {
				email: registrant.email,
				name,
				approved: true,
			});
			const registerKey = createHash('sha256').update(registration.registration_id).digest('hex');
			const join = new URLSearchParams({
				registerKey: registerKey.slice(0, 9),
				sessionId: webinar.webinar_key,
				uname: registrant.firstName,
			});
			const joinLink = `${store.baseUrl}/meeting/register/join?${join}`;
			return [{ joinLink, email: registrant.email }];
		});
		return json(200, {
			registrant: added,
			failedCount: registrants.length - added.length,
			successCount: added.length,
			totalCount: registrants.length,
			registeredCount: webinar.registrations.size,
		});
	},
});

export const registrationRoutes: ApiRoute[] = [API_PATH, MEETING_API_PATH].map((prefix) =>
	organizationRoute(bulkRegistration(prefix)),
);
