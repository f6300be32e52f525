/**
 * Zoho Meeting error codes: HTTP status, what it means and how to fix it. The transport
 * reads it to explain an error to the user; the sandbox reads it to answer with the
 * same status and message. The first six are the API reference's (docs/api-contract.md,
 * "Errors"); then come the codes the API uses for the other failures the reference
 * describes by status only, and the two of Zoho's organization API that no v2 code covers
 * (docs/zoho-api.md, "Errors").
 */
export interface ZohoErrorCode {
	httpCode: number;
	message: string;
	fix: string;
}

export const ZOHO_ERROR_CODES = {
	INVALID_TOKEN: {
		httpCode: 401,
		message: 'Access token invalid or expired',
		fix: 'Reconnect the Zoho Meeting credential: n8n could not get a valid access token with the stored refresh token.',
	},
	INVALID_MEETING_KEY: {
		httpCode: 404,
		message: 'The specified meeting key does not exist',
		fix: 'Verify the meeting key: pick the meeting from the list, or check that it was not cancelled or deleted.',
	},
	MEETING_PAST: {
		httpCode: 400,
		message: 'Cannot modify a past meeting',
		fix: 'Check the meeting time: only meetings that have not started yet can be changed or scheduled.',
	},
	PARTICIPANT_LIMIT_REACHED: {
		httpCode: 400,
		message: 'Maximum participants reached',
		fix: "Upgrade the Zoho Meeting plan, raise the meeting's participant limit, or invite fewer participants.",
	},
	INVALID_DATE_FORMAT: {
		httpCode: 400,
		message: 'Date format is incorrect',
		fix: 'Use an ISO 8601 date-time such as 2025-12-20T15:00:00Z.',
	},
	RECORDING_NOT_AVAILABLE: {
		httpCode: 400,
		message: 'Recording not yet available',
		fix: 'Wait for processing to complete, then try again; the Zoho Meeting Trigger "New Recording" event fires once it is available.',
	},
	INVALID_RECORDING_ID: {
		httpCode: 404,
		message: 'The specified recording does not exist',
		fix: 'Verify the recording ID: pick the recording from the list, or check that it was not deleted.',
	},
	INVALID_WEBINAR_KEY: {
		httpCode: 404,
		message: 'The specified webinar key does not exist',
		fix: 'Verify the webinar key: pick the webinar from the list, or check that it was not deleted.',
	},
	INVALID_PARTICIPANT_ID: {
		httpCode: 404,
		message: 'The specified participant does not exist in this meeting',
		fix: 'Verify the participant ID with Participant > Get Many for the same meeting.',
	},
	INVALID_SESSION_ID: {
		httpCode: 404,
		message: 'The specified session does not exist for this meeting',
		fix: 'Verify the session ID with Session > Get Many for the same meeting.',
	},
	INVALID_REGISTRATION_ID: {
		httpCode: 404,
		message: 'The specified registration does not exist for this webinar',
		fix: 'Verify the registration ID with Registration > Get Many for the same webinar.',
	},
	INVALID_PARAMETER: {
		httpCode: 400,
		message: 'Invalid parameters',
		fix: 'Check the fields named in the message against the Zoho Meeting API.',
	},
	INSUFFICIENT_SCOPE: {
		httpCode: 403,
		message: 'Insufficient permissions',
		fix: 'Add the missing scope to the credential\'s Scope field, then reconnect it so Zoho grants it.',
	},
	NOT_FOUND: {
		httpCode: 404,
		message: 'Resource not found',
		fix: 'Check the ID or key used by this operation.',
	},
	RATE_LIMIT_EXCEEDED: {
		httpCode: 429,
		message: 'Rate limit exceeded',
		fix: "Wait for the rate-limit window to reset, spread the workflow's calls out, or upgrade the Zoho Meeting plan.",
	},
	INTERNAL_ERROR: {
		httpCode: 500,
		message: 'Server error',
		fix: 'Zoho Meeting failed to handle the request; try again later.',
	},
	INVALID_OAUTHTOKEN: {
		httpCode: 400,
		message: 'Access token invalid or expired, or of another data center',
		fix: "Reconnect the Zoho Meeting credential, and check that its data center is the one your Zoho account lives in.",
	},
	UNAUTHORIZED_USER: {
		httpCode: 401,
		message: 'You do not have permission to access this organization account.',
		fix: "The credential's Organization ID is not an organization this Zoho user belongs to: correct it, or clear it to have the node look it up.",
	},
} as const satisfies Record<string, ZohoErrorCode>;

export type ZohoErrorCodeName = keyof typeof ZOHO_ERROR_CODES;

export function describeZohoError(code: string | undefined): ZohoErrorCode | undefined {
	return code && Object.prototype.hasOwnProperty.call(ZOHO_ERROR_CODES, code)
		? ZOHO_ERROR_CODES[code as ZohoErrorCodeName]
		: undefined;
}
