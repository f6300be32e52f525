const base = require('./jest.config.js');

/**
 * The reliability suite (`npm run test:reliability`): faults, bad input, token safety and
 * load through real workflows against the sandbox. Its files end in `.reliability.tsx`, so
 * the default config (which matches `*.test.tsx`) never runs them; globalTeardown prints the counts.
 * @type {import('jest').Config}
 */
module.exports = {
	...base,
	roots: ['<rootDir>/test/reliability'],
	testMatch: ['**/*.reliability.tsx'],
	globalSetup: '<rootDir>/test/reliability/globalSetup.tsx',
	globalTeardown: '<rootDir>/test/reliability/globalTeardown.tsx',
	testTimeout: 120000,
	slowTestThreshold: 30,
	// The load test mostly waits for rate-limit windows; the other files run meanwhile.
	maxWorkers: 2,
};
