import type { IPollFunctions } from 'n8n-workflow';

import { toZohoDateTime } from '../ZohoMeeting/actions/shared/dates';
import { ZohoClient, type ApiRequest } from '../ZohoMeeting/transport';
import type { FlatList } from './events';
import { headerTimeMs } from './objectTimes';
import type { ListedPage, ListPlan } from './listPlan';
import { listRegistrationPages } from './registrations';
import type { ListPosition } from './triggerState';

/**
 * The trigger's use of the transport for listing: the pages of the event's list from
 * `from` on, for objects that started at `since` or later, 100 a page. `signal` (the
 * poll's deadline) lets go of a page still on its way.
 */
export function listPages(
	ctx: IPollFunctions,
	plan: ListPlan,
	since: number,
	from: ListPosition = { page: 1 },
	signal?: AbortSignal,
): AsyncGenerator<ListedPage> {
	const zoho = new ZohoClient(ctx, { signal });
	const fromDate = toZohoDateTime(ctx.getNode(), 0, 'since', new Date(since));
	const { list } = plan.definition;
	return list === 'registrations'
		? listRegistrationPages(zoho, plan, { since, fromDate }, from)
		: listFlat(zoho, list, fromDate, from.page);
}

async function* listFlat(zoho: ZohoClient, list: FlatList, fromDate: string, firstPage: number): AsyncGenerator<ListedPage> {
	const request: ApiRequest = { method: 'GET', path: list.path, qs: { ...list.qs, from_date: fromDate } };
	let date: string | undefined;
	let page = firstPage;
	for await (const objects of zoho.pages(request, { firstPage, onPage: (answer) => (date = answer.date) })) {
		page++;
		yield { objects, serverMs: headerTimeMs(date), next: { page } };
	}
	// An empty list yields no page, but its answer still tells the server's clock.
	if (page === firstPage && date !== undefined) yield { objects: [], serverMs: headerTimeMs(date) };
}
