/**
 * `npm run lint`, first part: n8n's own `n8n-node lint` (@n8n/node-cli) in strict mode,
 * with the CLI's default eslint.config.mjs, over what the package ships.
 *
 * `n8n-node lint` runs `eslint .` in the package folder, and the default config applies
 * the community-node rules (no `process`, no `setTimeout`, no `node:*` imports, no
 * `console`) to every .ts file below it. Here that folder also holds the sandbox (an HTTP
 * server), the tests, the n8n runtime scripts and the benchmarks, which need exactly
 * those: run at the root, the CLI reports about 240 errors, all of them in those folders.
 * n8n's community scanner draws the same line: it lints `package.json` and
 * `{nodes,credentials}/**` of a package's source, "what `n8n-node lint` covers at dev
 * time" (@n8n/scan-community-package, scanner/scanner.mjs, SOURCE_FILE_PATTERNS).
 *
 * So the CLI runs, unchanged, in a copy laid out like a package from n8n-node's template:
 * package.json, eslint.config.mjs (the strict-mode check compares this very file with the
 * CLI's template), tsconfig.json, credentials/ and nodes/, with node_modules linked back.
 * `n8n-node lint` exits 0 on warnings; this fails on them too, as `eslint --max-warnings 0`.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

import { cleanEnv, run } from '../n8n/processes';
import { PROJECT_ROOT } from '../n8n/runtime';

/** What n8n-node's template has at the package root, and what it lints. */
const PACKAGE_FILES = ['package.json', 'eslint.config.mjs', 'tsconfig.json', 'credentials', 'nodes'];

/** Ignored by git (.gitignore); removed again after the run. */
const STAGING_DIR = path.join(PROJECT_ROOT, '.tmp', 'n8n-lint');

// eslint's summary line, e.g. "✖ 2 problems (0 errors, 2 warnings)".
const SUMMARY = /\((\d+) errors?, (\d+) warnings?\)/;

async function main(): Promise<number> {
	rmSync(STAGING_DIR, { recursive: true, force: true });
	mkdirSync(STAGING_DIR, { recursive: true });
	try {
		for (const entry of PACKAGE_FILES) {
			cpSync(path.join(PROJECT_ROOT, entry), path.join(STAGING_DIR, entry), { recursive: true });
		}
		// eslint.config.mjs imports @n8n/node-cli/eslint, and `npm exec eslint` looks in
		// node_modules/.bin of the package folder.
		symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(STAGING_DIR, 'node_modules'), 'dir');

		const cli = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'n8n-node');
		const result = await run(cli, ['lint'], { cwd: STAGING_DIR, env: cleanEnv() });
		// Findings name the real files, so an editor opens the source, not the copy.
		const output = `${result.stdout}${result.stderr}`.split(STAGING_DIR + path.sep).join(PROJECT_ROOT + path.sep);
		process.stdout.write(output);

		if (result.code !== 0) return result.code;
		// The CLI forces colours on (FORCE_COLOR=1) whatever the environment says.
		const summary = stripVTControlCharacters(output).match(SUMMARY);
		if (summary && Number(summary[2]) > 0) {
			console.error(`n8n-node lint: ${summary[2]} warning(s); fix them (npm run lint allows none)`);
			return 1;
		}
		console.log('n8n-node lint (strict mode, default eslint.config.mjs): package.json, credentials/, nodes/ clean');
		return 0;
	} finally {
		rmSync(STAGING_DIR, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`n8n-node lint could not run: ${error.message}`);
		process.exit(1);
	},
);
