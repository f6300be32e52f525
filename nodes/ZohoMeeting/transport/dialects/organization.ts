import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { tryParseJson } from '../errors';
import { isObject, type ContractRequest, type Dialect, type DialectContext } from './dialect';
import { readListPage } from './organizationPaging';
import { ORGANIZATION_ROUTES, type OrganizationRoute } from './organizationRoutes';

/**
 * Zoho's published, organization-scoped Meeting API (docs/zoho-api.md) as a dialect of the
 * contract: organizationRoutes.ts maps the requests it offers, and this module refuses the
 * others before any request, reads its errors and says when Zoho refused the token.
 */

/**
 * What no Zoho page or client code in use describes (docs/zoho-api.md, "Documented nowhere
 * found"), and what to use instead.
 */
const SESSIONS = {
	what: 'The sessions of a meeting',
	instead: "Participant > Get Many gives who attended and when (Zoho's participant report); Meeting > Get gives the meeting.",
};

const NOT_OFFERED: Record<string, { what: string; instead: string }> = {
	'POST /meetings/{meetingKey}/participants': {
		what: 'Adding participants to a meeting',
		instead: 'Invite them when you create the meeting (Participants under Additional Fields), or in Zoho Meeting.',
	},
	'DELETE /meetings/{meetingKey}/participants/{participantId}': {
		what: 'Removing a participant',
		instead: 'Remove them in Zoho Meeting.',
	},
	'GET /meetings/{meetingKey}/sessions': SESSIONS,
	'GET /meetings/{meetingKey}/sessions/{sessionId}': SESSIONS,
	'GET /meetings/{meetingKey}/report': {
		what: 'The meeting report',
		instead: "Participant > Get Many gives Zoho's participant report: each attendee's join and leave times and duration.",
	},
	'DELETE /recordings/{recordingId}': { what: 'Deleting a recording', instead: 'Delete it in Zoho Meeting.' },
	'GET /webinars/{webinarKey}/registrations': {
		what: "Listing a webinar's registrations",
		instead: 'See them in Zoho Meeting.',
	},
	'PUT /webinars/{webinarKey}/registrations/{registrationId}/approve': {
		what: 'Approving a registration',
		instead: 'Approve it in Zoho Meeting.',
	},
	'GET /settings': { what: 'Reading settings', instead: 'See them in Zoho Meeting.' },
	'PUT /settings': { what: 'Changing settings', instead: 'Change them in Zoho Meeting.' },
};

function notOffered(request: ContractRequest, context: DialectContext): never {
	const known = NOT_OFFERED[`${request.method} ${request.template}`];
	const what = known?.what ?? `${request.method} ${request.template}`;
	throw new NodeOperationError(context.node, `${what} is not offered by Zoho's organization API`, {
		itemIndex: context.itemIndex,
		description: [
			'No Zoho page or client code in use describes such a request (docs/zoho-api.md), so nothing was sent.',
			known?.instead,
			"If your Zoho Meeting server speaks the v2 reference API, set the credential's API to V2.",
		]
			.filter(Boolean)
			.join(' '),
	});
}

/**
 * The organization API's error: `{"error": {"errorCode": 4000, "message": "...", "key":
 * "INVALID_MEETING_KEY"}}`, or for a refused token `{"error": {"code": 2000, "message":
 * "INVALID_OAUTHTOKEN"}}`, whose message is its code.
 */
export function readOrganizationError(data: unknown): { code: string; message: string } | undefined {
	const body = typeof data === 'string' ? tryParseJson(data) : data;
	const error = (body as { error?: unknown } | undefined)?.error as IDataObject | undefined;
	if (!error || typeof error !== 'object') return undefined;
	const message = typeof error.message === 'string' ? error.message : '';
	if (typeof error.key === 'string' && error.key !== '') return { code: error.key, message };
	if (/^[A-Z][A-Z0-9_]+$/.test(message)) return { code: message, message: '' };
	const number = error.errorCode ?? error.code;
	return typeof number === 'number' || typeof number === 'string' ? { code: `ERROR_${String(number)}`, message } : undefined;
}

export function organizationDialect(zsoid: string): Dialect {
	const routeOf = (request: ContractRequest, context: DialectContext): OrganizationRoute =>
		ORGANIZATION_ROUTES[`${request.method} ${request.template}`] ?? notOffered(request, context);
	const inOrganization = (context: DialectContext) => ({ ...context, zsoid });
	return {
		shape: { api: 'organization', zsoid },
		// A 401 here is UNAUTHORIZED_USER (the organization ID), which no refresh fixes; n8n 2.x
		// leaves it alone, and Zoho's token errors are refreshed on by tokenRejected below.
		oauth2: { skipTokenRefresh: true },
		translate: (request, context) => routeOf(request, context).translate(request, inOrganization(context)),
		readData: (body, request, context) => routeOf(request, context).read?.(body, inOrganization(context)) ?? {},
		readPage(body, request, context) {
			const list = routeOf(request, context).list?.(request);
			return list && readListPage(list, body, request, context);
		},
		isAnswer: isObject,
		readError: readOrganizationError,
		// Zoho answers a bad, expired or foreign token with HTTP 400 INVALID_OAUTHTOKEN; a 401 is
		// about the token too unless it says UNAUTHORIZED_USER.
		tokenRejected: (status, error) =>
			error?.code === 'INVALID_OAUTHTOKEN' || (status === 401 && error?.code !== 'UNAUTHORIZED_USER'),
	};
}
