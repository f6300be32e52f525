/**
 * End-to-end tests in a real n8n (`npm run test:e2e`). globalSetup builds the package,
 * provisions n8n (first run only) and starts the sandbox and n8n once for the whole run;
 * globalTeardown stops them. Tests run one at a time: each n8n CLI execution is a whole
 * n8n process, and the machine has two cores.
 * @type {import('jest').Config}
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	// *.e2e.ts, so the unit-test config (jest.config.js, **/*.test.ts) never picks these up.
	testMatch: ['**/*.e2e.tsx'],
	transform: {
		'^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	globalSetup: '<rootDir>/test/e2e/globalSetup.tsx',
	globalTeardown: '<rootDir>/test/e2e/globalTeardown.tsx',
	maxWorkers: 1,
	testTimeout: 180000,
	slowTestThreshold: 60,
};
