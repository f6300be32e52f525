import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TriggerEventDefinition } from './events';
import { listPages } from './listPages';
import { idOf, timeMs } from './objectTimes';
import type { EventSource } from './pollState';

/**
 * "Fetch Test Event": the newest eligible object in the window, read without touching
 * the stored state, so testing never hides an object from the active workflow.
 */
export async function fetchTestEvent(
	this: IPollFunctions,
	definition: TriggerEventDefinition,
	since: number,
	lookBackHours: number,
): Promise<INodeExecutionData[][]> {
	let newest: IDataObject | undefined;
	// Page by page: a page can hold more objects than a function call takes arguments.
	for await (const { objects } of listPages(this, definition, since)) {
		newest = newestEligible(objects, definition, newest);
	}
	if (!newest) {
		throw new NodeOperationError(this.getNode(), `No ${definition.noun} yet`, {
			description: `Zoho Meeting has no ${definition.noun} that started within the Look-Back Window (${lookBackHours} hours). Hold a meeting (with recording on, for New Recording), wait until it is ${definition.eligibleStatus}, then fetch again, or widen the Look-Back Window.`,
		});
	}
	return [this.helpers.returnJsonArray([newest])];
}

/**
 * For "Fetch Test Event": the eligible object that started last (ties: the later
 * created or modified one, then the higher ID), of `objects` and the best so far.
 */
export function newestEligible(
	objects: IDataObject[],
	source: EventSource,
	bestSoFar?: IDataObject,
): IDataObject | undefined {
	const rank = (object: IDataObject): [number, number, string] => [
		timeMs(object.start_time) ?? -Infinity,
		Math.max(timeMs(object.modified_time) ?? -Infinity, timeMs(object.created_time) ?? -Infinity),
		idOf(object, source.idField) ?? '',
	];
	let best = bestSoFar;
	let bestRank = bestSoFar && rank(bestSoFar);
	for (const object of objects) {
		if (object.status !== source.eligibleStatus || idOf(object, source.idField) === undefined) continue;
		const candidate = rank(object);
		if (!bestRank || compareRank(candidate, bestRank) > 0) {
			best = object;
			bestRank = candidate;
		}
	}
	return best;
}

function compareRank(a: [number, number, string], b: [number, number, string]): number {
	return a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2], undefined, { numeric: true });
}
