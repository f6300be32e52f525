import type { IDataObject, IHttpRequestMethods, INode, IOAuth2Options } from 'n8n-workflow';

import type { ApiShape } from '../accounts';

/**
 * A dialect is one wire shape of the Zoho Meeting API: `v2` (the reference contract,
 * docs/api-contract.md) or `organization` (Zoho's published API, docs/zoho-api.md). The
 * operations speak the contract's requests and read its objects; the dialect of the
 * credential's account turns each request into its wire request and each answer back.
 */

/** Which reading of a list position a page request uses (organizationPaging.ts). */
export type PageReading = 'documented' | 'alternate';

/** One page of a list, in the contract's terms: `number` from 1, `size` objects. */
export interface PageRequest {
	number: number;
	size: number;
	reading?: PageReading;
}

/** A request of the contract, its path checked and filled, as a dialect receives it. */
export interface ContractRequest {
	method: IHttpRequestMethods;
	/** The contract's path template, such as `/meetings/{meetingKey}`: what the request is. */
	template: string;
	/** The template with its placeholders filled. */
	path: string;
	pathParams: Record<string, string>;
	qs?: IDataObject;
	body?: IDataObject;
	page?: PageRequest;
	itemIndex: number;
}

/** A request as it goes on the wire. */
export interface WireRequest {
	method: IHttpRequestMethods;
	/** From the API host's root. */
	path?: string;
	/** An absolute address on another host (a recording's download host); instead of `path`. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** For a file: what an HTML page in its place means (the download host's sign-in page). */
	htmlMeans?: string;
}

/** Something a translation must know first: one object, or the first of a list that `find` accepts. */
export interface Lookup {
	request: { method: IHttpRequestMethods; path: string; pathParams?: Record<string, unknown>; qs?: IDataObject };
	find?: (object: IDataObject) => boolean;
	/** The error when the list holds no such object. */
	notFound?: () => Error;
}

/**
 * What a contract request becomes: a wire request; an answer the dialect already has;
 * or a look-up first (through the same transport, in contract terms), then another step.
 */
export type Translation =
	| { wire: WireRequest }
	| { answer: IDataObject }
	| { lookup: Lookup; then: (found: IDataObject) => Translation };

/** One page of a list, as the node reads it. */
export interface ListPage {
	data: IDataObject[];
	/** Whether the server says more pages follow; undefined when it does not say. */
	hasMore?: boolean;
	/** How many objects the whole list holds, if the server says (lets pages be fetched in parallel). */
	total?: number;
	/**
	 * An object's identity, when pages may overlap or shift (paging by position): the pager
	 * then keeps each object once and notices a page that brings nothing new.
	 */
	keyOf?: (object: IDataObject) => string;
	/** Filters the server does not apply, applied by the pager to what it passes on. */
	keep?: (object: IDataObject) => boolean;
	/** The server's clock when it answered (its `Date` header), if it sent one. */
	date?: string;
}

export const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** What reading an answer may need: the node for errors, the item, the time. */
export interface DialectContext {
	node: INode;
	itemIndex: number;
	/** n8n's clock while translating; the server's (its `Date` header, request.ts) while reading its answer. */
	now: number;
}

/** What the transport needs to judge a failed exchange, before and after the dialect is known. */
export interface FailureRules {
	/**
	 * Whether a successful answer's body has this shape's form; anything else is a malformed
	 * answer (a proxy's page, a cut body, data that would become items that are not objects).
	 */
	isAnswer(body: unknown): boolean;
	/** The API's error code and message in a failed answer's body. */
	readError(data: unknown): { code: string; message: string } | undefined;
	/** Whether the failure means Zoho refused the access token, which one refresh may fix. */
	tokenRejected(status: number | undefined, error: { code: string } | undefined): boolean;
	/** n8n's OAuth2 options for requests of this shape. */
	oauth2?: IOAuth2Options;
}

export interface Dialect extends FailureRules {
	readonly shape: ApiShape;
	translate(request: ContractRequest, context: DialectContext): Translation;
	/** The contract's data of a successful answer. */
	readData(body: IDataObject, request: ContractRequest, context: DialectContext): IDataObject;
	/** A page of a list, or undefined when the answer holds no list. */
	readPage(body: IDataObject, request: ContractRequest, context: DialectContext): ListPage | undefined;
}
