import type { ApiRequest, ApiRoute } from '../api';
import { ApiError, invalidParameter, type Reply } from '../http';
import type { OrganizationVariants } from '../model';
import type { Store } from '../store';
import { SANDBOX_ORGANIZATION } from '../tokens';
import { dayAround } from './time';

/** The meeting API's paths start here (meeting-api/*.html)... */
export const API_PATH = '/api/v2';
/** ...and the recording API's here (recording-api/get-specific-recording.html). */
export const MEETING_API_PATH = '/meeting/api/v2';

export interface OrganizationRouteSpec extends Omit<ApiRoute, 'query'> {
	/** The query parameters the route takes; any other is refused, as the v2 routes do. */
	query?: readonly string[];
}

/**
 * A route of the organization API: the `{zsoid}` in its path must be the token user's
 * organization (else 401 UNAUTHORIZED_USER, as Zoho documents), and its query holds
 * only the parameters it names.
 */
export function organizationRoute(spec: OrganizationRouteSpec): ApiRoute {
	const { query = [], handle, ...route } = spec;
	return {
		...route,
		query: 'raw',
		handle: (request: ApiRequest) => {
			const { zsoid } = request.params;
			if (zsoid !== undefined && zsoid !== String(SANDBOX_ORGANIZATION.zsoid)) {
				throw new ApiError('UNAUTHORIZED_USER');
			}
			for (const name of request.searchParams.keys()) {
				if (!query.includes(name)) throw invalidParameter(`Unknown query parameter: ${name}`);
			}
			return handle(request);
		},
	};
}

/** The scopes of which any one opens an endpoint: the operation's own, or the area's ALL. */
export const scopes = (area: 'meeting' | 'recording' | 'webinar', operation: string) => [
	`ZohoMeeting.${area}.${operation}`,
	`ZohoMeeting.${area}.ALL`,
];

export const json = (status: number, body: unknown): Reply => ({ kind: 'json', status, body });

/**
 * The ID of a meeting's or webinar's occurrence (`sysId` in the list, bulk
 * registration's `instanceId`); the store's meetings and webinars have one each here.
 */
export const sysIdOf = (key: string) => `${key}001`;

// ----- Lists: listtype, index and count -----

export const LIST_TYPES = ['all', 'past', 'today', 'upcoming'] as const;
export type ListType = (typeof LIST_TYPES)[number];

/** `listtype` is required (list-of-meeting-api.html), and every client seen sends it. */
function readListType(params: URLSearchParams): ListType {
	const value = params.get('listtype');
	if (!LIST_TYPES.includes(value as ListType)) {
		const problem = value === null ? 'Missing' : 'Invalid';
		throw invalidParameter(`${problem} listtype: expected one of ${LIST_TYPES.join(', ')}`);
	}
	return value as ListType;
}

/** What a record of a list is, for `listtype`: ended, not started yet, or neither. */
export interface Timed {
	start: number;
	ended: boolean;
	upcoming: boolean;
}

/**
 * The records of one `listtype`: `past` is what has ended, newest first; `upcoming` what
 * has not started; `today` what starts on today's date in the account's time zone. The
 * order of `past` is the sandbox's choice (Zoho documents none): newest first is the one
 * under which a new record shifts every later page, which a client paging it must survive.
 */
function ofListType<T>(
	records: readonly T[],
	type: ListType,
	timing: (record: T) => Timed,
	store: Store,
): T[] {
	const today = dayAround(store.now(), store.settings.default_timezone);
	const keep: Record<ListType, (t: Timed) => boolean> = {
		all: () => true,
		past: (t) => t.ended,
		upcoming: (t) => t.upcoming,
		today: (t) => t.start >= today.start && t.start < today.end,
	};
	const selected = records.filter((record) => keep[type](timing(record)));
	return type === 'past' ? selected.reverse() : selected;
}

/** What Zoho's pages say `index` is: the position of the first record, or a page number. */
export type IndexMeaning = 'record' | 'page';

export interface Paging {
	/** 0-based position of the first record to answer. */
	first: number;
	/** How many; undefined means all the rest. */
	count?: number;
}

/** The one maximum of `count` a source gives (docs/zoho-api.md); more is refused. */
export const MAX_COUNT = 100;

/**
 * `index` and `count` of a list. `index` is 1-based (0 reads as 1, so a client that
 * starts at 0 gets the first records too, and then one record of overlap when it steps
 * by `count`); what it counts follows the endpoint's page unless the admin API's
 * `pagingIndex` variant overrides it. `count` defaults to `defaultCount` (undefined: all).
 */
export function readPaging(
	params: URLSearchParams,
	options: {
		documented: IndexMeaning;
		variants: OrganizationVariants;
		defaultCount?: number;
		required?: boolean;
	},
): Paging {
	const index = readWhole(params, 'index', 0, Number.MAX_SAFE_INTEGER, options.required);
	const count = readWhole(params, 'count', 1, MAX_COUNT, options.required) ?? options.defaultCount;
	const meaning =
		options.variants.pagingIndex === 'documented'
			? options.documented
			: options.variants.pagingIndex;
	const position = Math.max(index ?? 1, 1) - 1;
	if (meaning === 'ignored') return { first: 0, count };
	if (meaning === 'record') return { first: position, count };
	return { first: count === undefined ? 0 : position * count, count };
}

function readWhole(
	params: URLSearchParams,
	name: string,
	min: number,
	max: number,
	required = false,
): number | undefined {
	const text = params.get(name);
	if (text === null) {
		if (required) throw invalidParameter(`Missing required query parameter: ${name}`);
		return undefined;
	}
	const value = /^\d+$/.test(text) ? Number(text) : NaN;
	if (!(value >= min && value <= max)) {
		throw invalidParameter(`Invalid value for ${name}: expected an integer from ${min} to ${max}`);
	}
	return value;
}

export const pageOf = <T,>(records: readonly T[], paging: Paging): T[] =>
	records.slice(
		paging.first,
		paging.count === undefined ? undefined : paging.first + paging.count,
	);

/**
 * One page of a list that takes `listtype`, `index` (the first record's position) and
 * `count`, and the total of the list type.
 */
export function listTypePage<T>(
	{ store, searchParams }: Pick<ApiRequest, 'store' | 'searchParams'>,
	records: readonly T[],
	timing: (record: T) => Timed,
	paging: { required?: boolean; defaultCount?: number },
): { page: T[]; total: number } {
	const type = readListType(searchParams);
	const selected = ofListType(records, type, timing, store);
	const { first, count } = readPaging(searchParams, {
		documented: 'record',
		variants: store.config.organization,
		...paging,
	});
	return { page: pageOf(selected, { first, count }), total: selected.length };
}
