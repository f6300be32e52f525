import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ListPage, PageReading } from './dialects/dialect';
import { sendRequest, type ApiRequest, type RequestChannel } from './request';

/** The contract's maximum `per_page`. */
export const MAX_PER_PAGE = 100;
/** A server that keeps announcing more pages cannot hold the node in a loop past this. */
export const MAX_PAGES = 2_000;

/** One page of a list endpoint. */
export async function requestPage(
	channel: RequestChannel,
	request: ApiRequest,
	page: number,
	perPage: number,
	reading: PageReading = 'documented',
): Promise<ListPage> {
	const answer = await sendRequest(channel, { ...request, page: { number: page, size: perPage, reading } });
	if (!answer.page) {
		throw new NodeOperationError(channel.node, 'Zoho Meeting answered a list request without a list', {
			itemIndex: request.itemIndex,
			description: `GET ${request.path} returned no list of objects; the API may have changed.`,
		});
	}
	return answer.page;
}

/** A page judged: what to do next, and the objects it adds to the list. */
interface Judged {
	verdict: 'stop' | 'last' | 'more' | 'reread';
	objects: IDataObject[];
	list?: ListPage;
}

const STOP: Judged = { verdict: 'stop', objects: [] };

/**
 * The stop rules of a list, applied to its pages in order. A page is `stop` when it adds
 * nothing: it is empty, or repeats a page before it (a server ignoring the page number).
 * It is `last` when the server says no more follow (without a word, when the page is not
 * full), else `more`. Past MAX_PAGES the list fails rather than end silently.
 *
 * A list whose objects have an identity (`keyOf`: a dialect that pages by position, which
 * shifts when the list changes) is judged object by object: each is passed on once. A
 * later page that adds nothing, or whose objects are mostly known already, may have been
 * asked for under the wrong reading of its position: it is `reread` once under the other
 * reading (organizationPaging.ts). When that adds nothing either although the server had
 * said more follow, the list fails rather than end cut short.
 */
export class PageRules {
	private readonly seen = new Set<string>();
	private pages = 0;
	private promised = false;

	constructor(
		private readonly channel: RequestChannel,
		private readonly request: ApiRequest,
		private readonly perPage: number,
	) {}

	judge(list: ListPage, final = false): Judged {
		return list.keyOf ? this.judgeObjects(list, list.keyOf, final) : this.judgePage(list);
	}

	private judgePage(list: ListPage): Judged {
		if (list.data.length === 0) return STOP;
		const signature = createHash('sha1').update(JSON.stringify(list.data)).digest('base64');
		if (this.seen.has(signature)) return STOP;
		this.seen.add(signature);
		return this.advance(list, list.data);
	}

	private judgeObjects(list: ListPage, keyOf: (object: IDataObject) => string, final: boolean): Judged {
		const fresh = new Map<string, IDataObject>();
		for (const object of list.data) {
			const key = keyOf(object);
			if (!this.seen.has(key) && !fresh.has(key)) fresh.set(key, object);
		}
		const mostlyKnown = fresh.size * 2 < list.data.length;
		if (this.pages > 0 && !final && (fresh.size === 0 || mostlyKnown)) return { verdict: 'reread', objects: [], list };
		if (fresh.size === 0) {
			if (this.promised) this.failUnpageable();
			return STOP;
		}
		for (const key of fresh.keys()) this.seen.add(key);
		const keep = list.keep ?? (() => true);
		return this.advance(list, [...fresh.values()].filter(keep));
	}

	private advance(list: ListPage, objects: IDataObject[]): Judged {
		const more = list.hasMore ?? list.data.length >= this.perPage;
		this.promised = list.hasMore === true;
		if (more && ++this.pages >= MAX_PAGES) this.failAtCap();
		return { verdict: more ? 'more' : 'last', objects, list };
	}

	private failAtCap(): never {
		throw new NodeOperationError(this.channel.node, `Zoho Meeting announced more than ${MAX_PAGES} pages`, {
			itemIndex: this.request.itemIndex,
			description: `GET ${this.request.path} still said more objects follow after ${MAX_PAGES * this.perPage}; the node stops here rather than return a list cut short. Narrow the list with filters (such as From Date and To Date), or turn off Return All and set a Limit.`,
		});
	}

	private failUnpageable(): never {
		throw new NodeOperationError(this.channel.node, 'Zoho Meeting keeps answering objects the node already has', {
			itemIndex: this.request.itemIndex,
			description: `GET ${this.request.path} said more objects follow after ${this.seen.size}, but asking for the next page by position and by page number both brought nothing new: the server appears to ignore where a page starts. The node stops rather than return a list cut short. Narrow the list with filters, or turn off Return All and set a Limit of at most ${this.seen.size}.`,
		});
	}
}

/** Reads a list's pages one after the other, under its rules, rereading a page once under the other reading. */
class ListWalk {
	private reading: PageReading = 'documented';

	constructor(
		private readonly channel: RequestChannel,
		private readonly request: ApiRequest,
		private readonly perPage: number,
		readonly rules: PageRules,
	) {}

	async read(page: number): Promise<Judged> {
		const fetch = async () => await requestPage(this.channel, this.request, page, this.perPage, this.reading);
		const judged = this.rules.judge(await fetch(), this.reading !== 'documented');
		if (judged.verdict !== 'reread') return judged;
		this.reading = 'alternate';
		return this.rules.judge(await fetch(), true);
	}
}

/**
 * Pages of a list endpoint, `perPage` at a time (at most the contract's 100), one after
 * the other, under PageRules. `firstPage` lets a poll that ran out of time continue where
 * the previous one stopped.
 */
export async function* pages(
	channel: RequestChannel,
	request: ApiRequest,
	{ perPage = MAX_PER_PAGE, firstPage = 1 }: { perPage?: number; firstPage?: number } = {},
): AsyncGenerator<IDataObject[]> {
	const walk = new ListWalk(channel, request, perPage, new PageRules(channel, request, perPage));
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
