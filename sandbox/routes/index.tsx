import type { ApiRoute, Dialect } from '../api';
import { describeZohoError } from '../../nodes/ZohoMeeting/transport/errorCodes';
import { meetingRoutes } from './meetings';
import { participantRoutes } from './participants';
import { recordingRoutes } from './recordings';
import { registrationRoutes } from './registrations';
import { reportRoutes } from './reports';
import { sessionRoutes } from './sessions';
import { settingsRoutes } from './settings';
import { webinarRoutes } from './webinars';

/** The v2 API, in the spec's order of sections. */
const ROUTES: readonly ApiRoute[] = [
	...meetingRoutes,
	...participantRoutes,
	...recordingRoutes,
	...sessionRoutes,
	...webinarRoutes,
	...registrationRoutes,
	...reportRoutes,
	...settingsRoutes,
];

export const V2_BASE_PATH = '/api/v2';

/**
 * The spec's dialect: `/api/v2/meetings` and the rest, the `{status, data}` envelope, and
 * errors as `{status: "error", error: {code, message}}` with the shared table's status.
 */
export const v2Dialect: Dialect = {
	name: 'v2',
	basePath: V2_BASE_PATH,
	routes: ROUTES,
	extraEndpoints: [],
	ownsPath: (path) => path.startsWith(`${V2_BASE_PATH}/`),
	rateLimitHeaders: true,
	failure: (code, detail) => {
		const known = describeZohoError(code);
		return {
			kind: 'json',
			status: known?.httpCode ?? 500,
			body: {
				status: 'error',
				error: { code, message: detail ?? known?.message ?? 'Server error' },
			},
		};
	},
	unknownPath(method, path) {
		return this.failure('NOT_FOUND', `No such endpoint: ${method} ${path}`);
	},
	truncatedJson: '{"status":"success","data":{"meeting_key":"10',
};
