import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { jsonParse, NodeConnectionTypes } from 'n8n-workflow';

/** Type names to use in workflow JSON for the harness's own nodes. */
export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
export const NO_OP = 'n8n-nodes-base.noOp';
/** Emits its `items` parameter (array or JSON string of objects), else passes input through. */
export const ITEMS_SOURCE = 'harness.items';

const base = (name: string, displayName: string): INodeTypeDescription => ({
	displayName,
	name,
	group: ['transform'],
	version: 1,
	description: displayName,
	defaults: { name: displayName },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: [],
});

/** n8n-nodes-base ManualTrigger: in manual mode WorkflowExecute runs trigger() and waits for emit. */
class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		...base('manualTrigger', 'Manual Trigger'),
		group: ['trigger'],
		inputs: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return {
			manualTriggerFunction: async () => this.emit([this.helpers.returnJsonArray([{}])]),
		};
	}
}

/** n8n-nodes-base NoOp: passes its input on. */
class NoOp implements INodeType {
	description = base('noOp', 'No Operation, do nothing');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

class ItemsSource implements INodeType {
	description: INodeTypeDescription = {
		...base('items', 'Items'),
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0, '') as string | IDataObject[];
		if (raw === '' || raw === undefined) return [this.getInputData()];
		const items = typeof raw === 'string' ? jsonParse<IDataObject[]>(raw) : raw;
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

export function harnessNodeTypes(): Record<string, INodeType> {
	return {
		[MANUAL_TRIGGER]: new ManualTrigger(),
		[NO_OP]: new NoOp(),
		[ITEMS_SOURCE]: new ItemsSource(),
	};
}
