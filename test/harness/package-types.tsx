import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '../..');

interface PackageJson {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** n8n names a community node type `<package name>.<description.name>`. */
export const PACKAGE_NAME = packageJson.name;

/**
 * Source files of the package's nodes: the ones package.json registers (as `dist/…js`) and
 * the ones known to be under way. A file that does not exist yet is skipped; one that
 * exists but fails to load fails the run, so a broken node is never silently absent.
 */
const KNOWN_NODE_SOURCES = [
	'nodes/ZohoMeeting/ZohoMeeting.node.ts',
	'nodes/ZohoMeetingTrigger/ZohoMeetingTrigger.node.ts',
];

function sourcesOf(distPaths: string[] | undefined, known: string[] = []): string[] {
	const fromPackage = (distPaths ?? []).map((p) => p.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	return [...new Set([...fromPackage, ...known])]
		.map((p) => path.join(ROOT, p))
		.filter((file) => existsSync(file));
}

const isClass = (value: unknown): value is new () => unknown =>
	typeof value === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(value));

/** Instantiates every exported class of a module that passes `accept` (helpers are skipped). */
function loadExports<T>(file: string, accept: (value: unknown) => value is T): T[] {
	// Loaded on demand (not imported) so a node that does not exist yet is no compile error.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(file) as Record<string, unknown>;
	const instances: T[] = [];
	for (const value of Object.values(exported)) {
		if (!isClass(value)) continue;
		const instance = new value();
		if (accept(instance)) instances.push(instance);
	}
	return instances;
}

const isNodeType = (value: unknown): value is INodeType | IVersionedNodeType =>
	typeof value === 'object' &&
	value !== null &&
	('nodeVersions' in value || ('description' in value && !('properties' in value)));

const isCredentialType = (value: unknown): value is ICredentialType =>
	typeof value === 'object' && value !== null && 'name' in value && 'properties' in value;

let nodeTypes: Record<string, INodeType | IVersionedNodeType> | undefined;
let credentialTypes: ICredentialType[] | undefined;

/** The package's node types, keyed by full type name, e.g. `n8n-nodes-zoho-meeting.zohoMeeting`. */
export function packageNodeTypes(): Record<string, INodeType | IVersionedNodeType> {
	nodeTypes ??= Object.fromEntries(
		sourcesOf(packageJson.n8n?.nodes, KNOWN_NODE_SOURCES)
			.flatMap((file) => loadExports(file, isNodeType))
			.map((nodeType) => [`${PACKAGE_NAME}.${nodeType.description.name}`, nodeType]),
	);
	return nodeTypes;
}

export function packageCredentialTypes(): ICredentialType[] {
	credentialTypes ??= sourcesOf(packageJson.n8n?.credentials).flatMap((file) =>
		loadExports(file, isCredentialType),
	);
	return credentialTypes;
}
