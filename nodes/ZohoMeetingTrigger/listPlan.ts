import type { IDataObject } from 'n8n-workflow';

import type { TriggerEventDefinition } from './events';
import type { TriggerFilters } from './filters';
import type { ListPosition } from './triggerState';

/** What a poll of one trigger node lists: its event, and for registrations the webinar and filters. */
export interface ListPlan {
	definition: TriggerEventDefinition;
	filters: TriggerFilters;
	/** New Webinar Registration: the chosen webinar; none means every upcoming one. */
	webinarKey?: string;
}

export interface ListedPage {
	objects: IDataObject[];
	/** The server's clock when it answered (its `Date` header), if it sent one. */
	serverMs?: number;
	/**
	 * Where the pass goes on after this page: a poll that stops here continues there.
	 * Absent for an answer that only tells the clock (an empty list, a list of webinars).
	 */
	next?: ListPosition;
}
