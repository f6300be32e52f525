import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { resolveApiUrl, type DataCenterSettings } from './dataCenters';
import { toFailure, toNodeApiError, tryParseJson, type Failure } from './errors';
import {
	backoffMs,
	finishCall,
	isIdempotent,
	isTransient,
	MAX_RATE_LIMIT_TRIES,
	MAX_RATE_LIMIT_WAIT_MS,
	MAX_TRANSIENT_RETRIES,
	nextAnswer,
	requestTimeoutMs,
	resetOf,
	resetTimeMs,
	startCall,
	waitAfter429,
	waitBeforeCall,
	windowPassed,
	type Headers,
} from './rateLimit';
import { assertPathId } from './validation';

export const CREDENTIAL_TYPE = 'zohoMeetingOAuth2Api';

/** The spec's maximum `per_page`. */
export const MAX_PER_PAGE = 100;
/** A server that keeps answering `has_more` cannot hold the node in a loop past this. */
export const MAX_PAGES = 2_000;

export type ZohoContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below `/api/v2`, with `{name}` placeholders filled from `pathParams`. */
	path: string;
	/** Values for the path's placeholders, checked so they cannot change the path. */
	pathParams?: Record<string, unknown>;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
}

export interface Pagination {
	page?: number;
	per_page?: number;
	total?: number;
	has_more?: boolean;
}

interface RawResponse {
	body: unknown;
	headers: Headers;
	statusCode: number;
}

function fillPath(ctx: ZohoContext, request: ApiRequest): string {
	return request.path.replace(/\{(\w+)\}/g, (_, name: string) =>
		assertPathId(ctx.getNode(), request.itemIndex ?? 0, name, request.pathParams?.[name]),
	);
}

/**
 * The credential's data-center settings, read once per node run (n8n decrypts the
 * credential and resolves its expressions on every read; all items of a run go to the
 * same Zoho account). A failed read is not kept.
 */
const settingsOfRun = new WeakMap<object, Promise<DataCenterSettings>>();

function dataCenterSettings(ctx: ZohoContext, itemIndex: number): Promise<DataCenterSettings> {
	let settings = settingsOfRun.get(ctx);
	if (!settings) {
		settings = ctx.getCredentials(CREDENTIAL_TYPE, itemIndex) as Promise<DataCenterSettings>;
		settingsOfRun.set(ctx, settings);
		settings.catch(() => settingsOfRun.delete(ctx));
	}
	return settings;
}

async function apiBaseUrl(ctx: ZohoContext, itemIndex: number): Promise<string> {
	const url = resolveApiUrl(await dataCenterSettings(ctx, itemIndex));
	if (!url) {
		throw new NodeOperationError(ctx.getNode(), 'The credential has no API URL', {
			itemIndex,
			description:
				'The Zoho Meeting credential uses the Custom data center: fill in its API URL, or pick your Zoho data center.',
		});
	}
	return `${url}/api/v2`;
}

/** Rate-limit windows are per Zoho account; the credential stands for the account. */
function accountOf(ctx: ZohoContext, baseUrl: string): string {
	return ctx.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? baseUrl;
}

function withoutEmpty(values: IDataObject | undefined): IDataObject | undefined {
	if (!values) return undefined;
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (value !== undefined && value !== null && value !== '') result[key] = value;
	}
	return result;
}

/**
 * A counting semaphore: at most `size` holders at once, the others queue in order. Until
 * the first request is answered it lets only one through, so that a node run learns the
 * account's rate-limit budget before it sends a burst.
 */
class RequestSlots {
	private free = 1;
	private closed: number;
	private readonly queue: Array<() => void> = [];

	constructor(readonly size: number) {
		this.closed = size - 1;
	}

	async take(): Promise<void> {
		if (this.free > 0) {
			this.free--;
			return;
		}
		await new Promise<void>((resolve) => this.queue.push(resolve));
	}

	give(): void {
		const next = this.queue.shift();
		if (next) next();
		else this.free++;
	}

	/** An answer came: the other slots open. */
	answered(): void {
		for (; this.closed > 0; this.closed--) this.give();
	}
}

/** The request slots of one node run (its execute context), set by the router. */
const slotsOfRun = new WeakMap<object, RequestSlots>();

/**
 * Lets at most `parallel` requests of this node run be in flight at once, across its
 * items and the pages of a list ("Parallel Requests"). Without it, a run sends one page
 * at a time and does not limit its requests.
 */
export function limitParallelRequests(ctx: ZohoContext, parallel: number): void {
	slotsOfRun.set(ctx, new RequestSlots(Math.max(1, Math.floor(parallel))));
}

function parallelismOf(ctx: ZohoContext): number {
	return slotsOfRun.get(ctx)?.size ?? 1;
}

/**
 * Sends one request through n8n's authenticated HTTP helper, so n8n signs it with the
 * OAuth2 token and refreshes (and persists) the token on a 401. Waits out rate limits
 * and retries transient failures of idempotent requests; a POST is never sent twice.
 */
async function send(
	ctx: ZohoContext,
	request: ApiRequest,
	extra: Partial<IHttpRequestOptions> = {},
): Promise<RawResponse> {
	const itemIndex = request.itemIndex ?? 0;
	const path = fillPath(ctx, request);
	const baseUrl = await apiBaseUrl(ctx, itemIndex);
	const account = accountOf(ctx, baseUrl);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${path}`,
		qs: withoutEmpty(request.qs),
		body: request.body,
		json: true,
		returnFullResponse: true,
		timeout: requestTimeoutMs(),
		...extra,
	};
	const idempotent = isIdempotent(request.method);
	let rateLimited = 0;
	let transient = 0;
	let refusedRefresh = false;
	for (;;) {
		const outcome = await attempt(ctx, account, options);
		let failure: Failure;
		if ('response' in outcome) {
			const { response } = outcome;
			if (!isMalformed(response, extra)) return response;
			failure = {
				status: response.statusCode,
				headers: response.headers,
				data: response.body,
				message: 'malformed response',
				refreshFailed: false,
			};
			if (idempotent && transient < MAX_TRANSIENT_RETRIES) {
				await sleep(backoffMs(transient++));
				continue;
			}
		} else {
			failure = toFailure(outcome.error);
			if (!refusedRefresh && isFailedRefresh(failure) && (await tokenRefreshedSince(ctx, itemIndex))) {
				// n8n 1.x refreshes an expired token once per request in flight, and Zoho refuses
				// more than ten refreshes in ten minutes. A request whose refresh was refused while
				// another one's went through goes once more, with the token that one stored (its
				// 401 means Zoho did not act on it, so this holds for a create too).
				refusedRefresh = true;
				continue;
			}
			if (extra.encoding === 'stream') {
				// A download's redirect is for downloadToBinary to follow, and its error
				// body is still a stream: read it so the Zoho error code can be named.
				if (extra.disableFollowRedirect && isRedirect(failure.status)) {
					return { body: failure.data, headers: failure.headers ?? {}, statusCode: failure.status as number };
				}
				failure.data = await readSmallBody(failure.data);
			}
			const now = Date.now();
			if (failure.status === 429 && rateLimited < MAX_RATE_LIMIT_TRIES - 1) {
				const delay = waitAfter429(failure.headers, rateLimited, now);
				if (delay <= MAX_RATE_LIMIT_WAIT_MS) {
					rateLimited++;
					const resetAt = resetOf(account);
					await sleep(delay);
					windowPassed(account, resetAt, Date.now());
					continue;
				}
			}
			if (idempotent && isTransient(failure.status, failure.code) && transient < MAX_TRANSIENT_RETRIES) {
				await sleep(backoffMs(transient++));
				continue;
			}
		}
		throw toNodeApiError(ctx.getNode(), failure, {
			itemIndex: request.itemIndex,
			method: request.method,
			// No answer, or a 2xx whose body could not be read: Zoho may have done it.
			mayHaveApplied: !idempotent && (failure.status === undefined || failure.status < 300),
			resetAt: failure.status === 429 ? resetTimeMs(failure.headers, Date.now()) : undefined,
		});
	}
}

/**
 * One try of a request, inside a request slot of the node run and a call of the
 * account's rate-limit budget; the answer's rate-limit headers go back to the budget.
 */
async function attempt(
	ctx: ZohoContext,
	account: string,
	options: IHttpRequestOptions,
): Promise<{ response: RawResponse } | { error: unknown }> {
	const slots = slotsOfRun.get(ctx);
	await slots?.take();
	try {
		const sentAt = await takeCall(account);
		let headers: Headers | undefined;
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
				...options,
				headers: { ...options.headers },
			})) as RawResponse;
			headers = response.headers;
			return { response };
		} catch (error) {
			headers = toFailure(error).headers;
			return { error };
		} finally {
			finishCall(account, headers, Date.now(), sentAt);
			slots?.answered();
		}
	} finally {
		slots?.give();
	}
}

/**
 * Waits until the account's rate-limit window has room for one more call and takes it.
 * Every call of the account in this n8n process (parallel items, other workflows) draws
 * on the same budget, so parallel calls wait for a reset together instead of each
 * provoking its own 429.
 */
async function takeCall(account: string): Promise<number> {
	for (;;) {
		const wait = waitBeforeCall(account, Date.now());
		if (wait > 0) {
			const resetAt = resetOf(account);
			await sleep(wait);
			windowPassed(account, resetAt, Date.now());
			continue;
		}
		if (startCall(account)) return Date.now();
		await nextAnswer(account);
	}
}

const isFailedRefresh = (failure: Failure) => failure.refreshFailed || failure.code === 'ESTATUS';

/** Whether the credential's tokens changed since the node run first read it: a refresh went through. */
async function tokenRefreshedSince(ctx: ZohoContext, itemIndex: number): Promise<boolean> {
	const tokensOf = (credential: unknown) => JSON.stringify((credential as { oauthTokenData?: unknown }).oauthTokenData);
	const first = await dataCenterSettings(ctx, itemIndex);
	const current = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return tokensOf(current) !== tokensOf(first);
}

/** A 2xx whose body should be the JSON envelope but is not (a proxy's page, a cut body). */
function isMalformed(response: RawResponse, extra: Partial<IHttpRequestOptions>): boolean {
	if (extra.encoding === 'stream' || response.statusCode === 204) return false;
	const body = typeof response.body === 'string' ? tryParseJson(response.body) : response.body;
	if (typeof response.body === 'string' && response.body.trim() === '') return false;
	return !body || typeof body !== 'object';
}

function envelopeOf(response: RawResponse): { data?: unknown; pagination?: Pagination } {
	const body = typeof response.body === 'string' ? tryParseJson(response.body) : response.body;
	return (body as { data?: unknown; pagination?: Pagination }) ?? {};
}

/** One API call; returns the spec's `data`, unwrapped from `{status:"success", data}`. */
export async function zohoApiRequest(this: ZohoContext, request: ApiRequest): Promise<IDataObject> {
	const response = await send(this, request);
	return (envelopeOf(response).data as IDataObject | undefined) ?? {};
}

/** One page of a list endpoint, with the spec's `pagination` object. */
export async function zohoApiRequestPage(
	this: ZohoContext,
	request: ApiRequest,
): Promise<{ data: IDataObject[]; pagination?: Pagination; date?: string }> {
	const response = await send(this, request);
	const { data, pagination } = envelopeOf(response);
	if (!Array.isArray(data)) {
		throw new NodeOperationError(this.getNode(), 'Zoho Meeting answered a list request without a list', {
			itemIndex: request.itemIndex,
			description: `GET ${request.path} returned no "data" array; the API may have changed.`,
		});
	}
	// `date`: the server's clock (its `Date` header), which the trigger measures its window on.
	return { data: data as IDataObject[], pagination, date: headerText(response.headers, 'date') };
}

/**
 * The stop rules of a list, applied to its pages in order. A page is `skip` when it is
 * empty or repeats the previous one (a server ignoring `page`): the list ended before it.
 * It is `last` when the server says `has_more: false` (without `pagination`, when the
 * page is not full), else `more`.
 */
class PageRules {
	private previous?: string;

	constructor(private readonly perPage: number) {}

	judge(data: IDataObject[], pagination: Pagination | undefined): 'skip' | 'last' | 'more' {
		if (data.length === 0) return 'skip';
		const signature = JSON.stringify(data);
		if (signature === this.previous) return 'skip';
		this.previous = signature;
		return (pagination?.has_more ?? data.length >= this.perPage) ? 'more' : 'last';
	}
}

const pageRequest = (request: ApiRequest, page: number, perPage: number): ApiRequest => ({
	...request,
	qs: { ...request.qs, page, per_page: perPage },
});

/**
 * Pages of a list endpoint, `per_page` at a time (at most the spec's 100), one after the
 * other, under PageRules and at most MAX_PAGES pages. `firstPage` lets a poll that ran
 * out of time continue where the previous one stopped; `onAnswer` hears each page's
 * `Date` header before the page is judged.
 */
export async function* pages(
	ctx: ZohoContext,
	request: ApiRequest,
	perPage = MAX_PER_PAGE,
	firstPage = 1,
	onAnswer?: (answer: { date?: string }) => void,
): AsyncGenerator<IDataObject[]> {
	const rules = new PageRules(perPage);
	for (let page = firstPage; page <= MAX_PAGES; page++) {
		const { data, pagination, date } = await zohoApiRequestPage.call(ctx, pageRequest(request, page, perPage));
		onAnswer?.({ date });
		const verdict = rules.judge(data, pagination);
		if (verdict === 'skip') return;
		yield data;
		if (verdict === 'last') return;
	}
}

type PageOutcome = { data: IDataObject[]; pagination?: Pagination } | { error: unknown };

/**
 * Every object of a list (Return All), or the first `limit`, fetching no more pages than
 * needed. The first page's `pagination.total` tells how many pages there are; with
 * "Parallel Requests" above 1 the rest are fetched that many at a time and read in
 * order, by the same stop rules as one after the other. Pages beyond the announced total
 * (a list that grew meanwhile) are still read, one at a time.
 */
export async function pageThrough(
	this: ZohoContext,
	request: ApiRequest,
	{ returnAll, limit }: { returnAll: boolean; limit?: number },
): Promise<IDataObject[]> {
	const max = returnAll ? Infinity : Math.max(1, limit ?? 50);
	const perPage = Math.min(MAX_PER_PAGE, max);
	const rules = new PageRules(perPage);
	const results: IDataObject[] = [];
	const fetchPage = async (page: number): Promise<PageOutcome> => {
		try {
			return await zohoApiRequestPage.call(this, pageRequest(request, page, perPage));
		} catch (error) {
			return { error };
		}
	};
	/** Takes the next page in order; false once the list (or the limit) is complete. */
	const read = (outcome: PageOutcome): boolean => {
		if ('error' in outcome) throw outcome.error;
		const verdict = rules.judge(outcome.data, outcome.pagination);
		if (verdict === 'skip') return false;
		results.push(...outcome.data);
		return verdict === 'more' && results.length < max;
	};

	const first = await fetchPage(1);
	let more = read(first);
	let page = 2;
	const total = 'data' in first ? Number(first.pagination?.total) : NaN;
	const parallel = parallelismOf(this);
	if (more && parallel > 1 && Number.isInteger(total) && total > 0) {
		const lastPage = Math.min(MAX_PAGES, Math.ceil(Math.min(total, max) / perPage));
		// Started in page order, at most `parallel` ahead of the page being read; every
		// fetch settles into an outcome, so none can fail unobserved.
		const started = new Map<number, Promise<PageOutcome>>();
		const startUpTo = (last: number) => {
			for (let next = page + started.size; next <= Math.min(last, lastPage); next++) started.set(next, fetchPage(next));
		};
		try {
			for (; more && page <= lastPage; page++) {
				startUpTo(page + parallel - 1);
				const outcome = await (started.get(page) as Promise<PageOutcome>);
				started.delete(page);
				more = read(outcome);
			}
		} finally {
			// Pages fetched past the end of the list are let go, but waited for.
			await Promise.all(started.values());
		}
	}
	for (; more && page <= MAX_PAGES; page++) more = read(await fetchPage(page));
	return results.length > max ? results.slice(0, max) : results;
}

const MAX_REDIRECTS = 5;

function headerText(headers: Headers, name: string): string | undefined {
	const value = headers[name];
	return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
}

function fileNameFrom(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
	if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
	const plain = /filename="?([^";]+)"?/i.exec(disposition);
	return plain?.[1];
}

const isRedirect = (status: number | undefined) => status !== undefined && status >= 300 && status <= 399;

async function readSmallBody(body: unknown): Promise<unknown> {
	if (!body || typeof body !== 'object' || !(Symbol.asyncIterator in body)) return body;
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body as AsyncIterable<Buffer>) {
		chunks.push(chunk);
		size += chunk.length;
		if (size > 64 * 1024) break;
	}
	return tryParseJson(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A download attempt that broke in a way a fresh attempt may not: the body broke off, or
 * the file host failed or could not be reached. `error` is what the user sees if every
 * attempt breaks.
 */
interface BrokenDownload {
	broken: NodeApiError | NodeOperationError;
}

const isBroken = (value: object): value is BrokenDownload => 'broken' in value;

/**
 * Streams a file from the API into n8n binary data (written to n8n's binary data store
 * as it arrives, never held whole in memory). A redirect to another origin is followed
 * without the Authorization header, and a body shorter than its Content-Length is an
 * error, not a silently short file. A download that breaks off starts over from the API
 * request, which also gets a fresh file-host URL (those work once), as often as other
 * GETs are retried.
 */
export async function downloadToBinary(
	this: IExecuteFunctions,
	request: ApiRequest,
	defaults: { fileName: string; mimeType: string },
): Promise<IBinaryData> {
	for (let attempt = 0; ; attempt++) {
		const result = await downloadOnce(this, request, defaults);
		if (!isBroken(result)) return result;
		if (attempt >= MAX_TRANSIENT_RETRIES) throw result.broken;
		await sleep(backoffMs(attempt));
	}
}

async function downloadOnce(
	ctx: IExecuteFunctions,
	request: ApiRequest,
	defaults: { fileName: string; mimeType: string },
): Promise<IBinaryData | BrokenDownload> {
	const itemIndex = request.itemIndex ?? 0;
	let response = await send(ctx, request, { encoding: 'stream', disableFollowRedirect: true });
	if (isRedirect(response.statusCode)) {
		const location = headerText(response.headers, 'location');
		if (!location) {
			throw new NodeOperationError(ctx.getNode(), 'Zoho Meeting redirected the download nowhere', {
				itemIndex,
				description: `The API answered HTTP ${response.statusCode} without a Location header; try again later.`,
			});
		}
		const followed = await followRedirect(ctx, location, await apiBaseUrl(ctx, itemIndex), itemIndex);
		if (isBroken(followed)) return followed;
		response = followed;
	}
	const headers = response.headers;
	const expected = Number(headerText(headers, 'content-length'));
	const fileName = fileNameFrom(headerText(headers, 'content-disposition')) ?? defaults.fileName;
	const mimeType = headerText(headers, 'content-type')?.split(';')[0] || defaults.mimeType;
	const cutShort = (what: string): BrokenDownload => ({
		broken: new NodeOperationError(ctx.getNode(), 'The download was cut short', {
			itemIndex,
			description: `Zoho Meeting announced ${Number.isFinite(expected) ? expected : 'more'} bytes but ${what}, on each of ${MAX_TRANSIENT_RETRIES + 1} attempts. Run the node again later to download the file again.`,
		}),
	});
	let binary: IBinaryData;
	try {
		binary = await ctx.helpers.prepareBinaryData(response.body as Buffer, fileName, mimeType);
	} catch (error) {
		const failure = toFailure(error);
		if (!isTransient(undefined, failure.code) && failure.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
			throw toNodeApiError(ctx.getNode(), failure, { itemIndex, method: 'GET' });
		}
		return cutShort(`the connection broke off (${failure.code})`);
	}
	const received = (binary as IBinaryData & { bytes?: number }).bytes;
	if (Number.isFinite(expected) && received !== undefined && received !== expected) {
		return cutShort(`the connection closed after ${received}`);
	}
	return binary;
}

async function explainStreamError(ctx: IExecuteFunctions, error: unknown, itemIndex: number) {
	const failure = toFailure(error);
	failure.data = await readSmallBody(failure.data);
	return toNodeApiError(ctx.getNode(), failure, { itemIndex, method: 'GET' });
}

/** Follows the download's redirects; a file host that fails or cannot be reached is a broken download. */
async function followRedirect(
	ctx: IExecuteFunctions,
	location: string,
	apiBase: string,
	itemIndex: number,
): Promise<RawResponse | BrokenDownload> {
	let url = new URL(location, apiBase).toString();
	for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
		// Zoho serves recordings from a file host; a pre-signed URL there needs no token,
		// and the token must not leave Zoho's API origin.
		const sameOrigin = new URL(url).origin === new URL(apiBase).origin;
		const options: IHttpRequestOptions = {
			method: 'GET',
			url,
			encoding: 'stream',
			returnFullResponse: true,
			disableFollowRedirect: true,
			timeout: requestTimeoutMs(),
		};
		try {
			return (await (sameOrigin
				? ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options)
				: ctx.helpers.httpRequest(options))) as RawResponse;
		} catch (error) {
			const failure = toFailure(error);
			const next = failure.headers && headerText(failure.headers, 'location');
			if (!isRedirect(failure.status) || !next) {
				const explained = await explainStreamError(ctx, error, itemIndex);
				if (isTransient(failure.status, failure.code)) return { broken: explained };
				throw explained;
			}
			url = new URL(next, url).toString();
		}
	}
	throw new NodeOperationError(ctx.getNode(), 'Too many redirects while downloading', {
		itemIndex,
		description: `Zoho Meeting redirected the download more than ${MAX_REDIRECTS} times.`,
	});
}
