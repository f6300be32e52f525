import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeListSearchResult, INodeType } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CredentialStore } from './credential-store';
import { CredentialTypes } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import type { NodeTypeMap } from './node-types';
import { ensureHarnessEnvironment } from './setup';
import { buildWorkflow } from './workflow';

export interface RunListSearchOptions {
	/** The node as the editor holds it: type, parameters (what the picker depends on) and credentials. */
	node: Pick<INode, 'type' | 'parameters'> & Partial<INode>;
	/** The `searchListMethod` of the picker's `list` mode. */
	method: string;
	/** What the user typed into the picker's search box. */
	filter?: string;
	/** The token the previous call returned, as the editor sends it when the list is scrolled. */
	paginationToken?: string;
	/** The picker's parameter path as the editor sends it, e.g. `parameters.sessionId` (the context's `&` lookups start there). */
	path?: string;
	credentials?: CredentialStore;
	timezone?: string;
	nodeTypes?: NodeTypeMap;
}

let searchCounter = 0;

/**
 * Calls a node's listSearch method as n8n's editor backend does (packages/cli/src/services/
 * dynamic-node-parameters.service.ts, getResourceLocatorResults): a workflow holding the node
 * with the editor's current parameters, a LoadOptionsContext over it, and those parameters
 * as `currentNodeParameters`. An error rejects with the node's error instance.
 */
export async function runListSearch(options: RunListSearchOptions): Promise<INodeListSearchResult> {
	await ensureHarnessEnvironment();
	const spec: INode = { id: 'list-search-node', name: 'Picker Node', typeVersion: 1, position: [0, 0], ...options.node };
	const workflow = buildWorkflow({ nodes: [spec], connections: {} }, options);
	const node = workflow.getNode(spec.name) as INode;
	const credentialsHelper = new HarnessCredentialsHelper(
		options.credentials ?? new CredentialStore(),
		new CredentialTypes(),
	);
	const additionalData = createAdditionalData(credentialsHelper, `list-search-${++searchCounter}`, workflow.id);
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, options.path ?? 'parameters');
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const method = nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new UnexpectedError(`${node.type} has no listSearch method "${options.method}"`);
	return await method.call(context, options.filter, options.paginationToken);
}
