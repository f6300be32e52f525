/**
 * `npm run bench`: measures the package and writes BENCHMARKS.md.
 *
 * In-process (n8n-core through test/harness, against the in-process sandbox): API-call
 * economy, the trigger, rate-limited throughput. In real n8n (scripts/n8n: provisioned
 * into .n8n-runtime/ on first use, a few minutes, once): speed against the HTTP Request
 * node and the memory of large downloads; in n8n's queue mode (scripts/n8n/queue.tsx), one
 * account's rate limit across 1, 2 and 4 workers. Plus the package's footprint.
 *
 * Flags:
 *   --only=economy,trigger,throughput,footprint,speed,memory,queue   run some sections, print
 *                          their tables, leave BENCHMARKS.md alone
 *   --runs=<n>             measured runs per side and speed job (default 5)
 *   --jobs=a,b,c           speed jobs to run (default all)
 *   --save-baseline        record this run's figures as the "before" in bench/baseline.json
 *                          (with --only, just those sections' figures)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';

import { buildPackage } from '../scripts/n8n/package';
import { stopAllServices } from '../scripts/n8n/processes';
import { provision } from '../scripts/n8n/provision';
import { N8N_CURRENT, n8nBin, PROJECT_ROOT } from '../scripts/n8n/runtime';
import { ensureHarnessEnvironment } from '../test/harness';
import { SandboxSession } from '../test/helpers/sandboxWorkflow';
import { CHANGES } from './changes';
import { measureEconomy } from './economy';
import { measureFootprint } from './footprint';
import { measureMemory } from './memory';
import { measureQueue } from './queue';
import { BenchN8n } from './n8n';
import { readBaseline, renderDocument, renderSection, type Section, writeBaseline } from './report';
import { measureSpeed } from './speed';
import { measureThroughput } from './throughput';
import { measureTrigger } from './trigger';

const SECTIONS = ['economy', 'speed', 'memory', 'throughput', 'trigger', 'footprint', 'queue'] as const;
type SectionName = (typeof SECTIONS)[number];

function flag(name: string): string | true | undefined {
	for (const arg of process.argv.slice(2)) {
		if (arg === `--${name}`) return true;
		if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
	}
	return undefined;
}

/** `7 min 5 s`, `42 s`. */
function duration(ms: number): string {
	const total = Math.round(ms / 1000);
	return total < 60 ? `${total} s` : `${Math.floor(total / 60)} min ${total % 60} s`;
}

function git(args: string[]): string {
	try {
		return execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
	} catch {
		return 'unknown';
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	// The code measured is the code at the start: others may commit while this runs.
	const commit = `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--', 'nodes', 'credentials']) ? ' with uncommitted changes' : ''}`;
	const log = (line: string) => console.log(`[bench ${duration(Date.now() - started).padStart(6)}] ${line}`);
	const only = typeof flag('only') === 'string' ? (String(flag('only')).split(',') as SectionName[]) : undefined;
	for (const name of only ?? []) {
		if (!SECTIONS.includes(name)) throw new Error(`--only: unknown section "${name}" (${SECTIONS.join(', ')})`);
	}
	const wanted = (name: SectionName) => !only || only.includes(name);
	const runs = Number(flag('runs') ?? 5);
	const speedJobs = typeof flag('jobs') === 'string' ? (String(flag('jobs')).split(',') as Array<'a' | 'b' | 'c'>) : undefined;
	const done: Partial<Record<SectionName, Section>> = {};

	log('building the package (npm run build)');
	await buildPackage();

	if (wanted('economy') || wanted('throughput') || wanted('trigger')) {
		const session = new SandboxSession();
		await session.start();
		try {
			if (wanted('economy')) done.economy = await measureEconomy(session, log);
			if (wanted('trigger')) done.trigger = await measureTrigger(session, log);
			if (wanted('throughput')) done.throughput = await measureThroughput(session, log);
		} finally {
			await session.stop();
			rmSync((await ensureHarnessEnvironment()).userFolder, { recursive: true, force: true });
		}
	}

	let provisioned: string | undefined;
	if (wanted('footprint') || wanted('speed') || wanted('memory') || wanted('queue')) {
		const fresh = !existsSync(n8nBin(N8N_CURRENT));
		const provisionStarted = Date.now();
		await provision({ legacy: false, browser: false, queue: wanted('queue'), log });
		provisioned = fresh
			? `of which provisioning n8n ${N8N_CURRENT.version} into .n8n-runtime/, the first time, took ${duration(Date.now() - provisionStarted)}`
			: 'n8n was already provisioned in .n8n-runtime/';
	}
	if (wanted('footprint')) done.footprint = await measureFootprint(log);

	if (wanted('speed') || wanted('memory')) {
		log(`starting the sandbox and n8n ${N8N_CURRENT.version}`);
		const n8n = await BenchN8n.start(log);
		try {
			if (wanted('speed')) done.speed = await measureSpeed(n8n, { runs, only: speedJobs }, log);
			if (wanted('memory')) done.memory = await measureMemory(n8n, log);
		} finally {
			await n8n.stop();
		}
	}
	if (wanted('queue')) done.queue = await measureQueue(log);

	const sections = SECTIONS.map((name) => done[name]).filter((section): section is Section => section !== undefined);
	const elapsed = duration(Date.now() - started);
	for (const section of sections) console.log(`\n${renderSection(section)}`);

	if (flag('save-baseline')) {
		// With --only, the sections measured replace theirs in the baseline; the rest stay.
		const measured = sections.flatMap((section) => section.figures);
		const kept = only ? (readBaseline()?.figures ?? []).filter((old) => !measured.some((f) => f.key === old.key)) : [];
		writeBaseline({ commit, date: new Date().toISOString().slice(0, 10), figures: [...kept, ...measured] });
		log('recorded this run as the baseline in bench/baseline.json');
	}
	if (only) {
		log(`done in ${elapsed}; --only: BENCHMARKS.md left as it was`);
		return;
	}
	const document = renderDocument({
		intro: [
			'Generated by `npm run bench` (`bench/`); every figure below comes from the run described at the end. Each section says how its figures were measured. The sandbox (`sandbox/`) stands in for Zoho Meeting: a real HTTP server implementing the API contract, with its rate limits, latency and request log.',
		],
		sections,
		changes: CHANGES,
		baseline: readBaseline(),
		environment: [
			`Commit ${commit}, ${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
			`${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB RAM, Linux`,
			`In-process benchmarks on Node.js ${process.versions.node}; real n8n ${N8N_CURRENT.version} on its Node.js (provisioned in .n8n-runtime/)`,
			`\`npm run bench\` took ${elapsed} in all${provisioned ? ` (${provisioned})` : ''}`,
		],
	});
	writeFileSync(path.join(PROJECT_ROOT, 'BENCHMARKS.md'), document);
	log(`wrote BENCHMARKS.md in ${elapsed}`);
}

main()
	.catch(async (error: Error) => {
		console.error(`\n[bench] ✗ ${error.stack ?? error.message}`);
		await stopAllServices();
		process.exitCode = 1;
	})
	.finally(() => {
		// n8n-core's services (binary data, timers) keep the event loop alive.
		setTimeout(() => process.exit(), 100).unref();
	});
