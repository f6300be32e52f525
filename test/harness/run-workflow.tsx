import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	IRun,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, UnexpectedError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CredentialStore } from './credential-store';
import { CredentialTypes } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import type { NodeTypeMap } from './node-types';
import { ensureHarnessEnvironment } from './setup';
import { buildWorkflow, findStartNode, type WorkflowJson } from './workflow';

export interface RunWorkflowOptions {
	/** Workflow JSON as n8n exports it (`nodes`, `connections`, optional `settings`, `pinData`). */
	workflow: WorkflowJson;
	credentials?: CredentialStore;
	/**
	 * Items put on the start node's input (default one empty item). A manual trigger ignores
	 * them; the `harness.items` source node without an `items` parameter passes them on.
	 */
	inputItems?: Array<INodeExecutionData | IDataObject>;
	/** Workflow timezone (`settings.timezone`), e.g. 'Europe/Berlin'. */
	timezone?: string;
	/** Default 'manual', as when clicking "Execute workflow": trigger/poll nodes really run. */
	mode?: WorkflowExecuteMode;
	/** Name of the node to start from; default the trigger, else the first node without parents. */
	startNode?: string;
	/** Extra node types by full type name (test-local nodes), added to the harness's and package's. */
	nodeTypes?: NodeTypeMap;
	/** Extra credential types, added to oAuth2Api and the package's. */
	credentialTypes?: ICredentialType[];
	/** Workflow static data; pass the same object to several runs to keep it. */
	staticData?: IDataObject;
	/** Stops the execution (as the editor's Stop button does) once this settles. */
	stopWhen?: Promise<unknown>;
}

export interface WorkflowRunResult {
	/** The full IRun that WorkflowExecute resolved with. */
	data: IRun;
	/**
	 * The execution's error (a node's error unless it continued on fail). n8n stores a plain
	 * copy of the error's own properties (message, description, httpCode, context, ...),
	 * not the Error instance: packages/core/src/execution-engine/workflow-execute.ts.
	 */
	error?: ExecutionError;
	/** Items a node emitted (json, binary, pairedItem); throws if the node did not run. */
	output(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** The error a node's run ended with, if any. */
	nodeError(nodeName: string, runIndex?: number): ExecutionError | undefined;
	/** Names of nodes in the order they finished. */
	executedNodes: string[];
	/** With `stopWhen`: when the execution was stopped, and when its run settled (epoch ms). */
	stoppedAt?: number;
	settledAt: number;
}

let executionCounter = 0;

/** Runs workflow JSON in-process through n8n-core's WorkflowExecute. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunResult> {
	await ensureHarnessEnvironment();
	const mode = options.mode ?? 'manual';
	const workflow = buildWorkflow(options.workflow, options);
	const startNode = findStartNode(workflow, options.startNode);
	const executionId = String(++executionCounter);

	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		...options.workflow,
		id: workflow.id,
		name: workflow.name ?? 'Harness workflow',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const executedNodes: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executedNodes.push(nodeName);
	});

	const credentialsHelper = new HarnessCredentialsHelper(
		options.credentials ?? new CredentialStore(),
		new CredentialTypes(options.credentialTypes),
	);
	const additionalData = createAdditionalData(credentialsHelper, executionId, workflow.id, hooks);

	const inputItems = (options.inputItems ?? [{ json: {} }]).map(toItem);
	const runExecutionData = createRunExecutionData({
		resultData: { pinData: options.workflow.pinData },
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [inputItems] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	let stoppedAt: number | undefined;
	void options.stopWhen?.then(() => {
		stoppedAt = Date.now();
		execution.cancel();
	});
	const data = await execution;
	return { ...resultOf(data, executedNodes), stoppedAt, settledAt: Date.now() };
}

function toItem(item: INodeExecutionData | IDataObject): INodeExecutionData {
	const isItem = typeof item.json === 'object' && item.json !== null && !Array.isArray(item.json);
	return isItem ? (item as INodeExecutionData) : { json: item as IDataObject };
}

function resultOf(data: IRun, executedNodes: string[]): Omit<WorkflowRunResult, 'settledAt'> {
	const { runData } = data.data.resultData;
	return {
		data,
		error: data.data.resultData.error,
		executedNodes,
		output(nodeName, outputIndex = 0, runIndex = 0) {
			const task = runData[nodeName]?.[runIndex];
			if (!task) {
				const why = data.data.resultData.error?.message ?? 'it was not reached';
				throw new UnexpectedError(`Node "${nodeName}" has no run ${runIndex} (${why})`);
			}
			return task.data?.main?.[outputIndex] ?? [];
		},
		nodeError(nodeName, runIndex = 0) {
			return runData[nodeName]?.[runIndex]?.error;
		},
	};
}
