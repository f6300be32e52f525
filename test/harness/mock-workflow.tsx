import type { INode, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

/** packages/cli/src/credentials-helper.ts resolves credential expressions on this node. */
export const MOCK_NODE: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

const mockNodeType: INodeType = {
	description: {
		displayName: 'Mock',
		name: 'mock',
		group: [],
		version: 1,
		description: '',
		defaults: {},
		inputs: [],
		outputs: [],
		properties: [],
	},
};

const mockNodeTypes: INodeTypes = {
	getByName: () => mockNodeType,
	getByNameAndVersion: () => mockNodeType,
	getKnownTypes: () => ({}),
};

/**
 * A one-node workflow to evaluate credential expressions outside a node's execution (the
 * CLI builds the same with packages/cli/src/credentials/mock-node-types.ts).
 */
export function credentialExpressionWorkflow(): Workflow {
	return new Workflow({
		nodes: [MOCK_NODE],
		connections: {},
		active: false,
		nodeTypes: mockNodeTypes,
	});
}
