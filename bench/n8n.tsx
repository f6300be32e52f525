/**
 * The real n8n the speed and memory benchmarks run in: the stack of `npm start` and the
 * e2e tests (scripts/n8n), in a user folder of its own, with binary data on disk.
 * Workflows start from a production webhook that answers when the last node is done, so
 * every run is an ordinary production execution of the n8n server process, the process
 * whose memory is sampled.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_NAME } from '../scripts/n8n/package';
import { RUNTIME_DIR } from '../scripts/n8n/runtime';
import { CREDENTIAL_TYPE, SANDBOX_CREDENTIAL, startStack, type Stack } from '../scripts/n8n/stack';
import { WebhookRunner, type NodeSpec } from '../scripts/n8n/webhooks';

export { webhookWorkflow, type NodeSpec, type Timed } from '../scripts/n8n/webhooks';

export const BENCH_DIR = path.join(RUNTIME_DIR, 'bench');

export const ZOHO_MEETING = `${PACKAGE_NAME}.zohoMeeting`;
export const HTTP_REQUEST = 'n8n-nodes-base.httpRequest';
export const SPLIT_OUT = 'n8n-nodes-base.splitOut';

/** A node that uses the sandbox credential: the Zoho Meeting node, or HTTP Request with it as predefined credential. */
export function withCredential(node: NodeSpec): NodeSpec {
	return { ...node, credentials: { [CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL } };
}

/** Webhook workflows (scripts/n8n/webhooks.tsx) in the benchmarks' own n8n. */
export class BenchN8n extends WebhookRunner {
	private constructor(readonly stack: Stack) {
		super(stack);
	}

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

	async stop(): Promise<void> {
		await this.stack.stop();
	}
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
