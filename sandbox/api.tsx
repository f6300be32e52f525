import {
	ApiError,
	type Exchange,
	type FailureCode,
	invalidParameter,
	parseJsonBody,
	type Reply,
} from './http';
import type { ApiName } from './model';
import type { RateLimiter } from './rateLimit';
import type { RecordingCdn } from './cdn';
import type { Store } from './store';
import { type AccessGrant, SANDBOX_ACCOUNT } from './tokens';
import { badDate, parseIsoDate, type Schema, validateBody } from './validation';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Which scopes open a route, by the spec's scope list: meeting endpoints take the
 * matching CRUD scope or ALL, recordings are readable with READ and deletable with
 * ALL only, settings need meeting ALL.
 */
export type ScopeArea = 'meeting' | 'settings' | 'recording' | 'webinar' | 'report';

const MEETING_OPERATION: Record<Method, string> = {
	GET: 'READ',
	POST: 'CREATE',
	PUT: 'UPDATE',
	DELETE: 'DELETE',
};

function scopesFor(area: ScopeArea, method: Method): string[] {
	switch (area) {
		case 'meeting':
			return ['ZohoMeeting.meeting.ALL', `ZohoMeeting.meeting.${MEETING_OPERATION[method]}`];
		case 'settings':
			return ['ZohoMeeting.meeting.ALL'];
		case 'recording':
			return method === 'GET'
				? ['ZohoMeeting.recording.ALL', 'ZohoMeeting.recording.READ']
				: ['ZohoMeeting.recording.ALL'];
		case 'webinar':
			return ['ZohoMeeting.webinar.ALL'];
		case 'report':
			return ['ZohoMeeting.report.READ'];
	}
}

export type QueryName =
	'page' | 'per_page' | 'status' | 'from_date' | 'to_date' | 'notify_participants';

export interface QueryRules {
	names: readonly QueryName[];
	statuses?: readonly string[];
}

export const LIST_QUERY: QueryRules = { names: ['page', 'per_page'] };

export const filteredListQuery = (statuses: readonly string[]): QueryRules => ({
	names: ['page', 'per_page', 'status', 'from_date', 'to_date'],
	statuses,
});

export interface ParsedQuery {
	page: number;
	per_page: number;
	status?: string;
	/** `from_date`/`to_date` as epoch ms; a date-only `to_date` reaches the end of its day. */
	from?: number;
	to?: number;
	notify_participants?: boolean;
}

export interface ApiRequest {
	store: Store;
	cdn: RecordingCdn;
	params: Record<string, string>;
	query: ParsedQuery;
	/** The query string itself, for routes that read it their own way (`query: 'raw'`). */
	searchParams: URLSearchParams;
	/** The JSON body, already checked against the route's schema. */
	body: Record<string, unknown>;
}

export interface ApiRoute {
	method: Method;
	/** The path below the dialect's `basePath`, e.g. `/meetings/{meeting_key}`. */
	path: string;
	/** An area of the spec's scope list, or the scopes of which any one opens the route. */
	scope: ScopeArea | readonly string[];
	/** The spec's query parameters, or `raw`: the handler reads `searchParams` itself. */
	query?: QueryRules | 'raw';
	body?: { schema: Schema; partial?: boolean };
	handle(request: ApiRequest): Reply | Promise<Reply>;
}

/** An endpoint beside the API, with an authentication of its own and no rate limit. */
export interface ExtraEndpoint {
	method: Method;
	path: string;
	handle(exchange: Exchange, context: ApiContext): Promise<void>;
}

/**
 * One wire format of the API over the shared store: its routes and object shapes, and
 * how it answers failures. The rest of the pipeline (authentication, rate limits,
 * scopes, faults, the request log) is the same for every dialect.
 */
export interface Dialect {
	name: ApiName;
	/** Where route paths start: `/api/v2` for v2, the host root for the organization API. */
	basePath: string;
	routes: readonly ApiRoute[];
	extraEndpoints: readonly ExtraEndpoint[];
	/** Whether a path is the API's: any other is answered `unknownPath` without authentication. */
	ownsPath(path: string): boolean;
	/** Whether answers carry `X-RateLimit-*` headers (and `Retry-After` on a 429). */
	rateLimitHeaders: boolean;
	/** The answer to a failure: a code of the shared error table or the dialect's own. */
	failure(code: FailureCode | string, detail?: string): Extract<Reply, { kind: 'json' }>;
	/** The answer to a path no route serves. */
	unknownPath(method: string, path: string): Reply;
	/** The start of one of the dialect's answers, cut off: the `malformedJson` fault's body. */
	truncatedJson: string;
}

export interface ApiContext {
	store: Store;
	rateLimiter: RateLimiter;
	cdn: RecordingCdn;
	dialect: Dialect;
}

const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 100;
const DAY_MS = 86_400_000;

/**
 * Authenticates, counts the call against the account's rate limit, then runs the route.
 * The dialect's extra endpoints (Zoho's download host) go their own way.
 */
export async function handleApi(exchange: Exchange, context: ApiContext): Promise<void> {
	const { store, rateLimiter, dialect } = context;
	const extra = dialect.extraEndpoints.find(
		(endpoint) => endpoint.method === exchange.method && endpoint.path === exchange.path,
	);
	if (extra) return extra.handle(exchange, context);
	const grant = authenticate(exchange, store);
	// Zoho answers every v2 call with the limit headers, even one it turns away.
	const verdict = grant ? rateLimiter.consume(grant.account) : rateLimiter.peek(SANDBOX_ACCOUNT);
	if (dialect.rateLimitHeaders) {
		for (const [name, value] of Object.entries(verdict.headers)) exchange.setHeader(name, value);
	}
	try {
		if (!grant) throw new ApiError('INVALID_TOKEN');
		if (!verdict.allowed) throw new ApiError('RATE_LIMIT_EXCEEDED');
		await sendReply(exchange, await dispatch(exchange, context, grant));
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		await sendReply(exchange, failureReply(dialect, error));
	}
}

export const failureReply = (dialect: Dialect, error: ApiError) =>
	dialect.failure(error.code, error.detail);

/** The grant of the request's token: n8n sends `Bearer`, Zoho's examples `Zoho-oauthtoken`. */
export function authenticate(exchange: Exchange, store: Store): AccessGrant | undefined {
	const [scheme, token] = (exchange.req.headers.authorization ?? '').trim().split(/\s+/);
	// n8n sends `Bearer`; the spec's examples use `Zoho-oauthtoken`. Zoho takes both.
	if (!token || !['bearer', 'zoho-oauthtoken'].includes(scheme.toLowerCase())) return undefined;
	return store.tokens.findAccess(token);
}

async function dispatch(
	exchange: Exchange,
	context: ApiContext,
	grant: AccessGrant,
): Promise<Reply> {
	const method = exchange.method as Method;
	const { dialect } = context;
	const path = exchange.path.slice(dialect.basePath.length);
	const match = matchRoute(dialect.routes, method, path);
	if (!match) return dialect.unknownPath(method, exchange.path);
	const { route, params } = match;
	const scopes = Array.isArray(route.scope)
		? (route.scope as readonly string[])
		: scopesFor(route.scope as ScopeArea, route.method);
	if (!hasAnyScope(grant, scopes)) {
		throw new ApiError(
			'INSUFFICIENT_SCOPE',
			`Insufficient permissions: this endpoint needs the scope ${scopes.join(' or ')}`,
		);
	}
	const query = parseQuery(exchange.query, route.query);
	const body = parseJsonBody(exchange.rawBody);
	if (route.body) validateBody(body, route.body.schema, route.body.partial);
	context.store.settle();
	return route.handle({
		store: context.store,
		cdn: context.cdn,
		params,
		query,
		searchParams: exchange.query,
		body: (body ?? {}) as Record<string, unknown>,
	});
}

/** Zoho's scope names are matched without regard to case (`manageOrg`, `manageorg`). */
export function hasAnyScope(grant: AccessGrant, scopes: readonly string[]): boolean {
	const granted = new Set(grant.scopes.map((scope) => scope.toLowerCase()));
	return scopes.some((scope) => granted.has(scope.toLowerCase()));
}

export async function sendReply(exchange: Exchange, reply: Reply): Promise<void> {
	switch (reply.kind) {
		case 'json':
			exchange.sendJson(reply.status, reply.body, reply.headers);
			return;
		case 'html':
			exchange.sendHtml(reply.status, reply.html);
			return;
		case 'empty':
			exchange.send(204, {}, '');
			return;
		case 'redirect':
			exchange.redirect(reply.location);
			return;
		case 'stream':
			await exchange.stream(200, reply.headers, reply.length, reply.chunkAt);
			return;
	}
}

interface CompiledRoute {
	route: ApiRoute;
	pattern: RegExp;
	names: string[];
}

const compiled = new WeakMap<readonly ApiRoute[], CompiledRoute[]>();

function matchRoute(routes: readonly ApiRoute[], method: Method, path: string) {
	let table = compiled.get(routes);
	if (!table) {
		table = routes.map(compileRoute);
		compiled.set(routes, table);
	}
	for (const { route, pattern, names } of table) {
		if (route.method !== method) continue;
		const found = pattern.exec(path);
		if (!found) continue;
		const params = Object.fromEntries(
			names.map((name, i) => [name, decodeURIComponent(found[i + 1])]),
		);
		return { route, params };
	}
	return undefined;
}

/** `{name}` matches one path segment; everything else (the `.` of `.json`) stands for itself. */
function compileRoute(route: ApiRoute): CompiledRoute {
	const names: string[] = [];
	const source = route.path
		.split(/(\{\w+\})/)
		.map((part) => {
			const param = /^\{(\w+)\}$/.exec(part);
			if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			names.push(param[1]);
			return '([^/]+?)';
		})
		.join('');
	return { route, pattern: new RegExp(`^${source}/?$`), names };
}

/**
 * Query parameters a route does not list are refused, like unknown body fields; a `raw`
 * route reads them itself.
 */
export function parseQuery(
	params: URLSearchParams,
	rules: QueryRules | 'raw' | undefined,
): ParsedQuery {
	const query: ParsedQuery = { page: 1, per_page: DEFAULT_PER_PAGE };
	if (rules === 'raw') return query;
	for (const [name, value] of params) {
		if (!rules?.names.includes(name as QueryName)) {
			throw invalidParameter(`Unknown query parameter: ${name}`);
		}
		switch (name as QueryName) {
			case 'page':
				query.page = parseCount(name, value, Number.MAX_SAFE_INTEGER);
				break;
			case 'per_page':
				query.per_page = parseCount(name, value, MAX_PER_PAGE);
				break;
			case 'status':
				if (!rules.statuses?.includes(value)) {
					throw invalidParameter(
						`Invalid value for status: expected one of ${rules.statuses?.join(', ')}`,
					);
				}
				query.status = value;
				break;
			case 'from_date':
				query.from = parseDateParameter(name, value).ms;
				break;
			case 'to_date': {
				const date = parseDateParameter(name, value);
				query.to = date.dateOnly ? date.ms + DAY_MS - 1 : date.ms;
				break;
			}
			case 'notify_participants':
				if (value !== 'true' && value !== 'false') {
					throw invalidParameter('Invalid value for notify_participants: expected true or false');
				}
				query.notify_participants = value === 'true';
				break;
		}
	}
	return query;
}

function parseCount(name: string, value: string, max: number): number {
	const count = /^\d+$/.test(value) ? Number(value) : NaN;
	if (!(count >= 1 && count <= max)) {
		const range = max === MAX_PER_PAGE ? `from 1 to ${max}` : 'of at least 1';
		throw invalidParameter(`Invalid value for ${name}: expected an integer ${range}`);
	}
	return count;
}

function parseDateParameter(name: string, value: string) {
	const date = parseIsoDate(value);
	if (!date) throw badDate(name);
	return date;
}

/** One page of a list, in the spec's list envelope. */
export function pageOf<T>(
	items: readonly T[],
	query: ParsedQuery,
	toObject: (item: T) => unknown,
): Reply {
	const first = (query.page - 1) * query.per_page;
	return {
		kind: 'json',
		status: 200,
		body: {
			status: 'success',
			data: items.slice(first, first + query.per_page).map(toObject),
			pagination: {
				page: query.page,
				per_page: query.per_page,
				total: items.length,
				has_more: first + query.per_page < items.length,
			},
		},
	};
}
