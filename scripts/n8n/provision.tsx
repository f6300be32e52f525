/**
 * `npm run n8n:provision`: installs the pinned n8n runtimes into .n8n-runtime/.
 *
 *   node 24           the npm package's binary, which current n8n needs
 *   n8n 2.x           from manifests/n8n-2 (its lock pins every package), without install
 *                     scripts, then only the native modules n8n needs at start are built
 *   n8n 1.x           the same from manifests/n8n-1, on this machine's Node 20
 *   n8n floor         the oldest supported n8n (manifests/n8n-floor), the same way
 *   Chromium          Debian's, for the editor tests (root only; apt-get)
 *   Redis, PostgreSQL Debian's, for queue mode (root only; apt-get); the tests start them
 *                     as child processes, never as system services
 *
 * Each part writes a stamp with its versions when it is complete; a later run that finds
 * every stamp current only checks a few files and returns at once.
 *
 * Flags: --no-legacy (skip both n8n 1.x runtimes), --no-browser (skip Chromium), --no-queue (skip
 * Redis and PostgreSQL).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { cleanEnv, runOrFail, sleep } from './processes';
import {
	CHROMIUM_BINARY,
	MANIFESTS_DIR,
	N8N_COMPAT,
	N8N_CURRENT,
	n8nBin,
	NATIVE_MODULES,
	NODE24,
	POSTGRES_LIB_DIR,
	postgresBinDir,
	REDIS_SERVER_BINARY,
	RUNTIME_DIR,
	type N8nRuntime,
} from './runtime';

export interface ProvisionOptions {
	/** Also the n8n 1.x runtimes of the compatibility checks, newest and floor (default true). */
	legacy?: boolean;
	/** Also Debian's Chromium for the editor tests (default true). */
	browser?: boolean;
	/** Also Debian's Redis and PostgreSQL for the queue-mode tests (default true). */
	queue?: boolean;
	log?: (line: string) => void;
}

interface Part {
	name: string;
	/** What the stamp must say for the part to count as installed. */
	stamp: Record<string, string>;
	/** Undefined for a part that only has to exist (a system package). */
	stampFile?: string;
	/** Files that must exist besides the stamp (a half-deleted install is not complete). */
	sentinels: string[];
	install: (log: (line: string) => void) => Promise<void>;
}

function isComplete(part: Part): boolean {
	if (!part.sentinels.every((file) => existsSync(file))) return false;
	if (!part.stampFile) return true;
	try {
		const stamp = JSON.parse(readFileSync(part.stampFile, 'utf8')) as Record<string, string>;
		return Object.entries(part.stamp).every(([key, value]) => stamp[key] === value);
	} catch {
		return false;
	}
}

function hashFiles(files: string[]): string {
	const hash = createHash('sha256');
	for (const file of files) hash.update(readFileSync(file));
	return hash.digest('hex').slice(0, 16);
}

const npm = (args: string[], cwd: string) =>
	runOrFail('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env: cleanEnv() });

function node24Part(): Part {
	const stampFile = path.join(NODE24.dir, '.provisioned.json');
	return {
		name: `Node.js ${NODE24.version}`,
		stamp: { package: NODE24.packageName, version: NODE24.version },
		stampFile,
		sentinels: [NODE24.binary, path.join(NODE24.home, 'include', 'node', 'node.h')],
		async install(log) {
			rmSync(NODE24.dir, { recursive: true, force: true });
			mkdirSync(NODE24.dir, { recursive: true });
			writeFileSync(
				path.join(NODE24.dir, 'package.json'),
				JSON.stringify({ private: true, dependencies: { [NODE24.packageName]: NODE24.version } }, null, 2),
			);
			log(`  npm install ${NODE24.packageName}@${NODE24.version}`);
			await npm(['install', '--ignore-scripts', '--no-package-lock'], NODE24.dir);
			const { stdout } = await runOrFail(NODE24.binary, ['--version']);
			if (stdout.trim() !== `v${NODE24.version}`) {
				throw new Error(`${NODE24.binary} reports ${stdout.trim()}, expected v${NODE24.version}`);
			}
			writeFileSync(stampFile, JSON.stringify({ package: NODE24.packageName, version: NODE24.version }));
		},
	};
}

/** Where n8n (and its ORM) would load a native module from. */
function nativeModuleDirs(runtime: N8nRuntime): string[] {
	const from = ['n8n', '@n8n/typeorm'].map((pkg) => path.join(runtime.dir, 'node_modules', pkg));
	const dirs = new Set<string>();
	for (const name of NATIVE_MODULES) {
		for (const base of from) {
			try {
				dirs.add(path.dirname(require.resolve(`${name}/package.json`, { paths: [base] })));
			} catch {
				// This package does not depend on it.
			}
		}
		if (dirs.size === 0) throw new Error(`${name} is not installed in ${runtime.dir}`);
	}
	return [...dirs];
}

/**
 * Builds a native module against the runtime's Node.js headers. node-gyp would download
 * headers without --nodedir, and only the npm registry is reachable here.
 */
async function buildNativeModule(runtime: N8nRuntime, moduleDir: string, log: (line: string) => void): Promise<void> {
	const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [runtime.dir] });
	const nodeDir = runtime.nodeDir();
	if (!existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) {
		throw new Error(`no Node.js headers in ${nodeDir}/include/node: node-gyp would try to download them`);
	}
	log(`  node-gyp rebuild ${path.relative(runtime.dir, moduleDir)} (about a minute)`);
	const env = { ...cleanEnv(), PATH: [path.dirname(runtime.nodeBinary()), process.env.PATH].join(path.delimiter) };
	await runOrFail(runtime.nodeBinary(), [nodeGyp, 'rebuild', `--nodedir=${nodeDir}`, '--jobs=max'], {
		cwd: moduleDir,
		env,
	});
	// Load it with the Node.js n8n runs on: proves the binary matches that Node.js.
	await runOrFail(runtime.nodeBinary(), ['-e', `require(${JSON.stringify(moduleDir)})`], { env });
}

/** True when `name` is an executable somewhere on PATH. */
function onPath(name: string): boolean {
	return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, name)));
}

/** node-gyp needs a C++ toolchain and Python; say so before a long install, not after it. */
function requireBuildTools(): void {
	const missing = ['make', 'g++', 'python3'].filter((tool) => !onPath(tool));
	if (missing.length) {
		throw new Error(
			`${missing.join(', ')} not found on PATH; sqlite3 is compiled for n8n with node-gyp. ` +
				'On Debian: apt-get install -y build-essential python3',
		);
	}
}

function n8nPart(runtime: N8nRuntime): Part {
	const manifest = path.join(MANIFESTS_DIR, runtime.key);
	const manifestFiles = ['package.json', 'package-lock.json'].map((f) => path.join(manifest, f));
	const stamp = {
		n8n: runtime.version,
		node: runtime.nodeBinary() === NODE24.binary ? NODE24.version : process.version,
		manifest: hashFiles(manifestFiles),
	};
	const stampFile = path.join(runtime.dir, '.provisioned.json');
	return {
		name: `n8n ${runtime.version}`,
		stamp,
		stampFile,
		sentinels: [n8nBin(runtime)],
		async install(log) {
			requireBuildTools();
			// npm ci removes node_modules itself, but a stale stamp must not survive a failed run.
			rmSync(stampFile, { force: true });
			mkdirSync(runtime.dir, { recursive: true });
			for (const file of manifestFiles) copyFileSync(file, path.join(runtime.dir, path.basename(file)));
			// Install scripts stay off: they would compile modules n8n does not need at start
			// (isolated-vm fails to compile here) and some download binaries.
			log(`  npm ci n8n@${runtime.version} --ignore-scripts (about 2 to 3 minutes)`);
			await npm(['ci', '--ignore-scripts'], runtime.dir);
			for (const moduleDir of nativeModuleDirs(runtime)) await buildNativeModule(runtime, moduleDir, log);
			writeFileSync(stampFile, JSON.stringify(stamp));
		},
	};
}

/** Installs Debian packages; root only. */
async function aptGetInstall(packages: string[], missing: string, log: (line: string) => void): Promise<void> {
	const isRoot = process.getuid?.() === 0;
	if (!isRoot || !existsSync('/usr/bin/apt-get')) {
		throw new Error(`${missing} is missing; install Debian's ${packages.join(' ')}: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
	}
	const env = { ...cleanEnv(), DEBIAN_FRONTEND: 'noninteractive' };
	// Redis' and PostgreSQL's packages start a system service on install; the tests start
	// their own on free ports instead. invoke-rc.d asks /usr/sbin/policy-rc.d first, and an
	// exit code of 101 forbids the start (invoke-rc.d(8)); Debian's container images ship
	// such a file, a full system may not, so one is put there for the install only.
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = !existsSync(policy);
	if (ownPolicy) writeFileSync(policy, '#!/bin/sh\n# written by npm run n8n:provision for one apt-get install\nexit 101\n', { mode: 0o755 });
	try {
		log('  apt-get update');
		await runOrFail('apt-get', ['update'], { env });
		log(`  apt-get install -y ${packages.join(' ')}`);
		await runOrFail('apt-get', ['install', '-y', ...packages], { env });
	} finally {
		if (ownPolicy) rmSync(policy, { force: true });
	}
}

function chromiumPart(): Part {
	return {
		name: 'Chromium (Debian)',
		stamp: {},
		sentinels: [CHROMIUM_BINARY],
		install: (log) => aptGetInstall(['chromium'], CHROMIUM_BINARY, log),
	};
}

function queueServicesPart(): Part {
	const postgres = postgresBinDir();
	return {
		name: 'Redis and PostgreSQL (Debian)',
		stamp: {},
		// Without a server, a path that cannot exist, so that the part counts as missing.
		sentinels: [REDIS_SERVER_BINARY, postgres ? path.join(postgres, 'postgres') : path.join(POSTGRES_LIB_DIR, 'none')],
		install: (log) => aptGetInstall(['redis-server', 'postgresql'], `${REDIS_SERVER_BINARY} or a PostgreSQL server`, log),
	};
}

function partsFor(options: ProvisionOptions): Part[] {
	const parts = [node24Part(), n8nPart(N8N_CURRENT)];
	if (options.legacy ?? true) parts.push(...N8N_COMPAT.map(n8nPart));
	if (options.browser ?? true) parts.push(chromiumPart());
	if (options.queue ?? true) parts.push(queueServicesPart());
	return parts;
}

/** True when every part asked for is installed and current. */
export function isProvisioned(options: ProvisionOptions = {}): boolean {
	return partsFor(options).every(isComplete);
}

/**
 * Two provisioning runs at once (an `npm start` beside an e2e run) would install into the
 * same folders; the second waits for the first. A lock whose owner died is taken over.
 */
async function withLock<T>(log: (line: string) => void, body: () => Promise<T>): Promise<T> {
	const lock = path.join(RUNTIME_DIR, 'provision.lock');
	mkdirSync(RUNTIME_DIR, { recursive: true });
	let told = false;
	for (;;) {
		try {
			writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch {
			const owner = Number(readFileSync(lock, 'utf8').trim() || 0);
			let alive = false;
			try {
				if (owner) process.kill(owner, 0);
				alive = owner > 0;
			} catch {
				alive = false;
			}
			if (!alive) {
				rmSync(lock, { force: true });
				continue;
			}
			if (!told) log(`waiting for provisioning run ${owner} to finish`);
			told = true;
			await sleep(1000);
		}
	}
	try {
		return await body();
	} finally {
		rmSync(lock, { force: true });
	}
}

export async function provision(options: ProvisionOptions = {}): Promise<void> {
	const log = options.log ?? ((line: string) => console.log(line));
	const started = Date.now();
	const parts = partsFor(options);
	if (parts.every(isComplete)) {
		log(`n8n runtime: provisioned (${parts.map((p) => p.name).join(', ')}) in ${path.relative(process.cwd(), RUNTIME_DIR) || RUNTIME_DIR}`);
		return;
	}
	await withLock(log, async () => {
		for (const part of parts) {
			if (isComplete(part)) {
				log(`✓ ${part.name}: already installed`);
				continue;
			}
			const partStarted = Date.now();
			log(`… ${part.name}: installing`);
			try {
				await part.install(log);
			} catch (error) {
				throw new Error(`provisioning ${part.name} failed: ${(error as Error).message}`);
			}
			if (!isComplete(part)) throw new Error(`provisioning ${part.name} finished, but its files are not all there`);
			log(`✓ ${part.name}: installed in ${seconds(Date.now() - partStarted)}`);
		}
	});
	log(`n8n runtime provisioned in ${seconds(Date.now() - started)}`);
}

export function seconds(ms: number): string {
	const s = Math.round(ms / 100) / 10;
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

if (require.main === module) {
	const args = process.argv.slice(2);
	provision({
		legacy: !args.includes('--no-legacy'),
		browser: !args.includes('--no-browser'),
		queue: !args.includes('--no-queue'),
	}).catch(
		(error: Error) => {
			console.error(`\n✗ ${error.message}`);
			process.exit(1);
		},
	);
}
