import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

/**
 * The shape the shipped code keeps (issue "Reshape the transport"): small files, small
 * functions, and no module-level state but what the process knows per Zoho account (its
 * rate budget and API shape), which must outlive a run (nodes/ZohoMeeting/transport/accounts.ts
 * says why).
 */
const ROOT = path.resolve(__dirname, '..');
const SHIPPED = ['nodes', 'credentials'];
const MAX_FILE_LINES = 250;
const MAX_FUNCTION_LINES = 40;
/**
 * Module-level state allowed, and why: what the process knows per Zoho account (its rate
 * budget and API shape) must outlive a run; the cache of Intl formatters holds only results
 * of a pure function (no run can observe it).
 */
const STATEFUL_MODULES = ['nodes/ZohoMeeting/transport/accounts.ts', 'nodes/ZohoMeeting/actions/shared/dates.ts'];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		if (statSync(file).isDirectory()) return sourceFiles(file);
		return file.endsWith('.ts') ? [file] : [];
	});
}

const files = SHIPPED.flatMap((dir) => sourceFiles(path.join(ROOT, dir))).map((file) => ({
	name: path.relative(ROOT, file).split(path.sep).join('/'),
	source: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
}));

const linesOf = (source: ts.SourceFile, node: ts.Node) =>
	source.getLineAndCharacterOfPosition(node.getEnd()).line - source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

function longFunctions(source: ts.SourceFile): string[] {
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isFunctionLike(node) && 'body' in node && node.body && linesOf(source, node) > MAX_FUNCTION_LINES) {
			const name = (node as { name?: ts.Node }).name?.getText(source) ?? '(anonymous)';
			found.push(`${name}: ${linesOf(source, node)} lines`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

/** Top-level `let`, or a top-level const holding a new Map/Set/WeakMap/array that code can change. */
function moduleState(source: ts.SourceFile): string[] {
	return source.statements.flatMap((statement) => {
		if (!ts.isVariableStatement(statement)) return [];
		const isLet = (statement.declarationList.flags & ts.NodeFlags.Let) !== 0;
		return statement.declarationList.declarations
			.filter((declaration) => {
				const init = declaration.initializer?.getText(source) ?? '';
				return isLet || /^new (Weak)?(Map|Set)\b/.test(init);
			})
			.map((declaration) => declaration.name.getText(source));
	});
}

describe('the shape of the shipped code', () => {
	it.each(files.map((file) => [file.name, file.source] as const))('%s has at most 250 lines', (_, source) => {
		expect(source.getLineAndCharacterOfPosition(source.getEnd()).line).toBeLessThanOrEqual(MAX_FILE_LINES);
	});

	it('has no function over 40 lines', () => {
		const long = files.flatMap((file) => longFunctions(file.source).map((found) => `${file.name} ${found}`));
		expect(long).toEqual([]);
	});

	it('keeps no module-level mutable state but the per-account registry (and a formatter cache)', () => {
		const stateful = files
			.filter((file) => !STATEFUL_MODULES.includes(file.name))
			.flatMap((file) => moduleState(file.source).map((name) => `${file.name}: ${name}`));
		expect(stateful).toEqual([]);
	});
});

describe('the development code', () => {
	/**
	 * `npx n8n-node lint` applies n8n's community-node rules to every `.ts` file, and jest
	 * runs only `.tsx` tests: development code in a `.ts` file would fail the one and be
	 * skipped by the other (CONTRIBUTING.md, "Lint").
	 */
	it('is written in .tsx files', () => {
		const walk = (dir: string): string[] =>
			readdirSync(dir).flatMap((name) => {
				const file = path.join(dir, name);
				return statSync(file).isDirectory() ? walk(file) : [path.relative(ROOT, file).split(path.sep).join('/')];
			});
		const stray = ['test', 'sandbox', 'scripts', 'bench'].flatMap((dir) => walk(path.join(ROOT, dir))).filter((file) => /\.m?ts$/.test(file));
		expect(stray).toEqual([]);
	});
});

