import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/**
 * The wire shape of the API contract (docs/api-contract.md): paths below `/api/v2`,
 * answers in the envelope `{status, data, pagination}`, `page`/`per_page` paging.
 */

/** A request as it goes on the wire: its path from the API host's root. */
export interface WireRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** One page of a list, as the node reads it. */
export interface ListPage {
	data: IDataObject[];
	/** Whether the server says more pages follow; undefined when it does not say. */
	hasMore?: boolean;
	/** How many objects the whole list holds, if the server says. */
	total?: number;
	/** The server's clock when it answered (its `Date` header), if it sent one. */
	date?: string;
}

/** The parts of a wire shape that the transport asks about. */
export interface Dialect {
	/** The wire request for a request of the contract, its path already checked and filled. */
	toWire(request: { method: IHttpRequestMethods; path: string; qs?: IDataObject; body?: IDataObject }): WireRequest;
	/** The query that asks for page `page` (1-based) of `perPage` objects. */
	pageQuery(page: number, perPage: number): IDataObject;
	/** Whether a successful answer has the envelope's shape; anything else is a malformed answer. */
	isEnvelope(body: unknown): boolean;
	/** The `data` of a successful answer. */
	readData(body: IDataObject): unknown;
	/** A page of a list, or undefined when the answer holds no list. */
	readPage(body: IDataObject): ListPage | undefined;
}

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export const v2Dialect: Dialect = {
	toWire: ({ method, path, qs, body }) => ({ method, path: `/api/v2${path}`, qs, body }),
	pageQuery: (page, perPage) => ({ page, per_page: perPage }),
	// An object whose `data`, if any, is an object or a list of objects: a number, a text or a
	// list holding anything else would become n8n items that are not objects.
	isEnvelope(body) {
		if (!isObject(body)) return false;
		const { data } = body;
		return data === undefined || data === null || isObject(data) || (Array.isArray(data) && data.every(isObject));
	},
	readData: (body) => body.data,
	readPage(body) {
		if (!Array.isArray(body.data)) return undefined;
		const pagination = (body.pagination ?? {}) as { has_more?: unknown; total?: unknown };
		const total = Number(pagination.total);
		return {
			data: body.data as IDataObject[],
			hasMore: typeof pagination.has_more === 'boolean' ? pagination.has_more : undefined,
			total: Number.isInteger(total) && total >= 0 ? total : undefined,
		};
	},
};
