import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, INode, IOAuth2Options } from 'n8n-workflow';

import type { AccountBudget } from './rateLimit';
import type { Clock } from './clock';
import type { ContractRequest, Dialect, ListPage, PageRequest, Translation, WireRequest } from './dialects/dialect';
import { sendWire } from './exchange';
import { answeredAt, type Headers } from './headers';
import { isIdempotentMethod } from './retry';
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
	/** For one page of a list. */
	page?: PageRequest;
}

export interface RawResponse {
	body: unknown;
	headers: Headers;
	statusCode: number;
}

/** An answer, read by the dialect: the contract's data, and for a page request the page. */
export interface Answer extends RawResponse {
	data: IDataObject;
	page?: ListPage;
	/** For a file: what an HTML page in its place means (WireRequest.htmlMeans). */
	htmlMeans?: string;
}

/** Where a run's requests go: the API's base URL, the hosts that may get the token, the account's rate budget. */
export interface Endpoint {
	apiUrl: string;
	tokenOrigins: readonly string[];
	budget: AccountBudget;
}

/** The endpoint and the wire shape its API speaks. */
export interface Connection extends Endpoint {
	dialect: Dialect;
}

/** What sending needs from the run's client (client.ts), kept to an interface so this module does not import it. */
export interface RequestChannel {
	readonly node: INode;
	readonly clock: Clock;
	readonly slots: RequestSlots;
	/** Aborts when the user stops the execution. */
	readonly cancelSignal?: AbortSignal;
	/** The check pass of the router: the run reads and checks parameters, and sends nothing. */
	readonly checkOnly: boolean;
	endpoint(itemIndex: number): Promise<Endpoint>;
	/** The endpoint and its API shape, which `auto` may have to ask Zoho for (apiShape.ts). */
	connection(itemIndex: number): Promise<Connection>;
	fillPath(request: ApiRequest): { path: string; pathParams: Record<string, string> };
	/** Carries out a translation's look-ups, through the transport, until a wire request or an answer is left. */
	resolve(translation: Translation, itemIndex: number): Promise<{ wire: WireRequest } | { answer: IDataObject }>;
	/** Sends through n8n: with the OAuth token (refreshed on a 401) or, for a file host, without. */
	send(options: IHttpRequestOptions, signal: AbortSignal, authenticated: boolean, oauth2?: IOAuth2Options): Promise<RawResponse>;
	tokenRefreshedSince(itemIndex: number): Promise<boolean>;
	/** Has n8n refresh the token, once per run. */
	refreshToken(itemIndex: number): Promise<void>;
}

/** Thrown at the first request of an item in the router's check pass: its parameters were all read and passed. */
export class RequestReached extends Error {}

function contractOf(channel: RequestChannel, request: ApiRequest): ContractRequest {
	const { path, pathParams } = channel.fillPath(request);
	const { method, qs, body, page } = request;
	return { method, template: request.path, path, pathParams, qs, body, page, itemIndex: request.itemIndex ?? 0 };
}

const objectOf = (body: unknown) => (typeof body === 'object' && body !== null ? body : {}) as IDataObject;

/**
 * One request of the contract: its path checked, the credential's API shape known (the one
 * request `auto` may cost happens here, even in the check pass), the dialect's translation
 * (which refuses what the shape does not offer) and its look-ups done; then, unless the run
 * only checks, the wire request goes (exchange.ts) and the dialect reads the answer.
 * `stream` returns a file's body as a stream, and a redirect as an answer.
 */
export async function sendRequest(channel: RequestChannel, request: ApiRequest, stream = false): Promise<Answer> {
	const contract = contractOf(channel, request);
	const { itemIndex } = contract;
	const { dialect } = await channel.connection(itemIndex);
	const context = { node: channel.node, itemIndex, now: channel.clock.now() };
	const resolved = await channel.resolve(dialect.translate(contract, context), itemIndex);
	if ('answer' in resolved) return { statusCode: 200, headers: {}, body: undefined, data: resolved.answer };
	if (channel.checkOnly) throw new RequestReached();
	const idempotent = request.idempotent ?? isIdempotentMethod(request.method);
	const response = await sendWire(channel, { wire: resolved.wire, itemIndex, idempotent, stream, rules: dialect });
	if (stream) return { ...response, data: {}, htmlMeans: resolved.wire.htmlMeans };
	const body = objectOf(response.body);
	// What the answer says is read by the server's clock: a status the organization dialect
	// works out from a schedule (organizationAnswers.ts) is Zoho's, however far n8n's clock is off.
	const read = { ...context, now: answeredAt(response.headers) ?? context.now };
	if (request.page) return { ...response, data: {}, page: dialect.readPage(body, contract, read) };
	return { ...response, data: dialect.readData(body, contract, read) };
}
