/**
 * `npm run lint`, first part: n8n's own `n8n-node lint` (@n8n/node-cli) in strict mode,
 * with the CLI's default eslint.config.mjs, at the package root, exactly as a user or
 * n8n's reviewers run `npx n8n-node lint`.
 *
 * The CLI runs `eslint .`, and the default config applies the community-node rules (no
 * `process`, no `setTimeout`, no `node:*` imports, no `console`) to every `**\/*.ts`. Those
 * rules are for what the package ships: credentials/ and nodes/ (n8n's community scanner
 * draws the same line: @n8n/scan-community-package, SOURCE_FILE_PATTERNS). The sandbox
 * (an HTTP server), the tests, the n8n runtime scripts and the benchmarks need exactly what
 * they forbid, so development code is written in `.tsx` files (no JSX in them), which the
 * default config does not match, and is type-checked by tsconfig.test.json.
 *
 * `n8n-node lint` exits 0 on warnings; this fails on them too, as `eslint --max-warnings 0`.
 */
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

import { cleanEnv, run } from '../n8n/processes';
import { PROJECT_ROOT } from '../n8n/runtime';

// eslint's summary line, e.g. "✖ 2 problems (0 errors, 2 warnings)".
const SUMMARY = /\((\d+) errors?, (\d+) warnings?\)/;

async function main(): Promise<number> {
	const cli = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'n8n-node');
	const result = await run(cli, ['lint'], { cwd: PROJECT_ROOT, env: cleanEnv() });
	const output = `${result.stdout}${result.stderr}`;
	process.stdout.write(output);

	if (result.code !== 0) return result.code;
	// The CLI forces colours on (FORCE_COLOR=1) whatever the environment says.
	const summary = stripVTControlCharacters(output).match(SUMMARY);
	if (summary && Number(summary[2]) > 0) {
		console.error(`n8n-node lint: ${summary[2]} warning(s); fix them (npm run lint allows none)`);
		return 1;
	}
	console.log('n8n-node lint (strict mode, default eslint.config.mjs): clean');
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`n8n-node lint could not run: ${error.message}`);
		process.exit(1);
	},
);
