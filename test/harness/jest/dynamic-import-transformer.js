'use strict';
/**
 * Jest transformer for the n8n-core files that jest.config.js routes here (see its
 * transformIgnorePatterns): it rewrites `import('x')` into `Promise.resolve().then(() =>
 * require('x'))`.
 *
 * Why: n8n-core is CommonJS but loads the ESM-only `file-type` with a dynamic import in
 * packages/core/src/execution-engine/node-execution-context/utils/binary-helper-functions.ts
 * (prepareBinaryData of a Buffer without a MIME type). Jest 29 runs modules in vm.Script and
 * only serves dynamic imports under `node --experimental-vm-modules`, so without this the
 * node fails with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG. As a require() the call goes
 * through jest's module registry and moduleNameMapper, which sends `file-type` to
 * ./file-type.js.
 */
const { createHash } = require('node:crypto');

const DYNAMIC_IMPORT = /\bimport\((['"])([^'"]+)\1\)/g;
const VERSION = '1';

module.exports = {
	process(sourceText) {
		return {
			code: sourceText.replace(
				DYNAMIC_IMPORT,
				(_match, quote, specifier) =>
					`Promise.resolve().then(() => require(${quote}${specifier}${quote}))`,
			),
		};
	},
	getCacheKey(sourceText, sourcePath) {
		return createHash('sha1').update(VERSION).update(sourcePath).update(sourceText).digest('hex');
	},
};
