/**
 * Building this package and putting it where n8n loads community packages from:
 * `<N8N_USER_FOLDER>/.n8n/nodes/node_modules/<name>`. n8n scans that folder at start and
 * registers the node types as `<package name>.<node name>`, i.e.
 * `n8n-nodes-zoho-meeting.zohoMeeting` (a package under `.n8n/custom/` would be
 * `CUSTOM.zohoMeeting` instead, which no user who installed it from npm ever sees).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { cleanEnv, runOrFail } from './processes';
import { PROJECT_ROOT } from './runtime';

interface PackageJson {
	name: string;
	version: string;
	files?: string[];
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	n8n?: { nodes?: string[]; credentials?: string[] };
	[key: string]: unknown;
}

const readPackageJson = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;

export const PACKAGE_NAME = readPackageJson(PROJECT_ROOT).name;

/** `npm run build`: dist/ from the working tree. */
export async function buildPackage(): Promise<void> {
	await runOrFail('npm', ['run', 'build'], { cwd: PROJECT_ROOT, env: cleanEnv() });
}

/** `npm pack`: the tarball exactly as it would be published. */
export async function packPackage(destination: string): Promise<string> {
	mkdirSync(destination, { recursive: true });
	const { stdout } = await runOrFail('npm', ['pack', '--json', `--pack-destination=${destination}`], {
		cwd: PROJECT_ROOT,
		env: cleanEnv(),
	});
	const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
	return path.join(destination, filename);
}

function packageDir(userFolder: string, name = PACKAGE_NAME): string {
	return path.join(userFolder, '.n8n', 'nodes', 'node_modules', name);
}

/**
 * Copies what `npm pack` would ship (package.json and its `files`) from the working tree:
 * what `npm start` uses, so a rebuild shows up without packing.
 */
export async function installFromWorkingTree(userFolder: string): Promise<string> {
	const source = readPackageJson(PROJECT_ROOT);
	const target = packageDir(userFolder, source.name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	cpSync(path.join(PROJECT_ROOT, 'package.json'), path.join(target, 'package.json'));
	for (const entry of source.files ?? []) {
		const from = path.join(PROJECT_ROOT, entry);
		if (!existsSync(from)) throw new Error(`${entry} (package.json "files") is missing: run npm run build`);
		cpSync(from, path.join(target, entry), { recursive: true });
	}
	for (const doc of ['README.md', 'LICENSE', 'LICENSE.md']) {
		if (existsSync(path.join(PROJECT_ROOT, doc))) cpSync(path.join(PROJECT_ROOT, doc), path.join(target, doc));
	}
	await finishInstall(userFolder, target);
	return target;
}

/** Unpacks a tarball from `npm pack` as n8n's community-package installer does. */
export async function installTarball(userFolder: string, tarball: string): Promise<string> {
	const staging = path.join(userFolder, '.n8n', 'nodes', '.unpack');
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	await runOrFail('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
	const { name } = readPackageJson(staging);
	const target = packageDir(userFolder, name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(path.dirname(target), { recursive: true });
	cpSync(staging, target, { recursive: true });
	rmSync(staging, { recursive: true, force: true });
	await finishInstall(userFolder, target);
	return target;
}

/**
 * The rest of what n8n's installer (CommunityPackagesService.downloadPackage) does after
 * unpacking: drop dev, peer and optional dependencies, so `n8n-workflow` resolves to
 * n8n's own copy; install the runtime dependencies without scripts; record the package in
 * `.n8n/nodes/package.json`.
 */
async function finishInstall(userFolder: string, target: string): Promise<void> {
	const packageJson = readPackageJson(target);
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies'] as const) delete packageJson[key];
	writeFileSync(path.join(target, 'package.json'), JSON.stringify(packageJson, null, 2));

	for (const file of [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])]) {
		if (!existsSync(path.join(target, file))) {
			throw new Error(`package.json "n8n" lists ${file}, which the package does not contain`);
		}
	}

	if (Object.keys(packageJson.dependencies ?? {}).length > 0) {
		await runOrFail(
			'npm',
			['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
			{ cwd: target, env: cleanEnv() },
		);
	}

	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const manifestFile = path.join(nodesDir, 'package.json');
	const manifest = existsSync(manifestFile)
		? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { dependencies?: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} };
	manifest.dependencies = { ...manifest.dependencies, [packageJson.name]: packageJson.version };
	writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
}
