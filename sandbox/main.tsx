import { API_NAMES, type ApiName } from './model';
import { isPlanName } from './plans';
import { startSandbox } from './server';

/**
 * `npm run sandbox`: the sandbox as a process of its own, for demos, manual runs of n8n
 * against it and benchmarks. Settings come from the environment:
 *   ZOHO_SANDBOX_PORT (default 4010, 0 for any free port), ZOHO_SANDBOX_AUTO_APPROVE=1,
 *   ZOHO_SANDBOX_TOKEN_TTL (seconds), ZOHO_SANDBOX_PLAN, ZOHO_SANDBOX_LATENCY_MS,
 *   ZOHO_SANDBOX_API (v2 or organization),
 * and the flag `--api=organization` (`npm run sandbox -- --api=organization`), which
 * wins over ZOHO_SANDBOX_API.
 */

function numberFromEnv(name: string, fallback: number): number {
	const text = process.env[name];
	if (text === undefined || text === '') return fallback;
	const value = Number(text);
	if (!Number.isInteger(value) || value < 0) {
		throw new Error(`${name} must be a whole number, not "${text}"`);
	}
	return value;
}

function apiFromArguments(): ApiName {
	const flag = process.argv
		.slice(2)
		.find((arg) => arg.startsWith('--api='))
		?.slice('--api='.length);
	const api = flag ?? (process.env.ZOHO_SANDBOX_API || 'v2');
	if (!(API_NAMES as readonly string[]).includes(api)) {
		throw new Error(`--api (or ZOHO_SANDBOX_API) must be ${API_NAMES.join(' or ')}, not "${api}"`);
	}
	return api as ApiName;
}

async function main(): Promise<void> {
	const plan = process.env.ZOHO_SANDBOX_PLAN || 'enterprise';
	if (!isPlanName(plan)) {
		throw new Error(`ZOHO_SANDBOX_PLAN must be free, standard, professional or enterprise`);
	}
	const sandbox = await startSandbox({
		api: apiFromArguments(),
		port: numberFromEnv('ZOHO_SANDBOX_PORT', 4010),
		autoApprove: process.env.ZOHO_SANDBOX_AUTO_APPROVE === '1',
		tokenTtlSeconds: numberFromEnv('ZOHO_SANDBOX_TOKEN_TTL', 3600),
		latencyMs: numberFromEnv('ZOHO_SANDBOX_LATENCY_MS', 0),
		plan,
	});
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
