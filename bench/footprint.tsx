/**
 * What installing the package costs: the tarball, its runtime dependencies, and how long
 * n8n takes to load its nodes and credential.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

import { installTarball, packPackage } from '../scripts/n8n/package';
import { cleanEnv, runOrFail } from '../scripts/n8n/processes';
import { N8N_CURRENT, PROJECT_ROOT } from '../scripts/n8n/runtime';
import { BENCH_DIR } from './n8n';
import { formatValue, type Section } from './report';

const LOAD_RUNS = 7;

/**
 * Run on n8n's own Node.js with n8n's modules: n8n-core's PackageDirectoryLoader is what
 * n8n uses for an installed community package (LoadNodesAndCredentials.loadPackage), and
 * n8n has loaded n8n-core and n8n-workflow long before it gets to community packages, so
 * they are loaded first and only the package's own load is timed.
 */
const LOADER_SCRIPT = `
const { PackageDirectoryLoader } = require('n8n-core');
require('n8n-workflow');
(async () => {
	const started = process.hrtime.bigint();
	const loader = new PackageDirectoryLoader(process.argv[1]);
	await loader.loadAll();
	await loader.ensureTypesLoaded();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	console.log(JSON.stringify({ ms, nodes: Object.keys(loader.nodeTypes), credentials: Object.keys(loader.credentialTypes) }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** Every bare module name the shipped JavaScript requires. */
function requiredModules(dir: string): Set<string> {
	const found = new Set<string>();
	const walk = (current: string) => {
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			const full = path.join(current, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.js')) {
				for (const match of readFileSync(full, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
					if (!match[1].startsWith('.')) found.add(match[1]);
				}
			}
		}
	};
	walk(dir);
	return found;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureFootprint(log: (line: string) => void): Promise<Section> {
	const dir = path.join(BENCH_DIR, 'footprint');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const tarball = await packPackage(dir);
	const packedBytes = statSync(tarball).size;
	const packageJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		dependencies?: Record<string, string>;
	};
	const dependencies = Object.keys(packageJson.dependencies ?? {});
	const userFolder = path.join(dir, 'user');
	const installed = await installTarball(userFolder, tarball);
	const unpackedBytes = sizeOf(installed);
	const external = [...requiredModules(path.join(installed, 'dist'))].filter(
		(name) => !builtinModules.includes(name.replace(/^node:/, '')),
	);
	log(`tarball ${packedBytes} bytes, ${dependencies.length} dependencies, requires ${external.join(', ')}`);

	const loads: number[] = [];
	let loaded: { nodes: string[]; credentials: string[] } | undefined;
	for (let i = 0; i < LOAD_RUNS; i++) {
		const { stdout } = await runOrFail(N8N_CURRENT.nodeBinary(), ['-e', LOADER_SCRIPT, installed], {
			env: { ...cleanEnv(), NODE_PATH: path.join(N8N_CURRENT.dir, 'node_modules') },
		});
		const result = JSON.parse(stdout.trim().split('\n').pop() as string) as { ms: number; nodes: string[]; credentials: string[] };
		loads.push(result.ms);
		loaded = result;
	}
	const loadMs = median(loads);
	log(`n8n loads ${loaded?.nodes.join(', ')} + ${loaded?.credentials.join(', ')} in ${loadMs.toFixed(1)} ms (median of ${LOAD_RUNS})`);

	return {
		title: '6. Footprint',
		columns: ['Figure', 'Measured'],
		rows: [
			{ cells: ['Packed tarball (`npm pack`)', `${formatValue(packedBytes / 1024, 'KiB')} (${formatValue(unpackedBytes / 1024, 'KiB')} unpacked)`], goal: '—' },
			{ cells: ['Runtime dependencies', `${dependencies.length}${dependencies.length ? ` (${dependencies.join(', ')})` : ''}`], goal: '0', met: dependencies.length === 0 },
			{ cells: ['Modules the shipped code requires besides Node.js built-ins', external.join(', ') || 'none'], goal: 'only n8n-workflow (peer)', met: external.every((name) => name === 'n8n-workflow') },
			{
				cells: [`n8n ${N8N_CURRENT.version} loading the package's nodes and credential`, `${formatValue(loadMs, 'ms')} (median of ${LOAD_RUNS}; ${loaded?.nodes.length} nodes, ${loaded?.credentials.length} credential)`],
				goal: '—',
			},
		],
		figures: [
			{ key: 'footprint.tarball', label: 'Packed tarball', value: packedBytes / 1024, unit: 'KiB' },
			{ key: 'footprint.dependencies', label: 'Runtime dependencies', value: dependencies.length, unit: '', goal: '0', met: dependencies.length === 0 },
			{ key: 'footprint.loadMs', label: "n8n loading the package's nodes", value: loadMs, unit: 'ms' },
		],
		how: [
			'The tarball is `npm pack` of the built package (what npm would publish), installed the way n8n installs a community package (`installTarball` in `scripts/n8n/package.tsx`: unpack, drop dev and peer dependencies). Runtime dependencies are the `dependencies` of `package.json`; the shipped `dist/` is also scanned for every `require()` of a package.',
			`Load time: n8n ${N8N_CURRENT.version} loads an installed community package with n8n-core's \`PackageDirectoryLoader\` (\`LoadNodesAndCredentials.loadPackage\`). A fresh process on n8n's Node.js loads n8n-core and n8n-workflow first (n8n has them long before it reaches community packages), then times \`loadAll()\` of the installed package: requiring the node and credential files and reading their descriptions. Median of ${LOAD_RUNS} processes.`,
		],
	};
}

function sizeOf(target: string): number {
	const stat = statSync(target);
	if (!stat.isDirectory()) return stat.size;
	return readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0);
}
