import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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
 * One operation of one resource. `execute` handles a single input item; the router owns
 * the loop over items, pairedItem and continueOnFail.
 */
export interface ZohoOperation {
	description: INodeProperties[];
	/** Reads and checks the item's parameters before its first request through `zoho`. */
	execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<OperationResult>;
}

export type ResourceOperations = Record<string, ZohoOperation>;
