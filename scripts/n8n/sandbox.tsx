/**
 * The Zoho Meeting sandbox as a process of its own (`npm run sandbox`), for n8n to talk to.
 * A separate process, not `startSandbox()` in ours: n8n and the tests reach it over HTTP
 * like the real service, and stopping its process group leaves nothing behind.
 */
import path from 'node:path';

import { SandboxAdmin } from '../../sandbox/client';
import type { ApiName } from '../../sandbox/model';
import { cleanEnv, freePort, startService, waitFor, type Service } from './processes';
import { PROJECT_ROOT } from './runtime';

/** The sandbox's default OAuth client (sandbox/README, `startSandbox` defaults). */
export const SANDBOX_CLIENT = { clientId: 'sandbox-client-id', clientSecret: 'sandbox-client-secret' };

export interface RunningSandbox {
	url: string;
	admin: SandboxAdmin;
	service: Service;
	stop(): Promise<void>;
}

export async function startSandboxProcess(options: {
	port?: number;
	logFile: string;
	/** Approve the OAuth consent page without a click (ZOHO_SANDBOX_AUTO_APPROVE). */
	autoApprove?: boolean;
	/** The API's wire format (`--api=`); the sandbox's default is `v2`. */
	api?: ApiName;
}): Promise<RunningSandbox> {
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const tsNode = require.resolve('ts-node/dist/bin.js', { paths: [PROJECT_ROOT] });
	const args = [tsNode, '--transpile-only', path.join('sandbox', 'main.tsx')];
	if (options.api) args.push(`--api=${options.api}`);
	const service = startService(process.execPath, args, {
		name: 'sandbox',
		cwd: PROJECT_ROOT,
		env: {
			...cleanEnv(),
			ZOHO_SANDBOX_PORT: String(port),
			ZOHO_SANDBOX_AUTO_APPROVE: options.autoApprove === false ? '0' : '1',
		},
		logFile: options.logFile,
		stopTimeoutMs: 3000,
	});
	const admin = new SandboxAdmin(url);
	try {
		await waitFor('the sandbox to answer', async () => (await admin.state()) ?? undefined, {
			timeoutMs: 30_000,
			service,
		});
	} catch (error) {
		await service.stop();
		throw new Error(`${(error as Error).message} (sandbox log: ${options.logFile})`);
	}
	return { url, admin, service, stop: () => service.stop() };
}
