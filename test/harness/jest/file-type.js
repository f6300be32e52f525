'use strict';
/**
 * `file-type` for code running under jest (moduleNameMapper in jest.config.js).
 *
 * file-type is ESM-only, and jest 29's own require() cannot load ES modules. Node itself can
 * since 20.19 (require(esm), unflagged, as long as the module has no top-level await), so
 * this loads it with Node's native require, resolved from n8n-core as n8n-core would. It is
 * a self-contained library, so living outside jest's module registry costs nothing.
 */
const builtinModule = process.getBuiltinModule?.('node:module');
if (!builtinModule || !process.features.require_module) {
	throw new Error(
		`file-type needs Node's require(esm) (Node >= 20.19); this is Node ${process.version}`,
	);
}
const nativeRequire = builtinModule.createRequire(require.resolve('n8n-core/package.json'));

module.exports = nativeRequire('file-type');
