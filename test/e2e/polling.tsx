/**
 * Making an active polling trigger poll now. n8n polls at most once a minute on its
 * schedule, but it also polls once whenever a workflow is activated, with the node's
 * stored state like any scheduled poll (n8n-core's ActiveWorkflowTriggers.activatePollTrigger
 * when no durable scheduler is configured, the default); publishing the workflow again
 * therefore polls without waiting a minute.
 */
import type { N8nRestClient } from '../../scripts/n8n/n8n';
import { waitFor } from '../../scripts/n8n/processes';
import type { SandboxAdmin } from '../../sandbox/client';

/**
 * How many times the trigger has listed its objects so far: one request per poll of a
 * quiet account. `listPath` ends the path of the event's list request (New Recording's by default).
 */
export async function recordingListRequests(sandbox: SandboxAdmin, listPath = '/recordings'): Promise<number> {
	const requests = await sandbox.requests('api');
	return requests.filter((r) => r.method === 'GET' && r.path.endsWith(listPath)).length;
}

/** Waits until the trigger has listed its objects more often than `before` (a poll happened). */
export async function waitForPoll(sandbox: SandboxAdmin, before: number, what = 'a poll', listPath?: string): Promise<void> {
	await waitFor(what, async () => ((await recordingListRequests(sandbox, listPath)) > before ? true : undefined), {
		timeoutMs: 30_000,
	});
}

/** Deactivates (if active) and publishes the workflow again, and waits for the poll that starts. */
export async function pollNow(rest: N8nRestClient, sandbox: SandboxAdmin, workflowId: string, listPath?: string): Promise<void> {
	const before = await recordingListRequests(sandbox, listPath);
	const { versionId, active } = (await rest.rest('GET', `/rest/workflows/${workflowId}`)) as {
		versionId: string;
		active: boolean;
	};
	if (active) await rest.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	await rest.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
	// Activation finishes in the background after the REST call answers.
	await waitForPoll(sandbox, before, 'the activation poll', listPath);
}
