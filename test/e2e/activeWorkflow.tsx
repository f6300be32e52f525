/**
 * A published (active) workflow of the e2e n8n, seen through its REST API: polled on
 * demand, its executions listed and read.
 */
import path from 'node:path';

import { N8nRestClient, type Execution } from '../../scripts/n8n/n8n';
import { waitFor } from '../../scripts/n8n/processes';
import { N8N_CURRENT } from '../../scripts/n8n/runtime';
import { pollNow } from './polling';
import type { E2eStack } from './stack';

export class ActiveWorkflow {
	private constructor(
		private readonly rest: N8nRestClient,
		private readonly stack: E2eStack,
		readonly id: string,
		/** The API path (ending) of the trigger's list request, to tell when a poll has run. */
		private readonly listPath: string,
	) {}

	static async signIn(stack: E2eStack, id: string, listPath: string): Promise<ActiveWorkflow> {
		const rest = new N8nRestClient(stack.n8nUrl);
		await rest.login(stack.owner);
		return new ActiveWorkflow(rest, stack, id, listPath);
	}

	async executions(): Promise<Array<{ id: string; status?: string }>> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: this.id }));
		const { results } = (await this.rest.rest('GET', `/rest/executions?filter=${filter}`)) as {
			results: Array<{ id: string; status?: string }>;
		};
		return results;
	}

	/** Waits until the workflow has run `count` times (executions are saved after they finish). */
	async waitForExecutions(count: number): Promise<Array<{ id: string; status?: string }>> {
		return await waitFor(
			`${count} execution(s) of ${this.id}`,
			async () => {
				const runs = await this.executions();
				return runs.length >= count && runs.every((run) => run.status !== 'running' && run.status !== 'new') ? runs : undefined;
			},
			{ timeoutMs: 30_000 },
		);
	}

	/** An execution's run data; the REST API sends it in n8n's `flatted` form. */
	async executionData(id: string): Promise<Execution> {
		const { data } = (await this.rest.rest('GET', `/rest/executions/${id}`)) as { data: string };
		const flatted = require(require.resolve('flatted', { paths: [path.join(N8N_CURRENT.dir, 'node_modules', 'n8n')] })) as {
			parse(text: string): Execution['data'];
		};
		return { data: flatted.parse(data) };
	}

	/** One poll, now: the workflow published again (polling.ts says why that polls). */
	async pollNow(): Promise<void> {
		await pollNow(this.rest, this.stack.sandbox, this.id, this.listPath);
	}

	async deactivate(): Promise<void> {
		await this.rest.rest('POST', `/rest/workflows/${this.id}/deactivate`, {});
	}
}
