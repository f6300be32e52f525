/**
 * The real n8n the speed and memory benchmarks run in: the stack of `npm start` and the
 * e2e tests (scripts/n8n), in a user folder of its own, with binary data on disk.
 * Workflows start from a production webhook that answers when the last node is done, so
 * every run is an ordinary production execution of the n8n server process, the process
 * whose memory is sampled.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { INode } from 'n8n-workflow';

import { type Execution, type WorkflowFile } from '../scripts/n8n/n8n';
import { PACKAGE_NAME } from '../scripts/n8n/package';
import { waitFor } from '../scripts/n8n/processes';
import { N8N_CURRENT, RUNTIME_DIR } from '../scripts/n8n/runtime';
import { CREDENTIAL_TYPE, SANDBOX_CREDENTIAL, startStack, type Stack } from '../scripts/n8n/stack';

export const BENCH_DIR = path.join(RUNTIME_DIR, 'bench');

export const ZOHO_MEETING = `${PACKAGE_NAME}.zohoMeeting`;
export const HTTP_REQUEST = 'n8n-nodes-base.httpRequest';
export const SPLIT_OUT = 'n8n-nodes-base.splitOut';
const WEBHOOK = 'n8n-nodes-base.webhook';

export type NodeSpec = Pick<INode, 'name' | 'type' | 'parameters'> & Partial<INode>;

/** A node that uses the sandbox credential: the Zoho Meeting node, or HTTP Request with it as predefined credential. */
export function withCredential(node: NodeSpec): NodeSpec {
	return { ...node, credentials: { [CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL } };
}

/** What one production execution took, as n8n recorded it. */
export interface Timed {
	executionId: string;
	/** stoppedAt − startedAt of the execution n8n stored. */
	executionMs: number;
}

interface ExecutionSummary {
	id: string;
	status: string;
	startedAt: string;
	stoppedAt?: string;
}

export class BenchN8n {
	private readonly seen = new Set<string>();

	private constructor(readonly stack: Stack) {}

	/** Sandbox and n8n on free ports, a fresh user folder, n8n's default binary mode spelled out. */
	static async start(log: (line: string) => void): Promise<BenchN8n> {
		rmSync(BENCH_DIR, { recursive: true, force: true });
		const stack = await startStack({
			userFolder: path.join(BENCH_DIR, 'n8n-user'),
			logDir: path.join(BENCH_DIR, 'logs'),
			env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' },
			log,
		});
		return new BenchN8n(stack);
	}

	get sandboxUrl(): string {
		return this.stack.sandbox.url;
	}

	get admin() {
		return this.stack.sandbox.admin;
	}

	/** The pid of the n8n server process (`node …/n8n start`), which runs production executions. */
	get pid(): number {
		const pid = this.stack.n8n.service.child.pid;
		if (pid === undefined) throw new Error('n8n has no pid');
		return pid;
	}

	/** Imports the workflows in one CLI call and publishes each, so its webhook listens. */
	async deploy(workflows: WorkflowFile[]): Promise<void> {
		await this.stack.cli.importWorkflows(workflows);
		for (const workflow of workflows) {
			const { versionId } = (await this.stack.n8n.rest('GET', `/rest/workflows/${workflow.id}`)) as { versionId: string };
			await this.stack.n8n.rest('POST', `/rest/workflows/${workflow.id}/activate`, { versionId });
			// Activation registers the webhook after the REST call answers. A CORS preflight
			// lists the methods registered for the path (and fails for an unknown one).
			const preflight = async () => {
				const response = await fetch(this.webhookUrl(workflow), {
					method: 'OPTIONS',
					headers: { origin: this.stack.n8n.url, 'access-control-request-method': 'POST' },
				});
				return response.ok && response.headers.get('access-control-allow-methods')?.includes('POST') ? true : undefined;
			};
			await waitFor(`the webhook of "${workflow.name}"`, preflight, { timeoutMs: 60_000, intervalMs: 100 });
		}
	}

	private webhookUrl(workflow: WorkflowFile): string {
		return `${this.stack.n8n.url}/webhook/${webhookPath(workflow)}`;
	}

	/** Calls a workflow's webhook and waits for the execution it started to be stored. */
	async run(workflow: WorkflowFile, body: unknown): Promise<Timed> {
		const response = await fetch(this.webhookUrl(workflow), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const answer = await response.text();
		if (response.status === 404) throw new Error(`the webhook of "${workflow.name}" is not registered: ${answer.slice(0, 300)}`);
		const summary = await waitFor(
			`the execution of "${workflow.name}" to be stored`,
			async () => {
				const newest = (await this.executions(workflow.id)).find((e) => !this.seen.has(e.id));
				return newest?.stoppedAt ? newest : undefined;
			},
			{ timeoutMs: 120_000, intervalMs: 100 },
		);
		this.seen.add(summary.id);
		if (!response.ok || summary.status !== 'success') {
			const error = (await this.execution(summary.id)).data.resultData.error;
			throw new Error(
				`"${workflow.name}" ended ${summary.status} (HTTP ${response.status}): ${error?.message ?? 'no error message'}`,
			);
		}
		return {
			executionId: summary.id,
			executionMs: Date.parse(summary.stoppedAt as string) - Date.parse(summary.startedAt),
		};
	}

	private async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results } = (await this.stack.n8n.rest('GET', `/rest/executions?filter=${filter}`)) as {
			results: ExecutionSummary[];
		};
		return results;
	}

	/** An execution's run data; the REST API sends it in n8n's `flatted` form. */
	async execution(id: string): Promise<Execution> {
		const { data } = (await this.stack.n8n.rest('GET', `/rest/executions/${id}`)) as { data: string };
		const flatted = require(require.resolve('flatted', { paths: [path.join(N8N_CURRENT.dir, 'node_modules', 'n8n')] })) as {
			parse(text: string): Execution['data'];
		};
		return { data: flatted.parse(data) };
	}

	/** Deletes stored executions, so a long benchmark does not grow n8n's database. */
	async deleteExecutions(ids: string[]): Promise<void> {
		if (ids.length) await this.stack.n8n.rest('POST', '/rest/executions/delete', { ids });
	}

	async stop(): Promise<void> {
		await this.stack.stop();
	}
}

/** A workflow started by a POST webhook that answers once its last node has run. */
export function webhookWorkflow(id: string, name: string, nodes: NodeSpec[]): WorkflowFile {
	const all: NodeSpec[] = [
		{
			name: 'Webhook',
			type: WEBHOOK,
			typeVersion: 2.1,
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path: `bench-${id}`, responseMode: 'lastNode', responseData: 'noData', options: {} },
		},
		...nodes,
	];
	const full = all.map((node, i) => ({ id: `node-${i}`, typeVersion: 1, position: [i * 220, 0], ...node }));
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

/** Memory of a process from /proc: resident now, and the peak since the last reset. */
export function memoryOf(pid: number): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
	return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Sets the process's peak RSS (VmHWM) back to its current RSS (Linux: clear_refs 5). */
export function resetPeak(pid: number): void {
	writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
