import { describeZohoError } from '../../nodes/ZohoMeeting/transport/errorCodes';
import { escapeHtml, type Reply } from '../http';

/**
 * How the organization API answers a failure. Zoho documents three answers, the same on
 * the pages that list "possible error cases" (meeting-api/participant-report.html,
 * webinar-api/bulk-registration-api.html; the first also on the user-api pages):
 * a bad or expired token, or a token of another data center, is HTTP 400
 * `{"error":{"code":2000,"message":"INVALID_OAUTHTOKEN"}}`; an unknown meeting (or
 * webinar) key is HTTP 400 with `errorCode` 4000; an organization the user is not in is
 * HTTP 401 with `errorCode` 3001.
 */
const DOCUMENTED: Record<string, { status: number; error: Record<string, unknown> }> = {
	INVALID_TOKEN: { status: 400, error: { code: 2000, message: 'INVALID_OAUTHTOKEN' } },
	INVALID_MEETING_KEY: {
		status: 400,
		error: { errorCode: 4000, message: 'The meeting key is invalid.', key: 'INVALID_MEETING_KEY' },
	},
	UNAUTHORIZED_USER: {
		status: 401,
		error: {
			errorCode: 3001,
			message: 'You do not have permission to access this organization account.',
			key: 'UNAUTHORIZED_USER',
		},
	},
};
// The bulk-registration page answers a bad webinar key with the meeting-key error.
DOCUMENTED.INVALID_WEBINAR_KEY = DOCUMENTED.INVALID_MEETING_KEY;

/**
 * Zoho publishes nothing for the other failures (bad input, a missing scope, the rate
 * limit, a server error), so the sandbox keeps the documented shape, with the HTTP status
 * and key of the shared error table and the HTTP status as a placeholder `errorCode`. A
 * client must not read more into them than the status and the message.
 */
export function organizationFailure(
	code: string,
	detail?: string,
): Extract<Reply, { kind: 'json' }> {
	const documented = DOCUMENTED[code];
	if (documented) {
		const error =
			detail === undefined ? documented.error : { ...documented.error, message: detail };
		return { kind: 'json', status: documented.status, body: { error } };
	}
	const known = describeZohoError(code);
	const status = known?.httpCode ?? 500;
	const message = detail ?? known?.message ?? 'Server error';
	return { kind: 'json', status, body: { error: { errorCode: status, message, key: code } } };
}

/**
 * No Zoho page says what a path outside the published API answers, so the sandbox
 * answers what a web server in front of an API commonly does: 404 with an HTML page. It
 * is the harder of the likely answers for a client (no JSON to read), which is the point:
 * an operation the organization API does not offer must fail in the node before any
 * request, never by reading this.
 */
export function organizationUnknownPath(method: string, path: string): Reply {
	return {
		kind: 'html',
		status: 404,
		html:
			'<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>' +
			`<h1>Not Found</h1><p>${escapeHtml(`${method} ${path}`)} is not available.</p>` +
			'</body></html>\n',
	};
}
