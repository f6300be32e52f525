import type { IDataObject } from 'n8n-workflow';

import type { ContractRequest, DialectContext, ListPage } from './dialect';

/**
 * Paging in Zoho's organization API: `index` and `count`, with `count` at most 100 (the one
 * maximum a source states). What `index` counts is not settled (docs/zoho-api.md): the
 * meeting list's page calls it the index of the first record (Pipedream: "the position of
 * first meeting"), the participant report's a page number. The node asks as each page
 * says, 1-based (`documented`), and the pager (pagination.ts) rereads a page that brings
 * nothing new, or mostly known objects, once under the other reading (`alternate`) and
 * keeps to it; it passes each object on once, by its key.
 */

/** The one maximum of `count` a source gives (docs/zoho-api.md). */
export const MAX_COUNT = 100;

/** How an endpoint's page documents `index`: the first record's 1-based position, or a page number. */
export type IndexMeaning = 'record' | 'page';

/**
 * The page a request asks for. With filters the node applies itself, a page is always
 * 100 records, whatever the Limit: a small page would cost a request per few matches.
 */
function paging({ page, qs }: Pick<ContractRequest, 'page' | 'qs'>, documented: IndexMeaning) {
	const number = page?.number ?? 1;
	const count = dateFilter(qs) ? MAX_COUNT : Math.min(page?.size ?? MAX_COUNT, MAX_COUNT);
	const meaning = (page?.reading ?? 'documented') === 'documented' ? documented : documented === 'record' ? 'page' : 'record';
	return { number, count, byRecord: meaning === 'record' };
}

/** `index` and `count` of a page request. */
export function indexQuery(request: Pick<ContractRequest, 'page' | 'qs'>, documented: IndexMeaning): IDataObject {
	const { number, count, byRecord } = paging(request, documented);
	return { index: byRecord ? (number - 1) * count + 1 : number, count };
}

/** How an endpoint's answer holds a list: where the objects are, how they read, what says more follow. */
export interface ListSpec {
	/** How `index` counts, or `none` for an answer that holds the whole list. */
	index: IndexMeaning | 'none';
	items(body: IDataObject): unknown;
	toObject(item: IDataObject, context: DialectContext): IDataObject;
	keyOf(object: IDataObject): string | undefined;
	/** The whole list's size, where the answer gives it (`count`, `participantsCount`). */
	total?(body: IDataObject): unknown;
	/** Whether more follow, where the answer says (`meta.moreRecords`). */
	more?(body: IDataObject): unknown;
}

/** Whether more follow a page: as the answer says, else from its total and where the page started. */
function hasMoreOf(spec: ListSpec, body: IDataObject, request: ContractRequest, received: number): boolean | undefined {
	if (spec.index === 'none') return false;
	const more = spec.more?.(body);
	if (typeof more === 'boolean') return more;
	const total = Number(spec.total?.(body));
	if (spec.total === undefined || !Number.isInteger(total) || total < 0) return undefined;
	// Under either reading of `index`, page n starts at record (n - 1) * count.
	const { number, count } = paging(request, spec.index);
	return (number - 1) * count + received < total;
}

/** The contract's `from_date` / `to_date` on `start_time`, which this API does not filter by. */
function dateFilter(qs: IDataObject | undefined): ((object: IDataObject) => boolean) | undefined {
	const from = typeof qs?.from_date === 'string' ? qs.from_date : undefined;
	const to = typeof qs?.to_date === 'string' ? qs.to_date : undefined;
	if (!from && !to) return undefined;
	return (object) => {
		const start = typeof object.start_time === 'string' ? object.start_time : undefined;
		return start !== undefined && (!from || start >= from) && (!to || start <= to);
	};
}

/** A page of a list answer, in the contract's objects, or undefined when the answer holds no list. */
export function readListPage(spec: ListSpec, body: IDataObject, request: ContractRequest, context: DialectContext): ListPage | undefined {
	const items = spec.items(body);
	if (!Array.isArray(items)) return undefined;
	const data = (items as unknown[])
		.filter((item): item is IDataObject => typeof item === 'object' && item !== null && !Array.isArray(item))
		.map((item) => spec.toObject(item, context));
	return {
		data,
		hasMore: hasMoreOf(spec, body, request, items.length),
		// An object without a key (a broken answer) is still told apart from the others.
		keyOf: (object) => spec.keyOf(object) ?? JSON.stringify(object),
		keep: dateFilter(request.qs),
	};
}
