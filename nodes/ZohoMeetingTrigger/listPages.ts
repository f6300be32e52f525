import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { toZohoDateTime } from '../ZohoMeeting/actions/shared/dates';
import { ZohoClient, type ApiRequest } from '../ZohoMeeting/transport';
import type { TriggerEventDefinition } from './events';
import { headerTimeMs } from './objectTimes';

export interface ListedPage {
	objects: IDataObject[];
	/** The server's clock when it answered (its `Date` header), if it sent one. */
	serverMs?: number;
}

/**
 * The trigger's one use of the transport: the pages of the event's list endpoint from
 * page `firstPage` on, for objects that started at `since` or later, 100 a page. `signal`
 * (the poll's deadline) lets go of a page still on its way.
 */
export async function* listPages(
	ctx: IPollFunctions,
	definition: TriggerEventDefinition,
	since: number,
	firstPage = 1,
	signal?: AbortSignal,
): AsyncGenerator<ListedPage> {
	const request: ApiRequest = {
		method: 'GET',
		path: definition.path,
		qs: { ...definition.qs, from_date: toZohoDateTime(ctx.getNode(), 0, 'since', new Date(since)) },
	};
	let date: string | undefined;
	let listed = false;
	const pages = new ZohoClient(ctx, { signal }).pages(request, { firstPage, onPage: (list) => (date = list.date) });
	for await (const objects of pages) {
		listed = true;
		yield { objects, serverMs: headerTimeMs(date) };
	}
	// An empty list yields no page, but its answer still tells the server's clock.
	if (!listed && date !== undefined) yield { objects: [], serverMs: headerTimeMs(date) };
}
