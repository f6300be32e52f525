/**
 * Where the n8n runtime lives and which versions it pins. One table, read by the
 * provisioning script, `npm start` and the e2e tests.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Ignored by git (.gitignore): everything provisioned or run lands here. */
export const RUNTIME_DIR = path.join(PROJECT_ROOT, '.n8n-runtime');

/** Pid files of running services, so a later run can reap what a killed one left. */
export const RUN_DIR = path.join(RUNTIME_DIR, 'run');

/** package.json and package-lock.json of each n8n install, committed so every transitive version is pinned. */
export const MANIFESTS_DIR = path.join(__dirname, 'manifests');

/**
 * Current n8n 2.x needs Node 24. The npm package `node` only wraps a preinstall script
 * that installs the platform package `node-<platform>-<arch>`; installing that package
 * directly gives the same binary (and the headers node-gyp needs) without install scripts.
 */
export const NODE24 = {
	version: '24.21.0',
	packageName: `node-${process.platform}-${process.arch}`,
	dir: path.join(RUNTIME_DIR, 'node-24.21.0'),
	get home(): string {
		return path.join(this.dir, 'node_modules', this.packageName);
	},
	get binary(): string {
		return path.join(this.home, 'bin', 'node');
	},
} as const;

export interface N8nRuntime {
	/** Which runtime this is, also the folder name under manifests/. */
	key: 'n8n-2' | 'n8n-1' | 'n8n-floor';
	version: string;
	dir: string;
	/** The Node.js binary this n8n runs on. */
	nodeBinary: () => string;
	/** Headers for node-gyp, so it never tries to download them. */
	nodeDir: () => string;
	/** Extra environment this n8n major needs. */
	env: Record<string, string>;
}

/** The n8n the project targets: `npm start` and most e2e tests. */
export const N8N_CURRENT: N8nRuntime = {
	key: 'n8n-2',
	version: '2.40.5',
	dir: path.join(RUNTIME_DIR, 'n8n-2.40.5'),
	nodeBinary: () => NODE24.binary,
	nodeDir: () => NODE24.home,
	// Its refresh task fetches n8n's MCP server catalogue at start; n8n 1.x has no such
	// module and refuses to start when it is named.
	env: { N8N_DISABLED_MODULES: 'mcp-registry' },
};

/**
 * The newest n8n 1.x installable here, for the compatibility check. It runs on the
 * machine's own Node 20. Its default expression engine needs isolated-vm, which does not
 * compile here, so it uses the legacy engine. Its xlsx dependency points at a host outside
 * the npm registry; manifests/n8n-1/package.json overrides it with the registry's xlsx.
 */
export const N8N_LEGACY: N8nRuntime = {
	key: 'n8n-1',
	version: '1.123.81',
	dir: path.join(RUNTIME_DIR, 'n8n-1.123.81'),
	nodeBinary: () => process.execPath,
	nodeDir: () => systemNodeDir(),
	env: { N8N_EXPRESSION_ENGINE: 'legacy' },
};

/**
 * The oldest n8n the package supports, for the compatibility floor. The nodes import
 * `NodeConnectionTypes` from n8n-workflow at run time (n8n's community-node lint,
 * `@n8n/community-nodes/node-connection-type-literal`, refuses the string 'main'), and
 * n8n-workflow exports it from 1.83.0 on, which n8n 1.85 ships; 1.85.4 is the last 1.85
 * release. It runs on the machine's Node 20 like N8N_LEGACY; it has no task runner by
 * default and no isolated-vm expression engine, so it needs no extra environment.
 */
export const N8N_FLOOR: N8nRuntime = {
	key: 'n8n-floor',
	version: '1.85.4',
	dir: path.join(RUNTIME_DIR, 'n8n-1.85.4'),
	nodeBinary: () => process.execPath,
	nodeDir: () => systemNodeDir(),
	env: {},
};

/** The n8n versions the compatibility e2e tests run the package on besides N8N_CURRENT. */
export const N8N_COMPAT: readonly N8nRuntime[] = [N8N_LEGACY, N8N_FLOOR];

/** Native modules n8n needs at start; everything else of n8n installs without scripts. */
export const NATIVE_MODULES = ['sqlite3'];

export function n8nBin(runtime: N8nRuntime): string {
	return path.join(runtime.dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Headers of the Node.js running this script: npm's nodedir setting here, else its install prefix. */
function systemNodeDir(): string {
	const candidates = [process.env.npm_config_nodedir, '/usr', path.resolve(process.execPath, '..', '..')];
	for (const dir of candidates) {
		if (dir && existsSync(path.join(dir, 'include', 'node', 'node.h'))) return dir;
	}
	throw new Error(
		`No Node.js ${process.version} headers found (looked in ${candidates.filter(Boolean).join(', ')}); ` +
			'node-gyp would try to download them, which this machine cannot.',
	);
}

/** Debian's Chromium, for the editor tests; playwright-core never downloads a browser. */
export const CHROMIUM_BINARY = '/usr/bin/chromium';

/** Debian's Redis, the queue of n8n's queue mode (package redis-server). */
export const REDIS_SERVER_BINARY = '/usr/bin/redis-server';

/** Where Debian's PostgreSQL packages put a server: /usr/lib/postgresql/<major>/bin. */
export const POSTGRES_LIB_DIR = '/usr/lib/postgresql';

/**
 * The bin folder of the newest PostgreSQL server installed from Debian's packages, or
 * undefined. Debian keeps initdb and postgres out of PATH (pg_ctlcluster wraps them).
 */
export function postgresBinDir(): string | undefined {
	let majors: string[];
	try {
		majors = readdirSync(POSTGRES_LIB_DIR).filter((entry) => /^\d+$/.test(entry));
	} catch {
		return undefined;
	}
	return majors
		.sort((a, b) => Number(b) - Number(a))
		.map((major) => path.join(POSTGRES_LIB_DIR, major, 'bin'))
		.find((dir) => ['postgres', 'initdb', 'createdb'].every((tool) => existsSync(path.join(dir, tool))));
}
