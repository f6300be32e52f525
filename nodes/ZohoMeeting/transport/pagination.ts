import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ListPage } from './dialects/v2';
import { headerOf } from './headers';
import { sendRequest, type ApiRequest, type RequestChannel } from './request';

/** The contract's maximum `per_page`. */
export const MAX_PER_PAGE = 100;
/** A server that keeps announcing more pages cannot hold the node in a loop past this. */
export const MAX_PAGES = 2_000;

/** One page of a list endpoint. */
export async function requestPage(channel: RequestChannel, request: ApiRequest, page: number, perPage: number): Promise<ListPage> {
	const response = await sendRequest(channel, { ...request, qs: { ...request.qs, ...channel.dialect.pageQuery(page, perPage) } });
	const list = channel.dialect.readPage((response.body ?? {}) as IDataObject);
	if (list) list.date = headerOf(response.headers, 'date');
	if (!list) {
		throw new NodeOperationError(channel.node, 'Zoho Meeting answered a list request without a list', {
			itemIndex: request.itemIndex,
			description: `GET ${request.path} returned no list of objects; the API may have changed.`,
		});
	}
	return list;
}

/**
 * The stop rules of a list, applied to its pages in order. A page is `stop` when it is
 * empty or repeats any page before it (a server ignoring the page number): the list ended
 * before it. It is `last` when the server says no more follow (without a word, when the
 * page is not full), else `more`. Past MAX_PAGES the list fails rather than end silently.
 */
export class PageRules {
	private readonly seen = new Set<string>();
	private pages = 0;

	constructor(
		private readonly channel: RequestChannel,
		private readonly request: ApiRequest,
		private readonly perPage: number,
	) {}

	judge(list: ListPage): 'stop' | 'last' | 'more' {
		if (list.data.length === 0) return 'stop';
		const signature = createHash('sha1').update(JSON.stringify(list.data)).digest('base64');
		if (this.seen.has(signature)) return 'stop';
		this.seen.add(signature);
		const more = list.hasMore ?? list.data.length >= this.perPage;
		if (more && ++this.pages >= MAX_PAGES) this.failAtCap();
		return more ? 'more' : 'last';
	}

	private failAtCap(): never {
		throw new NodeOperationError(this.channel.node, `Zoho Meeting announced more than ${MAX_PAGES} pages`, {
			itemIndex: this.request.itemIndex,
			description: `GET ${this.request.path} still said more objects follow after ${MAX_PAGES * this.perPage}; the node stops here rather than return a list cut short. Narrow the list with filters (such as From Date and To Date), or turn off Return All and set a Limit.`,
		});
	}
}

export interface PagesOptions {
	perPage?: number;
	/** Where a poll that ran out of time continues: the page the previous one stopped before. */
	firstPage?: number;
	/** Sees every page as answered, before the stop rules judge it (the trigger reads its `date`). */
	onPage?: (list: ListPage) => void;
}

/**
 * Pages of a list endpoint, `perPage` at a time (at most the contract's 100), one after
 * the other, under PageRules.
 */
export async function* pages(
	channel: RequestChannel,
	request: ApiRequest,
	{ perPage = MAX_PER_PAGE, firstPage = 1, onPage }: PagesOptions = {},
): AsyncGenerator<IDataObject[]> {
	const rules = new PageRules(channel, request, perPage);
	for (let page = firstPage; ; page++) {
		const list = await requestPage(channel, request, page, perPage);
		onPage?.(list);
		const verdict = rules.judge(list);
		if (verdict === 'stop') return;
		yield list.data;
		if (verdict === 'last') return;
	}
}

type PageOutcome = ListPage | { error: unknown };

/** Reads pages in order into `results` until the list, or `max`, is complete. */
class ListReader {
	readonly results: IDataObject[] = [];
	private more = true;

	constructor(
		private readonly rules: PageRules,
		private readonly max: number,
	) {}

	get wantsMore(): boolean {
		return this.more && this.results.length < this.max;
	}

	read(outcome: PageOutcome): void {
		if ('error' in outcome) throw outcome.error;
		const verdict = this.rules.judge(outcome);
		if (verdict === 'stop') {
			this.more = false;
			return;
		}
		// One push per object: a page of 150,000 objects would overflow the stack as arguments.
		for (const object of outcome.data) this.results.push(object);
		this.more = verdict === 'more';
	}
}

/**
 * Every object of a list (Return All), or the first `limit`, fetching no more pages than
 * needed. The first page's total tells how many pages there are; with `parallel` above 1
 * the rest are fetched that many at a time and read in order, by the same stop rules as
 * one after the other. Pages beyond the announced total (a list that grew meanwhile) are
 * still read, one at a time.
 */
export async function pageThrough(
	channel: RequestChannel,
	request: ApiRequest,
	{ returnAll, limit, parallel = 1 }: { returnAll: boolean; limit?: number; parallel?: number },
): Promise<IDataObject[]> {
	const max = returnAll ? Infinity : Math.max(1, limit ?? 50);
	const perPage = Math.min(MAX_PER_PAGE, max);
	const reader = new ListReader(new PageRules(channel, request, perPage), max);
	const fetchPage = async (page: number): Promise<PageOutcome> => {
		try {
			return await requestPage(channel, request, page, perPage);
		} catch (error) {
			return { error };
		}
	};
	const first = await fetchPage(1);
	reader.read(first);
	let page = 2;
	const total = 'error' in first ? undefined : first.total;
	if (reader.wantsMore && parallel > 1 && total) {
		const lastPage = Math.min(MAX_PAGES, Math.ceil(Math.min(total, max) / perPage));
		page = await readAhead(reader, fetchPage, { from: page, to: lastPage, parallel });
	}
	for (; reader.wantsMore; page++) reader.read(await fetchPage(page));
	return reader.results.length > max ? reader.results.slice(0, max) : reader.results;
}

/**
 * Reads pages `from`..`to` in order while fetching up to `parallel` of them at once;
 * returns the first page not read. Every fetch settles into an outcome, so none can fail
 * unobserved, and pages fetched past the end of the list are let go but waited for.
 */
async function readAhead(
	reader: ListReader,
	fetchPage: (page: number) => Promise<PageOutcome>,
	{ from, to, parallel }: { from: number; to: number; parallel: number },
): Promise<number> {
	const started = new Map<number, Promise<PageOutcome>>();
	let page = from;
	try {
		for (; reader.wantsMore && page <= to; page++) {
			for (let next = page + started.size; next <= Math.min(page + parallel - 1, to); next++) {
				started.set(next, fetchPage(next));
			}
			const outcome = await (started.get(page) as Promise<PageOutcome>);
			started.delete(page);
			reader.read(outcome);
		}
	} finally {
		await Promise.all(started.values());
	}
	return page;
}
