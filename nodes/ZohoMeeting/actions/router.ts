import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { RequestReached, ZohoClient } from '../transport';
import { ItemWithBinary, type OperationResult, type ZohoOperation } from './operation';
import { operationOf, operationOptions } from './resources';
import { assertInteger } from './shared/parameters';

/**
 * Enough requests in flight to keep n8n busy while Zoho answers: n8n spends a few
 * milliseconds on each request (most of it reading the credential), Zoho's round trip
 * is tens of milliseconds or more. With a 50 ms round trip, ten only draw level with
 * the HTTP Request node, which sends every item at once (BENCHMARKS.md).
 */
export const DEFAULT_PARALLEL_REQUESTS = 20;
export const MAX_PARALLEL_REQUESTS = 50;

const parallelRequestsOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
	default: DEFAULT_PARALLEL_REQUESTS,
	description:
		'How many requests go to Zoho Meeting at the same time, across input items and the pages of Return All. Output keeps the input order, and all requests wait together once the rate limit is reached; 1 sends one after the other. Without Continue On Fail, every item\'s parameters are checked before the first request, so one bad item sends nothing; when Zoho Meeting refuses an item, no further item starts, the items already sent finish, and the error names those that succeeded.',
};

/** The node's Options: how the router runs the items, and the entries of single operations. */
export const routerOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [parallelRequestsOption, ...operationOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
};

function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	if (result instanceof ItemWithBinary) {
		return [{ json: result.json, binary: result.binary, pairedItem }];
	}
	const objects = Array.isArray(result) ? result : [result];
	return objects.map((json) => ({ json: json ?? {}, pairedItem }));
}

/**
 * The item "Continue On Fail" leaves in place of a failed one. Carrying the error itself
 * is what lets n8n route it to the node's error output ("Continue (using error output)");
 * n8n then sets its json to `{ error: message }` and keeps description and HTTP code on
 * `error`, as for its own nodes.
 */
function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}

/** n8n's errors, with the failing item recorded so the editor can point at it. */
function withItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

function parallelRequests(ctx: IExecuteFunctions): number {
	const value = ctx.getNodeParameter('options.parallelRequests', 0, DEFAULT_PARALLEL_REQUESTS);
	return assertInteger(ctx.getNode(), 0, 'parallelRequests', value, 1, MAX_PARALLEL_REQUESTS);
}

/** Item numbers as a reader counts them: "items 3, 4 and 7". */
function itemList(indexes: number[]): string {
	const numbers = indexes.map((index) => String(index + 1));
	const list = numbers.length > 1 ? `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}` : numbers[0];
	return `${numbers.length > 1 ? 'items' : 'item'} ${list}`;
}

/**
 * The check pass: each item's operation runs up to its first request, which the checking
 * client refuses to send. An item whose parameters are wrong fails here, before any item
 * has been sent, so a rerun after fixing it duplicates nothing.
 */
async function checkEveryItem(ctx: IExecuteFunctions, operation: ZohoOperation, count: number): Promise<void> {
	const checker = new ZohoClient(ctx, { checkOnly: true });
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			await operation.execute.call(ctx, itemIndex, checker);
		} catch (error) {
			if (!(error instanceof RequestReached)) throw withItemIndex(ctx, error, itemIndex);
		}
	}
}

type Failure = { itemIndex: number; error: NodeApiError | NodeOperationError };

/**
 * Runs the operation for every item, up to "Parallel Requests" items at a time, keeping
 * each item's output in its input slot. With "Continue On Fail" a failed item becomes an
 * error item; without it, the first failure stops new items from starting.
 */
async function runItems(ctx: IExecuteFunctions, operation: ZohoOperation, zoho: ZohoClient) {
	const count = ctx.getInputData().length;
	const continueOnFail = ctx.continueOnFail();
	const results: INodeExecutionData[][] = new Array(count);
	const failures: Failure[] = [];
	let next = 0;
	const work = async () => {
		while (next < count && failures.length === 0) {
			const itemIndex = next++;
			try {
				results[itemIndex] = toItems(await operation.execute.call(ctx, itemIndex, zoho), itemIndex);
			} catch (error) {
				const failure = withItemIndex(ctx, error, itemIndex);
				if (continueOnFail) results[itemIndex] = [errorItem(failure, itemIndex)];
				else failures.push({ itemIndex, error: failure });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(zoho.slots.size, count) }, work));
	return { results, failures };
}

/** The first failed item's error, naming the later items that ran at the same time and succeeded. */
function firstFailure(failures: Failure[], results: INodeExecutionData[][]): Error {
	const { itemIndex, error } = failures.reduce((first, other) => (other.itemIndex < first.itemIndex ? other : first));
	const done = results.flatMap((result, index) => (result && index > itemIndex ? [index] : []));
	if (done.length) {
		const note = `${itemList(done)} ran at the same time and succeeded; their output is not passed on.`;
		error.description = [error.description, note].filter(Boolean).join(' ');
	}
	return error;
}

/**
 * The one loop over input items: pairs every output item with its input and keeps the
 * input order. Without "Continue On Fail", every item's parameters are checked before the
 * first request (checkEveryItem), and when Zoho refuses an item the items already sent
 * finish and the error says which of the later ones succeeded (a create among them has
 * been done, though its output is not passed on).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationOf(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of resource "${resource}" is not supported`);
	}
	const count = this.getInputData().length;
	if (!this.continueOnFail() && count > 1) await checkEveryItem(this, operation, count);
	const zoho = new ZohoClient(this, { parallel: parallelRequests(this) });
	const { results, failures } = await runItems(this, operation, zoho);
	if (failures.length) throw firstFailure(failures, results);
	return [results.flat()];
}
