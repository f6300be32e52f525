/**
 * What the e2e tests share: the stack globalSetup started (sandbox + n8n 2.x), described
 * in a state file, and small helpers to build and run workflows in it.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { INode } from 'n8n-workflow';

import { SandboxAdmin } from '../../sandbox/client';
import { N8nCli, type CredentialFile, type Owner, type WorkflowFile } from '../../scripts/n8n/n8n';
import { PACKAGE_NAME } from '../../scripts/n8n/package';
import { N8N_CURRENT, RUNTIME_DIR, type N8nRuntime } from '../../scripts/n8n/runtime';
import { CREDENTIAL_TYPE, SANDBOX_CREDENTIAL, sandboxCredential } from '../../scripts/n8n/stack';
import { linearWorkflow, type NodeSpec } from '../harness/workflow';

/** Everything of one e2e run lives here; globalSetup empties it first. */
export const E2E_DIR = path.join(RUNTIME_DIR, 'e2e');
export const STATE_FILE = path.join(E2E_DIR, 'state.json');

export interface E2eState {
	n8nUrl: string;
	sandboxUrl: string;
	userFolder: string;
	logDir: string;
	owner: Owner;
	credential: CredentialFile;
}

/** How n8n addresses the package's nodes: `<package name>.<node name>`. */
export const ZOHO_MEETING = `${PACKAGE_NAME}.zohoMeeting`;
export const ZOHO_MEETING_TRIGGER = `${PACKAGE_NAME}.zohoMeetingTrigger`;
export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

export interface E2eStack extends E2eState {
	cli: N8nCli;
	sandbox: SandboxAdmin;
}

export function e2eStack(): E2eStack {
	const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2eState;
	return {
		...state,
		cli: new N8nCli({ runtime: N8N_CURRENT, userFolder: state.userFolder }),
		sandbox: new SandboxAdmin(state.sandboxUrl),
	};
}

/** A Zoho Meeting node using the sandbox credential. */
export function zohoNode(name: string, parameters: INode['parameters']): NodeSpec {
	return {
		name,
		type: ZOHO_MEETING,
		parameters,
		credentials: { [CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL },
	};
}

/**
 * A workflow of a Manual Trigger followed by `nodes` in a line, with a stable id (n8n
 * `execute` accepts ids of up to 21 characters). `active` is given: n8n 1.85's
 * import:workflow has no default for it and fails on the NOT NULL column.
 */
export function manualWorkflow(id: string, name: string, nodes: NodeSpec[]): WorkflowFile {
	if (id.length > 21) throw new Error(`workflow id "${id}" is longer than 21 characters`);
	const json = linearWorkflow([{ name: 'Start', type: MANUAL_TRIGGER }, ...nodes]);
	return {
		id,
		name,
		nodes: json.nodes as unknown as WorkflowFile['nodes'],
		connections: json.connections,
		settings: {},
		active: false,
	};
}

/** A workflow of the Zoho Meeting Trigger (node name "Zoho Meeting Trigger") alone. */
export function triggerWorkflow(id: string, name: string, parameters: INode['parameters']): WorkflowFile {
	const trigger = {
		id: 'trigger',
		name: 'Zoho Meeting Trigger',
		type: ZOHO_MEETING_TRIGGER,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL },
	};
	return { id, name, nodes: [trigger], connections: {}, settings: {} };
}

/** A resource locator value in `id` mode, as the editor saves it. */
export function byId(value: string): { __rl: true; mode: 'id'; value: string } {
	return { __rl: true, mode: 'id', value };
}

/**
 * An n8n of its own, driven through the CLI only, in a new user folder with the sandbox
 * credential imported (fresh tokens): for another n8n version or another way of
 * installing the package. The caller installs the package into `cli.userFolder`.
 */
export async function separateN8n(stack: E2eStack, name: string, runtime: N8nRuntime): Promise<N8nCli> {
	const userFolder = path.join(E2E_DIR, name);
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	const cli = new N8nCli({ runtime, userFolder });
	await cli.importCredentials([await sandboxCredential({ url: stack.sandboxUrl, admin: stack.sandbox })]);
	return cli;
}
