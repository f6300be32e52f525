import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { MAX_PER_PAGE, ZohoClient, type ApiRequest } from '../transport';

/**
 * How a picker searches. Zoho's list endpoints have no text search, so the node reads
 * pages of 100 (the contract's maximum) and keeps the objects whose name or ID holds the
 * search text. One call reads pages until it has a dropdown's worth of matches, the list
 * ends, or it has read MAX_PAGES_PER_SEARCH pages: a search that matches few objects
 * still reaches past the first 100, and no keystroke spends more than a few calls of the
 * account's rate limit (20 a minute on the Free plan). n8n asks for the next call with
 * the paginationToken when the list is scrolled to its end.
 */
export const MAX_PAGES_PER_SEARCH = 5;
const ENOUGH_MATCHES = MAX_PER_PAGE;

export interface PickerList {
	/** The list request (a GET of the contract), without page and per_page. */
	request: ApiRequest;
	/** Plural noun of the objects, for the hint: "meetings". */
	what: string;
	toItem: (object: IDataObject) => INodeListSearchItems;
}

/** The page a paginationToken names: the previous call's next page, or the first. */
function pageOf(paginationToken: string | undefined): number {
	const page = Number(paginationToken);
	return Number.isSafeInteger(page) && page > 1 ? page : 1;
}

/**
 * The entry that ends a search cut short by the page cap. The list of a resource locator
 * shows only entries (n8n-workflow's INodeListSearchResult has no hint), so the hint is one;
 * its empty value picks nothing.
 */
function refineHint(what: string, searched: number): INodeListSearchItems {
	return {
		name: `Searched the first ${searched} ${what}: type more of the name to refine your search, or scroll on to search further`,
		value: '',
	};
}

/** One picker call: the matches of `filter` from page `paginationToken` on, and where the next call goes on. */
export async function searchPages(
	ctx: ILoadOptionsFunctions,
	list: PickerList,
	filter: string | undefined,
	paginationToken: string | undefined,
	zoho: ZohoClient = new ZohoClient(ctx),
): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase();
	const first = pageOf(paginationToken);
	// Without search text every object matches: one page a call, as the list is scrolled.
	const lastPage = first + (needle ? MAX_PAGES_PER_SEARCH : 1) - 1;
	const results: INodeListSearchItems[] = [];
	for (let page = first; page <= lastPage; page++) {
		const answer = await zoho.requestPage(list.request, page, MAX_PER_PAGE);
		const items = answer.data.map(list.toItem);
		results.push(...items.filter((item) => !needle || `${item.name} ${item.value}`.toLowerCase().includes(needle)));
		// The contract's has_more, or without it a full page: the stop rule of transport/pagination.ts.
		const more = answer.data.length > 0 && (answer.hasMore ?? answer.data.length >= MAX_PER_PAGE);
		if (!more) return { results };
		if (results.length >= ENOUGH_MATCHES) return { results, paginationToken: String(page + 1) };
	}
	if (needle) results.push(refineHint(list.what, lastPage * MAX_PER_PAGE));
	return { results, paginationToken: String(lastPage + 1) };
}
