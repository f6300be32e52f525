import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeZohoError } from '../errorCodes';
import { buildError } from '../errors';
import { assertPathId } from '../pathIds';
import type { ContractRequest, DialectContext, Translation, WireRequest } from './dialect';
import { toMeeting, toParticipant, toRecording, toWebinar } from './organizationAnswers';
import { listTypeOf, sessionBody, type Scheduled } from './organizationBodies';
import { indexQuery, type ListSpec } from './organizationPaging';

/**
 * The contract's requests that Zoho's organization API offers, by method and path template,
 * each with its wire request and how its answer reads (docs/zoho-api.md lists every
 * endpoint with its source). Paths are the organization's (`{zsoid}`) and end in `.json`;
 * recordings live under `/meeting/api/v2`.
 */

export type OrganizationContext = DialectContext & { zsoid: string };

export interface OrganizationRoute {
	translate(request: ContractRequest, context: OrganizationContext): Translation;
	/** The contract's object in a successful answer. */
	read?(body: IDataObject, context: OrganizationContext): IDataObject;
	/** How the answer holds a list, for a list request. */
	list?(request: ContractRequest): ListSpec;
}

const objectOf = (value: unknown) => (typeof value === 'object' && value !== null ? value : {}) as IDataObject;
const textOf = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

const wire = (method: IHttpRequestMethods, path: string, extra: Partial<WireRequest> = {}): Translation => ({
	wire: { method, path, ...extra },
});

const MEETINGS: ListSpec = {
	index: 'record',
	items: (body) => body.session,
	toObject: toMeeting,
	keyOf: (meeting) => textOf(meeting.meeting_key),
	// list-of-meeting-api.html's `count`: the total of the list type (the sandbox's reading; Zoho's page does not say).
	total: (body) => body.count,
};

const WEBINARS: ListSpec = {
	index: 'record',
	// Pipedream reads `webinar`; client code for Zoho Webinar reads `session`.
	items: (body) => body.webinar ?? body.session,
	toObject: toWebinar,
	keyOf: (webinar) => textOf(webinar.webinar_key),
};

const RECORDINGS: ListSpec = {
	index: 'record',
	items: (body) => body.recordings,
	toObject: (recording, context) => toRecording(recording, context),
	keyOf: (recording) => textOf(recording.recording_id),
	more: (body) => objectOf(body.meta).moreRecords,
};

const PARTICIPANTS: ListSpec = {
	index: 'page',
	items: (body) => body.participants,
	toObject: toParticipant,
	// One row per attendance: a participant who joined twice has two.
	keyOf: (row) => `${String(row.participant_id)} ${String(row.join_time)}`,
	total: (body) => body.participantsCount,
};

/** Create, get, list, edit and delete of meetings (`sessions`) or webinars (`webinar`), one shape. */
function scheduledRoutes(what: Scheduled, contract: string, key: string, base: (zsoid: string) => string, list: ListSpec) {
	const one = (request: ContractRequest, context: OrganizationContext) => `${base(context.zsoid)}/${request.pathParams[key]}.json`;
	const read = (body: IDataObject, context: DialectContext) => list.toObject(objectOf(body.session), context);
	const zoneOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	const edit = (request: ContractRequest, context: OrganizationContext): Translation => {
		const body = request.body ?? {};
		const zone = zoneOf(body.timezone);
		const put = (timeZone: string | undefined) => wire('PUT', one(request, context), { body: sessionBody(body, what, timeZone, context) });
		if (body.start_time === undefined || zone) return put(zone);
		// Every field is checked first; then the start time is written in the object's own zone, which only it knows.
		sessionBody({ ...body, start_time: undefined }, what, undefined, context);
		return {
			lookup: { request: { method: 'GET', path: request.template, pathParams: request.pathParams } },
			then: (found) => {
				if (!zoneOf(found.timezone)) throw unknownZone(what, context);
				return put(zoneOf(found.timezone));
			},
		};
	};
	const routes: Record<string, OrganizationRoute> = {
		[`GET ${contract}`]: {
			translate: (request, context) =>
				wire('GET', `${base(context.zsoid)}.json`, {
					qs: { listtype: listTypeOf(request.qs, contract.slice(1), context), ...indexQuery(request, 'record') },
				}),
			list: (request) => (request.qs?.status === 'completed' ? pastList(list) : list),
		},
		[`POST ${contract}`]: {
			translate: (request, context) =>
				wire('POST', `${base(context.zsoid)}.json`, { body: sessionBody(request.body ?? {}, what, zoneOf(request.body?.timezone), context) }),
			read,
		},
		[`GET ${contract}/{${key}}`]: { translate: (request, context) => wire('GET', one(request, context)), read },
		[`PUT ${contract}/{${key}}`]: { translate: edit, read },
		// The contract's `notify_participants` has no counterpart: Zoho decides whom it tells.
		[`DELETE ${contract}/{${key}}`]: { translate: (request, context) => wire('DELETE', one(request, context)), read: () => ({}) },
	};
	return routes;
}

/**
 * `listtype=past`: Zoho says each of these is over, so each is completed, also one held
 * early whose scheduled start lies ahead (the schedule alone would call it scheduled).
 */
const pastList = (list: ListSpec): ListSpec => ({
	...list,
	toObject: (item, context) => ({ ...list.toObject(item, context), status: 'completed' }),
});

function unknownZone(what: Scheduled, context: DialectContext): Error {
	return new NodeOperationError(context.node, `The ${what}'s time zone is unknown`, {
		itemIndex: context.itemIndex,
		description: `Zoho Meeting did not say the ${what}'s time zone, so Start Time cannot be written in it. Add Timezone to Update Fields.`,
	});
}

/** The contract's error for a recording ID that names none of the organization's recordings. */
function noSuchRecording(context: DialectContext, id: string): Error {
	const known = describeZohoError('INVALID_RECORDING_ID');
	return buildError(
		context.node,
		{
			message: `INVALID_RECORDING_ID: ${known?.message ?? 'No such recording'}`,
			description: `None of the organization's recordings has the ID ${id} (the organization API has no request for one recording, so the node looked through them all). ${known?.fix ?? ''}`.trim(),
			httpCode: 404,
			errorCode: 'INVALID_RECORDING_ID',
		},
		context.itemIndex,
	);
}

function isAddress(text: string): boolean {
	try {
		return Boolean(new URL(text));
	} catch {
		return false;
	}
}

/** The file of a recording found in the list: at its `downloadUrl`, once Zoho says it is uploaded. */
function downloadOf(recording: IDataObject, context: DialectContext): Translation {
	if (recording.status !== 'available') {
		const known = describeZohoError('RECORDING_NOT_AVAILABLE');
		throw buildError(context.node, { message: `RECORDING_NOT_AVAILABLE: ${known?.message ?? ''}`, description: known?.fix ?? '', httpCode: 400, errorCode: 'RECORDING_NOT_AVAILABLE' }, context.itemIndex);
	}
	const url = typeof recording.download_url === 'string' ? recording.download_url : '';
	if (!isAddress(url)) {
		throw new NodeOperationError(context.node, 'Zoho Meeting gave the recording no download address', {
			itemIndex: context.itemIndex,
			description: `Its downloadUrl is ${JSON.stringify(recording.download_url ?? null).slice(0, 80)}; try again later, or download it in Zoho Meeting.`,
		});
	}
	const htmlMeans =
		"Zoho's download host sent a web page (its sign-in page) instead of the file: the credential lacks the scopes ZohoMeeting.meetinguds.READ and ZohoFiles.files.READ that downloads need. Add both to the credential's Scope, then reconnect it.";
	return { wire: { method: 'GET', url, htmlMeans } };
}

const recordingLookup = (request: ContractRequest, context: DialectContext) => {
	const id = request.pathParams.recordingId;
	return {
		request: { method: 'GET' as const, path: '/recordings' },
		find: (recording: IDataObject) => recording.recording_id === id,
		notFound: () => noSuchRecording(context, id),
	};
};

const recordingRoutes: Record<string, OrganizationRoute> = {
	// The organization's recordings (client code), or with the contract's `meeting_key` a meeting's (get-specific-recording.html).
	'GET /recordings': {
		translate: (request, context) => {
			if (request.qs?.meeting_key === undefined) {
				return wire('GET', `/meeting/api/v2/${context.zsoid}/recordings.json`, { qs: indexQuery(request, 'record') });
			}
			const meetingKey = assertPathId(context.node, context.itemIndex, 'meetingKey', request.qs.meeting_key);
			return wire('GET', `/meeting/api/v2/${context.zsoid}/recordings/${meetingKey}.json`);
		},
		list: (request) => {
			if (request.qs?.meeting_key === undefined) return RECORDINGS;
			const meetingKey = String(request.qs.meeting_key);
			return { ...RECORDINGS, index: 'none', more: undefined, toObject: (recording, context) => toRecording(recording, context, meetingKey) };
		},
	},
	'GET /recordings/{recordingId}': {
		translate: (request, context) => ({ lookup: recordingLookup(request, context), then: (answer) => ({ answer }) }),
	},
	'GET /recordings/{recordingId}/download': {
		translate: (request, context) => ({ lookup: recordingLookup(request, context), then: (found) => downloadOf(found, context) }),
	},
};

export const ORGANIZATION_ROUTES: Record<string, OrganizationRoute> = {
	...scheduledRoutes('meeting', '/meetings', 'meetingKey', (zsoid) => `/api/v2/${zsoid}/sessions`, MEETINGS),
	...scheduledRoutes('webinar', '/webinars', 'webinarKey', (zsoid) => `/api/v2/${zsoid}/webinar`, WEBINARS),
	// The participant report (participant-report.html): who attended, one row per attendance.
	'GET /meetings/{meetingKey}/participants': {
		translate: (request, context) =>
			wire('GET', `/api/v2/${context.zsoid}/participant/${request.pathParams.meetingKey}.json`, { qs: indexQuery(request, 'page') }),
		list: () => PARTICIPANTS,
	},
	...recordingRoutes,
};
