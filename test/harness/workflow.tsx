import type {
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	IPinData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { buildNodeTypes, type NodeTypeMap } from './node-types';

/** Workflow JSON as n8n exports it; extra keys (meta, tags, ...) are ignored. */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface WorkflowBuildOptions {
	timezone?: string;
	nodeTypes?: NodeTypeMap;
	credentialTypes?: ICredentialType[];
	staticData?: IDataObject;
}

/** A Workflow instance over a deep copy of the JSON, so a run never mutates a fixture. */
export function buildWorkflow(json: WorkflowJson, options: WorkflowBuildOptions): Workflow {
	const { nodes, connections, settings } = structuredClone(json);
	return new Workflow({
		id: json.id ?? 'harness-workflow',
		name: json.name ?? 'Harness workflow',
		nodes,
		connections,
		settings: { executionOrder: 'v1', ...settings, ...timezoneOf(options.timezone) },
		active: false,
		nodeTypes: buildNodeTypes(options.nodeTypes),
		staticData: options.staticData,
	});
}

const timezoneOf = (timezone?: string) => (timezone ? { timezone } : {});

/** The named node, else n8n's own choice (a trigger/poll node), else the first node without parents. */
export function findStartNode(workflow: Workflow, name?: string): INode {
	const node = name
		? workflow.getNode(name)
		: (workflow.getStartNode() ??
			Object.values(workflow.nodes).find(
				(n) => !n.disabled && workflow.getParentNodes(n.name).length === 0,
			));
	if (!node) throw new UnexpectedError(`No start node${name ? ` named "${name}"` : ''} in the workflow`);
	return node;
}

export type NodeSpec = Pick<INode, 'name' | 'type'> & Partial<INode>;

/**
 * Workflow JSON of nodes connected one after the other on main output 0, filling in id,
 * typeVersion 1, position and empty parameters.
 */
export function linearWorkflow(nodes: NodeSpec[], settings?: IWorkflowSettings): WorkflowJson {
	const full: INode[] = nodes.map((node, i) => ({
		id: `node-${i}`,
		typeVersion: 1,
		position: [i * 200, 0],
		parameters: {},
		...node,
	}));
	const connections: IConnections = {};
	for (let i = 0; i + 1 < full.length; i++) {
		connections[full[i].name] = { main: [[{ node: full[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { nodes: full, connections, settings };
}
