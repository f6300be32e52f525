import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ListPage, PageReading } from './dialects/dialect';
import { headerOf } from './headers';
import type { ApiRequest, RequestChannel } from './channel';
import { sendRequest } from './request';

/** Reading a list page by page: one page's request, the stop rules, and the walk that rereads a page. */

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
	const { page: list, headers } = await sendRequest(channel, { ...request, page: { number: page, size: perPage, reading } });
	if (!list) {
		throw new NodeOperationError(channel.node, 'Zoho Meeting answered a list request without a list', {
			itemIndex: request.itemIndex,
			description: `GET ${request.path} returned no list of objects; the API may have changed.`,
		});
	}
	list.date = headerOf(headers, 'date');
	return list;
}

/** A page judged: what to do next, and the objects it adds to the list. */
export interface Judged {
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
export class ListWalk {
	private reading: PageReading = 'documented';

	constructor(
		private readonly channel: RequestChannel,
		private readonly request: ApiRequest,
		private readonly perPage: number,
		readonly rules: PageRules,
		private readonly onPage?: (list: ListPage) => void,
	) {}

	async read(page: number): Promise<Judged> {
		const fetch = async () => {
			const list = await requestPage(this.channel, this.request, page, this.perPage, this.reading);
			this.onPage?.(list);
			return list;
		};
		const judged = this.rules.judge(await fetch(), this.reading !== 'documented');
		if (judged.verdict !== 'reread') return judged;
		this.reading = 'alternate';
		return this.rules.judge(await fetch(), true);
	}
}
