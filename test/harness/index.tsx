/**
 * In-process n8n workflow harness: runs workflow JSON through n8n-core's WorkflowExecute
 * with real OAuth2 (token refresh included), filesystem binary data and captured logs.
 */
export { readBinary, type BinaryContent } from './binary';
export { CredentialStore, type NewCredential, type StoredCredential } from './credential-store';
export { ITEMS_SOURCE, MANUAL_TRIGGER, NO_OP } from './harness-nodes';
export { capturedLogs, capturedLogText, clearCapturedLogs, type CapturedLog } from './logger';
export type { NodeTypeMap } from './node-types';
export { PACKAGE_NAME } from './package-types';
export { resolveCredentialData } from './resolve-credential';
export { runListSearch, type RunListSearchOptions } from './run-list-search';
export { runPoll, type PollNode, type PollResult, type RunPollOptions } from './run-poll';
export { runWorkflow, type RunWorkflowOptions, type WorkflowRunResult } from './run-workflow';
export { ensureHarnessEnvironment, type HarnessEnvironment } from './setup';
export { linearWorkflow, type NodeSpec, type WorkflowJson } from './workflow';
export {
	connectedZohoCredential,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	ZOHO_CREDENTIAL_TYPE,
	type ApiChoice,
	type TokenPair,
} from './zoho-credential';
