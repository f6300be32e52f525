/**
 * `npm run scan`: n8n's community-package scanner on the package exactly as `npm pack`
 * builds it, the check n8n runs before it lists or verifies a community node.
 *
 * The scanner's CLI (`npx @n8n/scan-community-package <name>`) only scans published
 * versions: it checks their npm provenance, downloads the source the provenance points
 * at and the tarball, and lints both with `analyzePackage()`. Before a release neither is
 * on npm, so this runs the same two analyses on the local copies: the source (package.json,
 * nodes/ and credentials/, the scanner's SOURCE_FILE_PATTERNS) and the unpacked tarball
 * (its compiled .js and package.json). Provenance can only be checked once
 * .github/workflows/publish.yml has published with it (CONTRIBUTING.md, "Releasing").
 *
 * It also fails when the tarball holds anything besides dist/ and the files npm always
 * ships with a package (package.json, README.md, LICENSE.md, CHANGELOG.md).
 *
 * An .mjs file: the scanner is an ES module, and ts-node's CommonJS output would turn its
 * `import()` into a `require()`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHIPPED = /^(dist\/.+|package\.json|README\.md|LICENSE\.md|CHANGELOG\.md)$/;

const work = mkdtempSync(path.join(tmpdir(), 'zoho-meeting-scan-'));
let failed = false;
try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', `--pack-destination=${work}`], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	)[0];
	const files = packed.files.map((file) => file.path);
	console.log(`${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} KiB`);

	if (!files.some((file) => file.startsWith('dist/'))) {
		console.error('✗ the tarball has no dist/: run npm run build first');
		failed = true;
	}
	const unexpected = files.filter((file) => !SHIPPED.test(file));
	if (unexpected.length) {
		console.error(`✗ the tarball ships files besides dist/ and the package docs:\n  ${unexpected.join('\n  ')}`);
		failed = true;
	}

	const unpacked = path.join(work, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', unpacked, '--strip-components=1']);

	const legs = [
		['source (package.json, nodes/, credentials/)', PROJECT_ROOT, SOURCE_FILE_PATTERNS],
		[`tarball (${packed.filename}: dist/**/*.js, package.json)`, unpacked, ['**/*.js', 'package.json']],
	];
	for (const [name, dir, patterns] of legs) {
		const result = await analyzePackage(dir, patterns);
		// analyzePackage passes a folder it finds nothing to lint in; that proves nothing.
		if (result.passed && !result.message) {
			console.log(`✓ scanner analysis passed: ${name}`);
		} else {
			console.error(`✗ scanner analysis failed: ${name}: ${result.message}\n${result.details ?? ''}`);
			failed = true;
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
