/**
 * Once per `npm run test:e2e`: build the package, provision n8n (first run only), start
 * the sandbox and n8n 2.x with the package, an owner and a connected credential.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { buildPackage } from '../../scripts/n8n/package';
import { provision, seconds } from '../../scripts/n8n/provision';
import { startStack, type Stack } from '../../scripts/n8n/stack';
import { E2E_DIR, STATE_FILE, type E2eState } from './stack';

const log = (line: string) => console.log(`[e2e] ${line}`);

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	console.log('');
	log('building the package');
	await buildPackage();
	await provision({ log });

	rmSync(E2E_DIR, { recursive: true, force: true });
	mkdirSync(E2E_DIR, { recursive: true });
	const logDir = path.join(E2E_DIR, 'logs');
	const stack = await startStack({ userFolder: path.join(E2E_DIR, 'n8n-user'), logDir, log });
	// globalTeardown runs in this same process and context.
	(globalThis as { __ZOHO_E2E_STACK__?: Stack }).__ZOHO_E2E_STACK__ = stack;

	const state: E2eState = {
		n8nUrl: stack.n8n.url,
		sandboxUrl: stack.sandbox.url,
		userFolder: stack.cli.userFolder,
		logDir,
		owner: stack.owner,
		credential: stack.credential,
	};
	writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
	log(`stack ready in ${seconds(Date.now() - started)}: n8n ${stack.n8n.url}, sandbox ${stack.sandbox.url}`);
}
