import { Container } from '@n8n/di';
import { PollContext, TriggersAndPollers } from 'n8n-core';
import type { ICredentialType, IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CredentialStore } from './credential-store';
import { CredentialTypes } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import type { NodeTypeMap } from './node-types';
import { ensureHarnessEnvironment } from './setup';
import { buildWorkflow } from './workflow';

export type PollNode = Pick<INode, 'type' | 'parameters'> & Partial<INode>;

export interface RunPollOptions {
	/** The polling node as in workflow JSON; name, id, typeVersion and position get defaults. */
	node: PollNode;
	/** 'trigger' = an active workflow's scheduled poll; 'manual' = "Fetch test event". */
	mode?: 'trigger' | 'manual';
	credentials?: CredentialStore;
	/**
	 * The workflow's static data. Pass the same object to every call to keep what the node
	 * stored (`getWorkflowStaticData('node')` lives under `staticData['node:<name>']`).
	 */
	staticData?: IDataObject;
	timezone?: string;
	nodeTypes?: NodeTypeMap;
	credentialTypes?: ICredentialType[];
}

export interface PollResult {
	/** What poll() returned: the items to start the workflow with, or null for nothing new. */
	items: INodeExecutionData[][] | null;
	/** The workflow static data object (the one passed in, or a new one). */
	staticData: IDataObject;
	/** The node's own static data, `staticData['node:<name>']` ({} when it stored nothing). */
	nodeStaticData: IDataObject;
}

let pollCounter = 0;

/**
 * Calls a polling node's poll() as n8n does: in a PollContext (packages/core/src/
 * execution-engine/node-execution-context/poll-context.ts) through TriggersAndPollers.
 * runPollFunction. In 'trigger' mode the activation is 'activate', as for a workflow being
 * activated; 'manual' mirrors WorkflowExecute.executePollNode. A poll error rejects with the
 * node's error instance.
 */
export async function runPoll(options: RunPollOptions): Promise<PollResult> {
	await ensureHarnessEnvironment();
	const mode = options.mode ?? 'trigger';
	const spec: INode = {
		id: 'poll-node',
		name: 'Poll Trigger',
		typeVersion: 1,
		position: [0, 0],
		...options.node,
	};
	const staticData = options.staticData ?? {};
	const workflow = buildWorkflow({ nodes: [spec], connections: {} }, { ...options, staticData });
	// The workflow's copy, which the Workflow constructor filled with parameter defaults.
	const node = workflow.getNode(spec.name) as INode;

	const credentialsHelper = new HarnessCredentialsHelper(
		options.credentials ?? new CredentialStore(),
		new CredentialTypes(options.credentialTypes),
	);
	const additionalData = createAdditionalData(
		credentialsHelper,
		`poll-${++pollCounter}`,
		workflow.id,
	);
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);

	const items = await Container.get(TriggersAndPollers).runPollFunction(workflow, node, context);
	return {
		items,
		staticData,
		nodeStaticData: (staticData[`node:${node.name}`] as IDataObject | undefined) ?? {},
	};
}
