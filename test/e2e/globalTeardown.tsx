/** Stops what globalSetup started; nothing of the run may keep running. */
import { stopAllServices } from '../../scripts/n8n/processes';
import type { Stack } from '../../scripts/n8n/stack';

export default async function globalTeardown(): Promise<void> {
	const stack = (globalThis as { __ZOHO_E2E_STACK__?: Stack }).__ZOHO_E2E_STACK__;
	await stack?.stop();
	// Anything else a test started and could not stop (a failed test's n8n, say).
	await stopAllServices();
}
