import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, INode, IOAuth2Options } from 'n8n-workflow';

import type { AccountBudget } from './rateLimit';
import type { Clock } from './clock';
import type { Dialect, ListPage, PageRequest, Translation, WireRequest } from './dialects/dialect';
import type { Headers } from './headers';
import type { RequestSlots } from './slots';

/*
 * The shapes a request passes through, and what sending needs from the run's client
 * (client.ts): request.ts (the contract's side) and exchange.ts (the wire's side) both
 * use them, so they live apart from either.
 */

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
