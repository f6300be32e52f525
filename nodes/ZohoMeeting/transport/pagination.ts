import type { IDataObject } from 'n8n-workflow';

import type { ListPage } from './dialects/dialect';
import { ListWalk, MAX_PAGES, MAX_PER_PAGE, PageRules, requestPage, type Judged } from './pageRules';
import type { ApiRequest, RequestChannel } from './channel';

export { MAX_PAGES, MAX_PER_PAGE, requestPage } from './pageRules';

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
	const walk = new ListWalk(channel, request, perPage, new PageRules(channel, request, perPage), onPage);
	for (let page = firstPage; ; page++) {
		const { verdict, objects } = await walk.read(page);
		if (verdict === 'stop') return;
		yield objects;
		if (verdict === 'last') return;
	}
}

type PageOutcome = ListPage | { error: unknown };

/** Collects judged pages into `results` until the list, or `max`, is complete. */
class ListReader {
	readonly results: IDataObject[] = [];
	private more = true;

	constructor(private readonly max: number) {}

	get wantsMore(): boolean {
		return this.more && this.results.length < this.max;
	}

	take({ verdict, objects }: Judged): void {
		// One push per object: a page of 150,000 objects would overflow the stack as arguments.
		for (const object of objects) this.results.push(object);
		this.more = verdict === 'more';
	}
}

/**
 * Every object of a list (Return All), or the first `limit`, fetching no more pages than
 * needed. When the first page gives the total, with `parallel` above 1 the rest are
 * fetched that many at a time and read in order, by the same stop rules as one after the
 * other. Pages beyond the announced total (a list that grew meanwhile) are still read, one
 * at a time.
 */
export async function pageThrough(
	channel: RequestChannel,
	request: ApiRequest,
	{ returnAll, limit, parallel = 1 }: { returnAll: boolean; limit?: number; parallel?: number },
): Promise<IDataObject[]> {
	const max = returnAll ? Infinity : Math.max(1, limit ?? 50);
	const perPage = Math.min(MAX_PER_PAGE, max);
	const rules = new PageRules(channel, request, perPage);
	const walk = new ListWalk(channel, request, perPage, rules);
	const reader = new ListReader(max);
	const first = await walk.read(1);
	reader.take(first);
	let page = 2;
	const total = first.list?.keyOf ? undefined : first.list?.total;
	if (reader.wantsMore && parallel > 1 && total) {
		const lastPage = Math.min(MAX_PAGES, Math.ceil(Math.min(total, max) / perPage));
		const fetchPage = async (number: number): Promise<PageOutcome> => {
			try {
				return await requestPage(channel, request, number, perPage);
			} catch (error) {
				return { error };
			}
		};
		page = await readAhead(reader, rules, fetchPage, { from: page, to: lastPage, parallel });
	}
	for (; reader.wantsMore; page++) reader.take(await walk.read(page));
	return reader.results.length > max ? reader.results.slice(0, max) : reader.results;
}

/**
 * Reads pages `from`..`to` in order while fetching up to `parallel` of them at once;
 * returns the first page not read. Every fetch settles into an outcome, so none can fail
 * unobserved, and pages fetched past the end of the list are let go but waited for.
 */
async function readAhead(
	reader: ListReader,
	rules: PageRules,
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
			if ('error' in outcome) throw outcome.error;
			reader.take(rules.judge(outcome, true));
		}
	} finally {
		await Promise.all(started.values());
	}
	return page;
}
