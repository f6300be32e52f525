/**
 * Child processes that never outlive the script that started them.
 *
 * n8n starts its own children (the task runner, the task broker's helpers), so killing
 * only the pid we spawned would leave them running. Every long-running child is
 * therefore spawned as the leader of its own process group (`detached: true`) and is
 * stopped by signalling the whole group: `process.kill(-pid)`.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { RUN_DIR } from './runtime';

export interface Service {
	name: string;
	child: ChildProcess;
	/** Resolves once the process group has exited; never rejects. */
	exited: Promise<void>;
	stop(): Promise<void>;
}

const running = new Set<Service>();
let exitHookInstalled = false;

/** Last resort when the parent exits without stopping its services: SIGKILL every group. */
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const service of running) killGroup(service.child, 'SIGKILL');
	});
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// ESRCH: the group is gone already.
	}
}

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * A pid file per service lets the next run reap a group that a killed parent
 * (SIGKILL, a CI time-out) could not stop. A group is reaped only when the process that
 * started it is gone (an `npm start` beside an e2e run keeps its services) and its leader
 * still runs the command line written down (a recycled pid is left alone).
 */
function writePidFile(name: string, pid: number, commandLine: string): void {
	mkdirSync(RUN_DIR, { recursive: true });
	writeFileSync(path.join(RUN_DIR, `${name}-${pid}.json`), JSON.stringify({ pid, commandLine, owner: process.pid }));
}

export function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function removePidFile(name: string, pid: number): void {
	rmSync(path.join(RUN_DIR, `${name}-${pid}.json`), { force: true });
}

function commandLineOf(pid: number): string | undefined {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
	} catch {
		return undefined;
	}
}

/** Kills process groups left behind by an earlier run that died without cleaning up. */
export function reapOrphans(log: (line: string) => void = () => {}): void {
	let files: string[];
	try {
		files = readdirSync(RUN_DIR).filter((f) => f.endsWith('.json'));
	} catch {
		return;
	}
	for (const file of files) {
		const full = path.join(RUN_DIR, file);
		try {
			const { pid, commandLine, owner } = JSON.parse(readFileSync(full, 'utf8')) as {
				pid: number;
				commandLine: string;
				owner: number;
			};
			if (processAlive(owner)) continue;
			if (groupAlive(pid) && commandLineOf(pid) === commandLine) {
				log(`stopping process group ${pid} left behind by an earlier run (${file})`);
				process.kill(-pid, 'SIGKILL');
			}
		} catch {
			// Unreadable pid file: nothing we can safely kill.
		}
		rmSync(full, { force: true });
	}
}

export interface StartOptions extends Pick<SpawnOptions, 'cwd' | 'env' | 'uid' | 'gid'> {
	/** Short name used in messages and pid files. */
	name: string;
	/** Append stdout and stderr to this file instead of discarding them. */
	logFile?: string;
	/** Also receive each output chunk, e.g. to wait for a line. */
	onOutput?: (chunk: string) => void;
	/** Time between SIGTERM and SIGKILL when stopping. */
	stopTimeoutMs?: number;
}

/** Starts a long-running command in its own process group. */
export function startService(command: string, args: string[], options: StartOptions): Service {
	installExitHook();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		uid: options.uid,
		gid: options.gid,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const logStream = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	for (const stream of [child.stdout, child.stderr]) {
		stream?.setEncoding('utf8');
		stream?.on('data', (chunk: string) => {
			logStream?.write(chunk);
			options.onOutput?.(chunk);
		});
	}
	const pid = child.pid;
	if (pid !== undefined) writePidFile(options.name, pid, [command, ...args].join(' '));

	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
		child.once('error', () => resolve());
	});

	const service: Service = {
		name: options.name,
		child,
		exited,
		async stop() {
			if (pid !== undefined && groupAlive(pid)) {
				killGroup(child, 'SIGTERM');
				// n8n shuts down gracefully on SIGTERM (it waits for running executions);
				// give it a moment, then make sure nothing of the group is left.
				const deadline = Date.now() + (options.stopTimeoutMs ?? 10_000);
				while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
				killGroup(child, 'SIGKILL');
				while (groupAlive(pid)) await sleep(50);
			}
			await exited;
			logStream?.end();
			if (pid !== undefined) removePidFile(options.name, pid);
			running.delete(service);
		},
	};
	running.add(service);
	return service;
}

/** Stops every service still running, newest first. */
export async function stopAllServices(): Promise<void> {
	for (const service of [...running].reverse()) await service.stop();
}

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

export interface RunOptions extends Pick<SpawnOptions, 'cwd' | 'env' | 'uid' | 'gid'> {
	/** Print the command's output as it comes (provisioning progress). */
	inherit?: boolean;
	/** Kill the command's group after this long. */
	timeoutMs?: number;
}

/**
 * Runs a command to completion in its own process group, so a time-out also takes down
 * whatever it started (n8n CLI commands start a task runner).
 */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			uid: options.uid,
			gid: options.gid,
			detached: true,
			stdio: ['ignore', options.inherit ? 'inherit' : 'pipe', options.inherit ? 'inherit' : 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
		child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
		const timer =
			options.timeoutMs === undefined
				? undefined
				: setTimeout(() => killGroup(child, 'SIGKILL'), options.timeoutMs);
		child.once('error', (error) => {
			if (timer) clearTimeout(timer);
			reject(error);
		});
		// The command itself is done; its group (a task runner an n8n CLI command forked)
		// must not linger, and must not hold the output pipes open either.
		child.once('exit', () => killGroup(child, 'SIGKILL'));
		child.once('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
		});
	});
}

/** Like `run`, but fails with the command's output when it exits non-zero. */
export async function runOrFail(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
		throw new Error(`${path.basename(command)} ${args.join(' ')} exited with ${result.code}\n${output}`);
	}
	return result;
}

/** A TCP port that was free a moment ago on the loopback interface. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/**
 * The environment for tools we start, without the variables of the tool that started us:
 * NODE_ENV=test (set by jest) makes n8n refuse to load nodes, and npm_* carry `npm run`'s
 * settings (the project's prefix, ignore-scripts) into the npm and n8n commands we run.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(NODE_ENV|NODE_OPTIONS|JEST_WORKER_ID|TS_NODE_.*|npm_.*)$/i.test(key)) continue;
		env[key] = value;
	}
	return env;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a value, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined>,
	{ timeoutMs, intervalMs = 250, service }: { timeoutMs: number; intervalMs?: number; service?: Service },
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	void service?.exited.then(() => (exited = true));
	for (;;) {
		const value = await check().catch(() => undefined);
		if (value !== undefined) return value;
		if (exited) throw new Error(`${service?.name} exited while waiting for ${what}`);
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(intervalMs);
	}
}
