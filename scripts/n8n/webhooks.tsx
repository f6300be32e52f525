/**
 * Production executions in a running n8n: workflows started by a POST webhook that answers
 * when the last node is done, published through the REST API, and the executions n8n
 * stored for them. A production execution is what a worker runs in queue mode, and what
 * the benchmarks time in the n8n server process.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import type { INode } from 'n8n-workflow';

import type { Execution, N8nRestClient, WorkflowFile } from './n8n';
import { waitFor } from './processes';
import { N8N_CURRENT } from './runtime';

export const WEBHOOK = 'n8n-nodes-base.webhook';

export type NodeSpec = Pick<INode, 'name' | 'type'> & Partial<INode>;

/**
 * A workflow started by a POST webhook that answers once its last node has run, or with
 * `respond: 'onReceived'` at once (for runs longer than a client waits for an answer).
 */
export function webhookWorkflow(
	id: string,
	name: string,
	nodes: NodeSpec[],
	respond: 'lastNode' | 'onReceived' = 'lastNode',
): WorkflowFile {
	const response = respond === 'lastNode' ? { responseMode: 'lastNode', responseData: 'noData' } : { responseMode: 'onReceived' };
	const all: NodeSpec[] = [
		{
			name: 'Webhook',
			type: WEBHOOK,
			typeVersion: 2.1,
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path: `bench-${id}`, ...response, options: {} },
		},
		...nodes,
	];
	const full = all.map((node, i) => ({ id: `node-${i}`, typeVersion: 1, position: [i * 220, 0], parameters: {}, ...node }));
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < full.length; i++) {
		connections[full[i].name] = { main: [[{ node: full[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, nodes: full as unknown as WorkflowFile['nodes'], connections, settings: { executionOrder: 'v1' } };
}

function webhookPath(workflow: WorkflowFile): string {
	const webhook = workflow.nodes.find((node) => node.type === WEBHOOK);
	return String((webhook?.parameters as { path: string }).path);
}

/** What one production execution took, as n8n recorded it. */
export interface Timed {
	executionId: string;
	/** stoppedAt − startedAt of the execution n8n stored. */
	executionMs: number;
}

export interface ExecutionSummary {
	id: string;
	status: string;
	startedAt: string;
	stoppedAt?: string;
}

/** What a webhook call answered. */
export interface WebhookAnswer {
	status: number;
	body: string;
}

/** The n8n a runner talks to; read on every call, so a restarted server is picked up. */
export interface N8nTarget {
	cli: { importWorkflows(workflows: WorkflowFile[]): Promise<void> };
	n8n: N8nRestClient & { url: string };
}

export class WebhookRunner {
	private readonly seen = new Set<string>();

	constructor(readonly target: N8nTarget) {}

	/** Imports the workflows in one CLI call and publishes each, so its webhook listens. */
	async deploy(workflows: WorkflowFile[]): Promise<void> {
		await this.target.cli.importWorkflows(workflows);
		for (const workflow of workflows) {
			const { versionId } = (await this.target.n8n.rest('GET', `/rest/workflows/${workflow.id}`)) as { versionId: string };
			await this.target.n8n.rest('POST', `/rest/workflows/${workflow.id}/activate`, { versionId });
			// Activation registers the webhook after the REST call answers. A CORS preflight
			// lists the methods registered for the path (and fails for an unknown one).
			const preflight = async () => {
				const response = await fetch(this.webhookUrl(workflow), {
					method: 'OPTIONS',
					headers: { origin: this.target.n8n.url, 'access-control-request-method': 'POST' },
				});
				return response.ok && response.headers.get('access-control-allow-methods')?.includes('POST') ? true : undefined;
			};
			await waitFor(`the webhook of "${workflow.name}"`, preflight, { timeoutMs: 60_000, intervalMs: 100 });
		}
	}

	webhookUrl(workflow: WorkflowFile): string {
		return `${this.target.n8n.url}/webhook/${webhookPath(workflow)}`;
	}

	/** Calls a workflow's webhook; resolves when n8n answers (after the last node, or on failure). */
	async post(workflow: WorkflowFile, body: unknown): Promise<WebhookAnswer> {
		const response = await fetch(this.webhookUrl(workflow), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const answer = await response.text();
		if (response.status === 404) throw new Error(`the webhook of "${workflow.name}" is not registered: ${answer.slice(0, 300)}`);
		return { status: response.status, body: answer };
	}

	/** The workflow's newest execution not handed out before, once n8n has stored its end. */
	async finishedExecution(workflow: WorkflowFile, timeoutMs = 120_000): Promise<ExecutionSummary> {
		const summary = await waitFor(
			`the execution of "${workflow.name}" to be stored`,
			async () => {
				const newest = (await this.executions(workflow.id)).find((e) => !this.seen.has(e.id));
				return newest?.stoppedAt ? newest : undefined;
			},
			{ timeoutMs, intervalMs: 100 },
		);
		this.seen.add(summary.id);
		return summary;
	}

	/** Calls a workflow's webhook and waits for the execution it started to be stored; fails unless it succeeded. */
	async run(workflow: WorkflowFile, body: unknown): Promise<Timed> {
		const answer = await this.post(workflow, body);
		const summary = await this.finishedExecution(workflow);
		if (answer.status >= 400 || summary.status !== 'success') {
			const error = (await this.execution(summary.id)).data.resultData.error;
			throw new Error(
				`"${workflow.name}" ended ${summary.status} (HTTP ${answer.status}): ${error?.message ?? 'no error message'}`,
			);
		}
		return {
			executionId: summary.id,
			executionMs: Date.parse(summary.stoppedAt as string) - Date.parse(summary.startedAt),
		};
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results } = (await this.target.n8n.rest('GET', `/rest/executions?filter=${filter}`)) as {
			results: ExecutionSummary[];
		};
		return results;
	}

	/** An execution's run data; the REST API sends it in n8n's `flatted` form. */
	async execution(id: string): Promise<Execution> {
		const { data, status } = (await this.target.n8n.rest('GET', `/rest/executions/${id}`)) as { data: string; status?: string };
		const flatted = require(require.resolve('flatted', { paths: [path.join(N8N_CURRENT.dir, 'node_modules', 'n8n')] })) as {
			parse(text: string): Execution['data'];
		};
		return { status, data: flatted.parse(data) };
	}

	/** Deletes stored executions, so a long benchmark does not grow n8n's database. */
	async deleteExecutions(ids: string[]): Promise<void> {
		if (ids.length) await this.target.n8n.rest('POST', '/rest/executions/delete', { ids });
	}
}
