import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resources } from './resources';
import { ItemWithBinary, type OperationResult } from './types';

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

/**
 * The one loop over input items: it runs the chosen operation for each item, pairs
 * every output item with its input, and with "Continue On Fail" turns a failed item
 * into an error item while the rest go on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of resource "${resource}" is not supported`,
		);
	}
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...toItems(await operation.execute.call(this, itemIndex), itemIndex));
		} catch (error) {
			const failure = withItemIndex(this, error, itemIndex);
			if (this.continueOnFail()) {
				output.push(errorItem(failure, itemIndex));
				continue;
			}
			throw failure;
		}
	}
	return [output];
}
