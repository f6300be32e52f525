/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.tsx'],
	transform: {
		'^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
		// n8n-core loads the ESM-only file-type with import(), which jest 29 cannot serve
		// without --experimental-vm-modules: see test/harness/jest/dynamic-import-transformer.js.
		'/n8n-core/dist/.+\\.js$': '<rootDir>/test/harness/jest/dynamic-import-transformer.js',
	},
	// node_modules stay untransformed except the n8n-core file with that import().
	transformIgnorePatterns: [
		'/node_modules/(?!n8n-core/dist/execution-engine/node-execution-context/utils/binary-helper-functions\\.js$)',
	],
	moduleNameMapper: {
		// Loaded through Node's native require(esm): test/harness/jest/file-type.js.
		'^file-type$': '<rootDir>/test/harness/jest/file-type.js',
	},
	testTimeout: 60000,
};
