import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../transport';

/** An output item that carries a file as well as JSON (recording download). */
export class ItemWithBinary {
	constructor(
		readonly json: IDataObject,
		readonly binary: Record<string, IBinaryData>,
	) {}
}

/** What an operation gives back for one input item: one API object, several, or a file. */
export type OperationResult = IDataObject | IDataObject[] | ItemWithBinary;

/**
 * One operation of one resource, as its `<operation>.operation.ts` file exports it: its
 * entry in the Operation dropdown, its fields (shown only for its resource and operation,
 * which `defineResource` arranges) and `execute`. `execute` handles one input item; the
 * router owns the loop over items, pairedItem and Continue On Fail.
 */
export interface ZohoOperation {
	option: Omit<INodePropertyOptions, 'value'> & { action: string };
	properties: INodeProperties[];
	/** Entries of the node's Options collection that only this operation has (beside Parallel Requests). */
	options?: INodeProperties[];
	/** Reads and checks the item's parameters before its first request through `zoho`. */
	execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<OperationResult>;
}

export interface Resource {
	displayName: string;
	operations: Record<string, ZohoOperation>;
	/** The Operation dropdown and every operation's fields, each shown only where it belongs. */
	description: INodeProperties[];
	/** The operations' own entries of the Options collection, each shown only for its operation. */
	options: INodeProperties[];
}

/**
 * A resource from its operations, keyed by operation value (the exports of its
 * `<Resource>.resource.ts`): the dropdown lists them by name, and each operation's fields
 * get its displayOptions. Adding an operation is its file and one line in that list.
 */
export function defineResource(
	value: string,
	displayName: string,
	operations: Record<string, ZohoOperation>,
	defaultOperation: string,
): Resource {
	const dropdown: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [value] } },
		options: Object.entries(operations)
			.map(([operation, { option }]) => ({ ...option, value: operation }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	const fields = Object.entries(operations).flatMap(([operation, { properties }]) =>
		updateDisplayOptions({ show: { resource: [value], operation: [operation] } }, properties),
	);
	// Inside a collection, n8n reads a path starting with "/" from the node's top-level parameters.
	const options = Object.entries(operations).flatMap(([operation, op]) =>
		updateDisplayOptions({ show: { '/resource': [value], '/operation': [operation] } }, op.options ?? []),
	);
	return { displayName, operations, description: [dropdown, ...fields], options };
}
