/**
 * n8n in queue mode, as n8n's scaling guide sets it up: Redis as the queue, PostgreSQL as
 * the database every process shares, a main process (editor, REST API, webhooks, the
 * active triggers) that puts each production execution on the queue, and worker processes
 * (`n8n worker`) that take them off and run them. `npm start -- --queue` runs it for a
 * person; the queue-mode e2e tests and `bench/queue.tsx` run the same.
 *
 * Every n8n process has a user folder of its own with the package installed in it, as on
 * separate machines: a worker runs the node from its own `.n8n/nodes`, so the package must
 * be installed on main and on every worker. They share the encryption key (credentials are
 * stored encrypted in PostgreSQL) and nothing else but Redis and PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { ApiName } from '../../sandbox/model';
import { N8nCli, N8nServer, n8nEnv, type Owner } from './n8n';
import { installFromWorkingTree, PACKAGE_NAME } from './package';
import { freePort, reapOrphans, startService, waitFor, type Service } from './processes';
import { makeTempRoot, startPostgres, startRedis, type RunningPostgres, type RunningRedis } from './services';
import { N8N_CURRENT, n8nBin, PROJECT_ROOT } from './runtime';
import { DEFAULT_OWNER, loadExamples, sandboxCredential, type Stack } from './stack';
import { startSandboxProcess } from './sandbox';

/**
 * Where binary data (downloaded recordings) lives in queue mode. An execution's files must
 * be readable by whichever process handles it next: the worker's next node, main serving
 * the editor. n8n 2.40.5 offers (n8n-core's BinaryDataConfig, `availableModes`):
 *
 * - `database`, queue mode's default (`mode ??= executions.mode === 'queue' ? 'database'
 *   : 'filesystem'`): files are stored in PostgreSQL. Nothing to share, but n8n reads a
 *   file back as one bytea value, which its PostgreSQL driver receives as hex text: two
 *   characters a byte, over V8's longest string (0x1fffffe8 characters) from 256 MiB on.
 *   A 256 MiB recording is stored, then fails with "Cannot create a string longer than
 *   0x1fffffe8 characters" when the next node reads it (and the worker hangs on it).
 * - `filesystem`: files on disk under N8N_BINARY_DATA_STORAGE_PATH. Any size (streamed),
 *   as long as every n8n process reads and writes the same folder (a shared volume);
 *   n8n's own guidance in scaling/webhook-response-relay.ts says so.
 * - `s3`, `azure`: need an enterprise licence.
 *
 * The stack uses `filesystem` on a folder all its processes share, as a shared volume
 * would be, so that recordings of any size work; `database` is an option.
 */
export type QueueBinaryDataMode = 'filesystem' | 'database';

export interface QueueStackOptions {
	/** The user folders of main and the workers, and the logs; emptied first. */
	dir: string;
	/** Worker processes (default 2). */
	workers?: number;
	/** Executions one worker runs at once, `n8n worker --concurrency` (n8n's default: 10). */
	concurrency?: number;
	n8nPort?: number;
	sandboxPort?: number;
	/** The wire dialect the sandbox speaks (default v2). */
	sandboxApi?: ApiName;
	owner?: Owner;
	/** Import examples/*.json. */
	examples?: boolean;
	/** Where binary data goes (default `filesystem`, on a folder every process of the stack shares). */
	binaryDataMode?: QueueBinaryDataMode;
	/** Extra environment for every n8n process (main, workers and CLI commands). */
	env?: Record<string, string>;
	log?: (line: string) => void;
}

export interface QueueWorker {
	/** `worker-1`, `worker-2`, …: also its log file's name. */
	name: string;
	userFolder: string;
	logFile: string;
	service: Service;
	/** Everything the worker has logged so far. */
	output(): string;
	/** Graceful stop (SIGTERM: n8n lets running executions finish first). */
	stop(): Promise<void>;
	/** SIGKILL to the worker and its task runner: a crashed machine, an OOM kill. */
	kill(): Promise<void>;
}

export interface QueueStack extends Stack {
	redis: RunningRedis;
	postgres: RunningPostgres;
	workers: QueueWorker[];
	logDir: string;
	binaryDataMode: QueueBinaryDataMode;
	/** In `filesystem` mode, the folder every n8n process of the stack keeps binary data in. */
	binaryDataFolder?: string;
	/** The environment every n8n process of the stack gets (queue, database, encryption key). */
	env: Record<string, string>;
	/** Stops main and starts it again on the same port, logged in again; workers keep running. */
	restartMain(): Promise<void>;
	/** Starts one more worker. */
	addWorker(): Promise<QueueWorker>;
	/** The workers whose logs say they started execution `executionId` (n8n logs it at level info). */
	workersThatRan(executionId: string): QueueWorker[];
}

/** The environment that puts an n8n process into the stack's queue mode. */
function queueEnv(
	redis: RunningRedis,
	postgres: RunningPostgres,
	binaryData: { mode: QueueBinaryDataMode; sharedFolder: string },
	extra: Record<string, string> = {},
): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// Each process would otherwise make up a key of its own in its user folder, and no
		// worker could decrypt the credential main stored.
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('base64url'),
		N8N_DEFAULT_BINARY_DATA_MODE: binaryData.mode,
		...(binaryData.mode === 'filesystem' ? { N8N_BINARY_DATA_STORAGE_PATH: binaryData.sharedFolder } : {}),
		// Manual runs from the editor go to the workers as well (n8n 2.40.5 warns that running
		// them on main in queue mode is deprecated).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		...extra,
	};
}

export async function startQueueStack(options: QueueStackOptions): Promise<QueueStack> {
	const log = options.log ?? (() => {});
	const runtime = N8N_CURRENT;
	const owner = options.owner ?? DEFAULT_OWNER;
	const concurrency = options.concurrency ?? 10;
	const logDir = path.join(options.dir, 'logs');
	reapOrphans(log);
	rmSync(options.dir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });
	const tempRoot = makeTempRoot();

	// Whatever has started: stopped if a later step fails, and by stop(). The n8n processes
	// go first and together (each takes seconds to shut down gracefully), then what they use.
	const running: Array<{ stop(): Promise<void> }> = [];
	const n8nProcesses = new Set<{ stop(): Promise<void> }>();
	const stopAll = async () => {
		const parts = running.splice(0);
		await Promise.all(parts.filter((part) => n8nProcesses.has(part)).map((part) => part.stop()));
		for (const part of parts.filter((p) => !n8nProcesses.has(p)).reverse()) await part.stop();
		rmSync(tempRoot, { recursive: true, force: true });
	};
	const started = <T extends { stop(): Promise<void> }>(part: T): T => {
		running.push(part);
		return part;
	};
	const startedN8n = <T extends { stop(): Promise<void> }>(part: T): T => {
		n8nProcesses.add(part);
		return started(part);
	};

	try {
		log(`starting the sandbox, Redis and PostgreSQL (data in ${tempRoot})`);
		const [sandbox, redis, postgres] = await Promise.all([
			startSandboxProcess({ port: options.sandboxPort, api: options.sandboxApi, logFile: path.join(logDir, 'sandbox.log') }).then(
				started,
			),
			startRedis({ dataDir: path.join(tempRoot, 'redis'), logFile: path.join(logDir, 'redis.log') }).then(started),
			startPostgres({ dataDir: path.join(tempRoot, 'postgres'), logFile: path.join(logDir, 'postgres.log') }).then(started),
		]);
		const binaryDataMode = options.binaryDataMode ?? 'filesystem';
		const sharedFolder = path.join(options.dir, 'shared-binary-data');
		mkdirSync(sharedFolder, { recursive: true });
		const env = queueEnv(redis, postgres, { mode: binaryDataMode, sharedFolder }, options.env);

		const mainFolder = path.join(options.dir, 'main');
		const workerCount = options.workers ?? 2;
		let workerNumber = 0;
		const workerFolders = Array.from({ length: workerCount }, () => path.join(options.dir, `worker-${++workerNumber}`));
		log(`installing ${PACKAGE_NAME} into main and ${workerCount} worker user folder(s)`);
		for (const folder of [mainFolder, ...workerFolders]) await installFromWorkingTree(folder);

		// The first CLI command runs n8n's migrations on the empty database, before any server.
		const cli = new N8nCli({ runtime, userFolder: mainFolder, env });
		const credential = await sandboxCredential(sandbox);
		log(`importing the credential "${credential.name}" into PostgreSQL`);
		await cli.importCredentials([credential]);
		const examples = options.examples ? loadExamples() : [];
		if (examples.length) {
			log(`importing ${examples.length} example workflow(s)`);
			await cli.importWorkflows(examples);
		}

		const n8nPort = options.n8nPort ?? (await freePort());
		const startMain = async () => {
			const server = await N8nServer.start({
				runtime,
				userFolder: mainFolder,
				port: n8nPort,
				logFile: path.join(logDir, 'main.log'),
				env,
			});
			try {
				await server.ensureOwner(owner);
			} catch (error) {
				await server.stop();
				throw error;
			}
			return server;
		};
		const startWorker = async (userFolder: string): Promise<QueueWorker> => {
			const worker = await startQueueWorker({ userFolder, logDir, concurrency, env });
			return startedN8n(worker);
		};

		log(`starting n8n ${runtime.version}: main and ${workerCount} worker(s), concurrency ${concurrency} each`);
		const [firstMain, ...workers] = await Promise.all([
			startMain().then(startedN8n),
			...workerFolders.map(startWorker),
		]);
		let main = firstMain as N8nServer;

		const stack: QueueStack = {
			sandbox,
			get n8n() {
				return main;
			},
			cli,
			owner,
			credential,
			examples,
			redis,
			postgres,
			workers: workers as QueueWorker[],
			logDir,
			binaryDataMode,
			binaryDataFolder: binaryDataMode === 'filesystem' ? sharedFolder : undefined,
			env,
			async restartMain() {
				await main.stop();
				running.splice(running.indexOf(main), 1);
				main = startedN8n(await startMain());
			},
			async addWorker() {
				const userFolder = path.join(options.dir, `worker-${++workerNumber}`);
				await installFromWorkingTree(userFolder);
				const worker = await startWorker(userFolder);
				stack.workers.push(worker);
				return worker;
			},
			workersThatRan(executionId) {
				// scaling/job-processor.ts: `Worker started execution ${executionId} (job ${job.id})`.
				return stack.workers.filter((worker) => worker.output().includes(`Worker started execution ${executionId} (job `));
			},
			stop: stopAll,
		};
		return stack;
	} catch (error) {
		await stopAll();
		throw error;
	}
}

/** One `n8n worker` process; resolves once it takes jobs off the queue. */
async function startQueueWorker(options: {
	userFolder: string;
	logDir: string;
	concurrency: number;
	env: Record<string, string>;
}): Promise<QueueWorker> {
	const runtime = N8N_CURRENT;
	const name = path.basename(options.userFolder);
	const logFile = path.join(options.logDir, `${name}.log`);
	let tail = '';
	const service = startService(runtime.nodeBinary(), [n8nBin(runtime), 'worker', `--concurrency=${options.concurrency}`], {
		name: `n8n-${name}`,
		cwd: PROJECT_ROOT,
		// Each worker's task runner broker needs a port of its own.
		env: n8nEnv({ runtime, userFolder: options.userFolder, env: options.env }, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
		logFile,
		onOutput: (chunk) => {
			tail = (tail + chunk).slice(-20_000);
		},
	});
	try {
		await waitFor(`n8n ${name} to be ready`, async () => (tail.includes('n8n worker is now ready') ? true : undefined), {
			timeoutMs: 180_000,
			service,
		});
	} catch (error) {
		await service.stop();
		throw new Error(`${(error as Error).message}\n--- ${name} output (${logFile}) ---\n${tail.trim().split('\n').slice(-40).join('\n')}`);
	}
	return {
		name,
		userFolder: options.userFolder,
		logFile,
		service,
		output: () => readFileSync(logFile, 'utf8'),
		stop: () => service.stop(),
		async kill() {
			const pid = service.child.pid;
			try {
				if (pid !== undefined) process.kill(-pid, 'SIGKILL');
			} catch {
				// ESRCH: it is gone already.
			}
			await service.stop();
		},
	};
}
