import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ZohoClient } from '../ZohoMeeting/transport';
import type { TriggerEventDefinition } from './events';
import { describeFilters, FilterCheck } from './filters';
import { toItems, type PollPlan } from './items';
import { listPages } from './listPages';
import { idOf, latestTime, timeMs } from './objectTimes';
import { hasEligibleStatus } from './triggerState';

/**
 * Recordings whose presenter must be looked up: Fetch Test Event looks at the newest this
 * many (one request per meeting) before it says there is none.
 */
const MAX_LOOKED_UP = 20;

/**
 * "Fetch Test Event": the newest eligible object in the window that passes the filters,
 * with its file when the node downloads, read without touching the stored state, so
 * testing never hides an object from the active workflow.
 */
export async function fetchTestEvent(
	this: IPollFunctions,
	plan: PollPlan,
	since: number,
	lookBackHours: number,
): Promise<INodeExecutionData[][]> {
	const check = new FilterCheck(new ZohoClient(this), plan.definition, plan.filters);
	let candidates: IDataObject[] = [];
	// Page by page, keeping only the newest few: a window can hold more objects than fit in memory twice.
	for await (const { objects } of listPages(this, plan, since)) {
		const local = objects.filter((object) => check.passesLocally(object));
		candidates = newestFirst([...candidates, ...local], plan.definition).slice(0, MAX_LOOKED_UP);
	}
	for (const candidate of candidates) {
		if (await check.passes(candidate)) return [await toItems(this, plan, [candidate])];
	}
	const { noun, howToGetOne, topicField } = plan.definition;
	const wanted = `${noun}${describeFilters(plan.filters, topicField === 'topic' ? 'its topic' : "its webinar's topic")}`;
	const looked = candidates.length === MAX_LOOKED_UP ? ` among the newest ${MAX_LOOKED_UP}` : '';
	throw new NodeOperationError(this.getNode(), `No ${noun} yet`, {
		description: `Zoho Meeting has no ${wanted}${looked} within the Look-Back Window (${lookBackHours} hours). ${howToGetOne}, then fetch again, or widen the Look-Back Window.`,
	});
}

type Rank = [number, number, string];

function rankOf(object: IDataObject, definition: TriggerEventDefinition): Rank {
	const start = timeMs(object[definition.startField]) ?? -Infinity;
	const changed = latestTime(object, definition.changedFields);
	const id = idOf(object, definition.idField) ?? '';
	return definition.newestBy === 'start' ? [start, changed, id] : [changed, start, id];
}

function compareRank(a: Rank, b: Rank): number {
	return a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2], undefined, { numeric: true });
}

/**
 * The eligible objects, newest first: for most events the latest start (ties: the later
 * created or modified one, then the higher ID); for a scheduled or cancelled meeting or a
 * registration the latest to be created, cancelled or registered.
 */
export function newestFirst(objects: IDataObject[], definition: TriggerEventDefinition): IDataObject[] {
	return objects
		.filter((object) => hasEligibleStatus(object, definition) && idOf(object, definition.idField) !== undefined)
		.map((object) => ({ object, rank: rankOf(object, definition) }))
		.sort((a, b) => compareRank(b.rank, a.rank))
		.map(({ object }) => object);
}

/** The newest eligible object of `objects` and the best so far (see `newestFirst`). */
export function newestEligible(
	objects: IDataObject[],
	definition: TriggerEventDefinition,
	bestSoFar?: IDataObject,
): IDataObject | undefined {
	return newestFirst(bestSoFar ? [bestSoFar, ...objects] : objects, definition)[0];
}
