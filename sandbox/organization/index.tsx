import type { Dialect } from '../api';
import { API_PATH, MEETING_API_PATH } from './common';
import { downloadEndpoint } from './download';
import { organizationFailure, organizationUnknownPath } from './errors';
import { participantReportRoutes } from './participants';
import { recordingRoutes } from './recordings';
import { registrationRoutes } from './registrations';
import { sessionRoutes } from './sessions';
import { userRoutes } from './user';
import { webinarRoutes } from './webinars';

/**
 * Zoho's published, organization-scoped API over the sandbox's store (docs/zoho-api.md
 * lists each endpoint and where it is documented). What Zoho documents nowhere
 * (registration list and approve, settings, the sessions of a meeting, the report,
 * recording delete, adding or removing one participant) has no route, and is answered
 * as any unknown path. Zoho documents no rate-limit headers, so none are sent; the limits
 * still apply, and a call over them is answered 429.
 */
export const organizationDialect: Dialect = {
	name: 'organization',
	basePath: '',
	routes: [
		...userRoutes,
		...sessionRoutes,
		...participantReportRoutes,
		...recordingRoutes,
		...webinarRoutes,
		...registrationRoutes,
	],
	extraEndpoints: [downloadEndpoint],
	ownsPath: (path) =>
		path.startsWith(`${API_PATH}/`) ||
		path.startsWith(`${MEETING_API_PATH}/`) ||
		path === downloadEndpoint.path,
	rateLimitHeaders: false,
	failure: organizationFailure,
	unknownPath: organizationUnknownPath,
	truncatedJson: '{"session":{"meetingKey":10',
};
