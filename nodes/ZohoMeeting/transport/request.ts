import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Clock } from './clock';
import type { Dialect } from './dialects/v2';
import { mayHaveApplied, toFailure, toNodeApiError, tryParseJson, type Failure } from './errors';
import { exchangeSignal, REQUEST_DEADLINE_MS } from './deadlines';
import { headerOf, type Headers } from './headers';
import { resetTimeMs, type AccountBudget } from './rateLimit';
import { isIdempotentMethod, retryDecision, type Attempts, type RetryDecision } from './retry';
import type { RequestSlots } from './slots';

/** A request in the API contract's terms (docs/api-contract.md); the dialect puts it on the wire. */
export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below `/api/v2`, with `{name}` placeholders filled from `pathParams`. */
	path: string;
	/** Values for the path's placeholders, checked so they cannot change the path. */
	pathParams?: Record<string, unknown>;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	/** False for a PUT that must not be sent twice (approving a registration emails the registrant). */
	idempotent?: boolean;
}

export interface RawResponse {
	body: unknown;
	headers: Headers;
	statusCode: number;
}

/** Where a run's requests go: the API's base URL and the account whose rate budget they share. */
export interface Connection {
	apiUrl: string;
	budget: AccountBudget;
}

/** What sending needs from the run's client (client.ts), kept to an interface so this module does not import it. */
export interface RequestChannel {
	readonly node: INode;
	readonly clock: Clock;
	readonly dialect: Dialect;
	readonly slots: RequestSlots;
	/** Aborts when the user stops the execution. */
	readonly cancelSignal?: AbortSignal;
	/** The check pass of the router: the run reads and checks parameters, and sends nothing. */
	readonly checkOnly: boolean;
	connection(itemIndex: number): Promise<Connection>;
	fillPath(request: ApiRequest): string;
	/** Sends through n8n: with the OAuth token (refreshed on a 401) or, for a file host, without. */
	send(options: IHttpRequestOptions, signal: AbortSignal, authenticated: boolean): Promise<RawResponse>;
	tokenRefreshedSince(itemIndex: number): Promise<boolean>;
}

/** Thrown at the first request of an item in the router's check pass: its parameters were all read and passed. */
export class RequestReached extends Error {}

function withoutEmpty(values: IDataObject | undefined): IDataObject | undefined {
	if (!values) return undefined;
	return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** The n8n request for an API call. API calls never follow redirects: a redirect is answered, not obeyed. */
async function httpOptions(channel: RequestChannel, request: ApiRequest, stream: boolean): Promise<IHttpRequestOptions> {
	const wire = channel.dialect.toWire({ ...request, path: channel.fillPath(request) });
	if (channel.checkOnly) throw new RequestReached();
	const { apiUrl } = await channel.connection(request.itemIndex ?? 0);
	return {
		method: wire.method,
		url: `${apiUrl}${wire.path}`,
		qs: withoutEmpty(wire.qs),
		body: wire.body,
		json: true,
		returnFullResponse: true,
		disableFollowRedirect: true,
		timeout: REQUEST_DEADLINE_MS,
		...(stream ? { encoding: 'stream' as const } : {}),
	};
}

/** A stopped execution ends the request at once, whatever it was doing. */
export function throwIfCancelled(channel: RequestChannel): void {
	if (channel.cancelSignal?.aborted) {
		throw new NodeOperationError(channel.node, 'The execution was stopped', {
			description: 'No further request was sent to Zoho Meeting.',
		});
	}
}

type Outcome = { response: RawResponse } | { error: unknown };

/** One try: a request slot of the run, a call of the account's budget, and the exchange under its deadline. */
async function attemptOnce(channel: RequestChannel, options: IHttpRequestOptions, itemIndex: number, stream: boolean): Promise<Outcome> {
	const { budget } = await channel.connection(itemIndex);
	await channel.slots.take(channel.cancelSignal);
	const exchange = exchangeSignal(channel.clock, channel.cancelSignal);
	let headers: Headers | undefined;
	let sentAt: number | undefined;
	try {
		sentAt = await budget.takeCall(channel.cancelSignal);
		const response = await channel.send(options, exchange.signal, true);
		headers = response.headers;
		if (stream) exchange.keepForBody(response.body);
		else exchange.release();
		return { response };
	} catch (error) {
		exchange.release();
		headers = toFailure(error).headers;
		return { error: exchange.signal.aborted ? exchange.signal.reason : error };
	} finally {
		if (sentAt !== undefined) {
			budget.finishCall(headers, sentAt);
			channel.slots.openAll();
		}
		channel.slots.give();
	}
}

export const isRedirect = (status: number | undefined) => status !== undefined && status >= 300 && status <= 399;

/** A 2xx whose body should be the JSON envelope but is not (a proxy's page, a cut body, data of the wrong shape). */
function isMalformed(response: RawResponse, dialect: Dialect): boolean {
	if (response.statusCode === 204) return false;
	if (typeof response.body === 'string' && response.body.trim() === '') return false;
	const body = typeof response.body === 'string' ? tryParseJson(response.body) : response.body;
	return !dialect.isEnvelope(body);
}

/** Reads at most 64 KiB of a stream's error body, so the Zoho error code in it can be named. */
export async function readSmallBody(body: unknown): Promise<unknown> {
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

/** The failure an outcome stands for, or undefined for an answer the caller takes. */
async function failureOf(outcome: Outcome, url: string, stream: boolean, dialect: Dialect): Promise<Failure | undefined> {
	if ('response' in outcome) {
		const { response } = outcome;
		if (stream || !isMalformed(response, dialect)) return undefined;
		return { status: response.statusCode, headers: response.headers, data: response.body, message: 'malformed response', refreshFailed: false, malformed: true };
	}
	const failure = toFailure(outcome.error);
	if (stream) failure.data = await readSmallBody(failure.data);
	if (isRedirect(failure.status)) failure.redirectTo = redirectTarget(headerOf(failure.headers, 'location'), url);
	return failure;
}

/** A download's redirect, which axios reports as an error: for download.ts to follow. */
function redirectAnswer(outcome: Outcome): RawResponse | undefined {
	if (!('error' in outcome)) return undefined;
	const { status, headers, data } = toFailure(outcome.error);
	return isRedirect(status) ? { statusCode: status as number, headers: headers ?? {}, body: data } : undefined;
}

/** How an error names where a redirect pointed: its origin, or what kind of address it was. */
function redirectTarget(location: string | undefined, url: string): string {
	if (!location?.trim()) return 'no address';
	try {
		const target = new URL(location, url);
		// A javascript:, data: or file: URL has no origin: the URL parser gives "null".
		return target.origin === 'null' ? `a ${target.protocol} address` : target.origin;
	} catch {
		return 'an unreadable address';
	}
}

/** Carries out a retry decision; false when the request is to fail. */
async function followDecision(channel: RequestChannel, decision: RetryDecision, attempts: Attempts, itemIndex: number): Promise<boolean> {
	switch (decision.action) {
		case 'waitForWindow': {
			attempts.rateLimited++;
			const { budget } = await channel.connection(itemIndex);
			await budget.sleepThroughWindow(decision.ms, channel.cancelSignal);
			return true;
		}
		case 'backOff':
			attempts.transient++;
			await channel.clock.sleep(decision.ms, channel.cancelSignal);
			return true;
		case 'retryIfTokenRefreshed':
			// n8n 1.x refreshes an expired token once per request in flight, and Zoho refuses more
			// than ten refreshes in ten minutes. A request whose refresh was refused while another
			// one's went through goes once more, with the token that one stored (its 401 means Zoho
			// did not act on it, so this holds for a create too).
			attempts.refreshRetried = true;
			return await channel.tokenRefreshedSince(itemIndex);
		default:
			return false;
	}
}

/**
 * Sends one request through n8n's authenticated HTTP helper, so n8n signs it with the
 * OAuth2 token and refreshes (and persists) the token on a 401. Waits out rate limits and
 * retries transient failures of idempotent requests; a request that is not idempotent is
 * never sent twice. `stream` returns the answer's body as a stream, and a redirect as an
 * answer (a download follows it; download.ts).
 */
export async function sendRequest(channel: RequestChannel, request: ApiRequest, stream = false): Promise<RawResponse> {
	const itemIndex = request.itemIndex ?? 0;
	const options = await httpOptions(channel, request, stream);
	const idempotent = request.idempotent ?? isIdempotentMethod(request.method);
	const attempts: Attempts = { idempotent, rateLimited: 0, transient: 0, refreshRetried: false };
	for (;;) {
		throwIfCancelled(channel);
		const outcome = await attemptOnce(channel, options, itemIndex, stream);
		throwIfCancelled(channel);
		const redirect = stream ? redirectAnswer(outcome) : undefined;
		if (redirect) return redirect;
		const failure = await failureOf(outcome, options.url, stream, channel.dialect);
		if (!failure) return (outcome as { response: RawResponse }).response;
		const decision = retryDecision(failure, attempts, channel.clock.now());
		if (await followDecision(channel, decision, attempts, itemIndex)) continue;
		throw toNodeApiError(channel.node, failure, {
			itemIndex: request.itemIndex,
			mayHaveApplied: !idempotent && mayHaveApplied(failure),
			resetAt: failure.status === 429 ? resetTimeMs(failure.headers, channel.clock.now()) : undefined,
		});
	}
}
