/**
 * `npm start`: a real n8n with this package, connected to the Zoho Meeting sandbox.
 *
 * Builds the package from the working tree, provisions n8n on first use (a few minutes,
 * once), starts the sandbox and n8n, creates the owner account, imports a connected
 * credential and the example workflows, and prints where to log in. Ctrl-C stops both.
 *
 * Flags: --fresh (start from an empty n8n user folder), --port=<n8n port> (default 5678),
 * --api=organization (the sandbox speaks Zoho's organization API instead of v2),
 * --queue (queue mode: Redis, PostgreSQL, a main and two workers; scripts/n8n/queue.tsx).
 * n8n's data (workflows you save, executions) stays in .n8n-runtime/user between runs; in
 * queue mode it lives in a temporary PostgreSQL and goes with Ctrl-C.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { API_NAMES, type ApiName } from '../../sandbox/model';
import { buildPackage } from './package';
import { freePort } from './processes';
import { isProvisioned, provision, seconds } from './provision';
import { N8N_CURRENT, RUNTIME_DIR } from './runtime';
import { startQueueStack } from './queue';
import { startStack, type Stack } from './stack';

const USER_FOLDER = path.join(RUNTIME_DIR, 'user');
const LOG_DIR = path.join(RUNTIME_DIR, 'logs');
const QUEUE_DIR = path.join(RUNTIME_DIR, 'queue');

/** The preferred port when nothing listens on it, else any free one. */
function portIfFree(preferred: number): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(freePort()));
		server.listen(preferred, '127.0.0.1', () => server.close(() => resolve(preferred)));
	});
}

function flag(name: string): string | boolean | undefined {
	for (const arg of process.argv.slice(2)) {
		if (arg === `--${name}`) return true;
		if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
	}
	return undefined;
}

/** `--api=`: the sandbox's dialect, checked before anything is built or started. */
function apiFlag(): ApiName | undefined {
	const api = flag('api');
	if (api === undefined) return undefined;
	if (!(API_NAMES as readonly unknown[]).includes(api)) {
		throw new Error(`--api must be ${API_NAMES.join(' or ')}, not "${String(api)}"`);
	}
	return api as ApiName;
}

async function main(): Promise<void> {
	const started = Date.now();
	const log = (line: string) => console.log(`[start] ${line}`);
	const sandboxApi = apiFlag();

	if (flag('fresh')) {
		log(`--fresh: removing ${path.relative(process.cwd(), USER_FOLDER)}`);
		rmSync(USER_FOLDER, { recursive: true, force: true });
	}

	log('building the package (npm run build)');
	await buildPackage();

	const queue = flag('queue') === true;
	const runtime = { legacy: false, browser: false, queue };
	if (!isProvisioned(runtime)) {
		log('first run: installing n8n into .n8n-runtime (about 4 minutes on 2 cores; later runs skip this)');
	}
	await provision({ ...runtime, log });

	const portFlag = flag('port');
	const ports = {
		n8nPort: typeof portFlag === 'string' ? Number(portFlag) : await portIfFree(5678),
		sandboxPort: await portIfFree(4010),
		sandboxApi,
	};
	const queueStack = queue ? await startQueueStack({ dir: QUEUE_DIR, ...ports, examples: true, log }) : undefined;
	const stack: Stack =
		queueStack ?? (await startStack({ userFolder: USER_FOLDER, logDir: LOG_DIR, ...ports, examples: true, log }));

	let stopping = false;
	const stop = async (reason: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n[start] ${reason}: stopping n8n and the sandbox${queue ? ', the workers, Redis and PostgreSQL' : ''}`);
		await stack.stop();
		console.log('[start] stopped');
		process.exit(0);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void stop(signal));
	void stack.n8n.service.exited.then(() => {
		if (stopping) return;
		console.error(`[start] n8n exited on its own; see ${stack.n8n.logFile}`);
		void stack.stop().then(() => process.exit(1));
	});

	const examples = stack.examples.map((w) => `    - ${w.name}`).join('\n');
	const queueLines = queueStack
		? `
  Queue mode:  main (editor, webhooks, triggers) and ${queueStack.workers.length} workers (${queueStack.workers.map((w) => w.name).join(', ')}) run the executions
  Redis:       127.0.0.1:${queueStack.redis.port}   PostgreSQL: 127.0.0.1:${queueStack.postgres.port} (temporary; gone after Ctrl-C)
`
		: '';
	const logs = queueStack
		? `${path.relative(process.cwd(), queueStack.logDir)}/main.log, ${queueStack.workers.map((w) => `${w.name}.log`).join(', ')}, redis.log, postgres.log, sandbox.log`
		: `${path.relative(process.cwd(), LOG_DIR)}/n8n.log, sandbox.log`;
	console.log(`
  n8n ${N8N_CURRENT.version} with n8n-nodes-zoho-meeting is ready (${seconds(Date.now() - started)}).

  Editor:      ${stack.n8n.url}
  Login:       ${stack.owner.email}
  Password:    ${stack.owner.password}

  Credential:  "${stack.credential.name}" (Zoho Meeting OAuth2 API, data center custom), connected
  Sandbox:     ${stack.sandbox.url}  (OAuth consent is approved automatically; API ${sandboxApi ?? 'v2'})
  Examples:    ${stack.examples.length ? `\n${examples}` : 'none (no examples/ folder)'}
${queueLines}
  Logs:        ${logs}
  Press Ctrl-C to stop.
`);
}

main().catch((error: Error) => {
	console.error(`\n[start] ✗ ${error.message}`);
	// Services started before the failure are stopped by the exit hook in processes.ts.
	process.exit(1);
});
