/**
 * The whole local stack: the sandbox, and a real n8n with this package, an owner, a
 * connected credential and (optionally) the example workflows. `npm start` runs it for a
 * person; the e2e tests run the same for themselves.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_SCOPES } from '../../credentials/ZohoMeetingOAuth2Api.credentials';
import type { ApiName } from '../../sandbox/model';
import { N8nCli, N8nServer, type CredentialFile, type Owner, type WorkflowFile } from './n8n';
import { installFromWorkingTree, PACKAGE_NAME } from './package';
import { reapOrphans } from './processes';
import { N8N_CURRENT, PROJECT_ROOT, type N8nRuntime } from './runtime';
import { SANDBOX_CLIENT, startSandboxProcess, type RunningSandbox } from './sandbox';

/** The credential every example workflow refers to (examples/*.json). */
export const SANDBOX_CREDENTIAL = { id: 'zoho-sandbox', name: 'Zoho Meeting (sandbox)' };
export const CREDENTIAL_TYPE = 'zohoMeetingOAuth2Api';

export const DEFAULT_OWNER: Owner = {
	email: 'owner@example.com',
	password: 'Sandbox-Owner-1',
	firstName: 'Sandbox',
	lastName: 'Owner',
};

export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples');

export interface StackOptions {
	/** N8N_USER_FOLDER; kept between runs if the caller keeps it. */
	userFolder: string;
	/** Logs of n8n and the sandbox go here. */
	logDir: string;
	n8nPort?: number;
	sandboxPort?: number;
	/** The sandbox's API dialect; its default is `v2`. */
	sandboxApi?: ApiName;
	owner?: Owner;
	/** Import examples/*.json. */
	examples?: boolean;
	runtime?: N8nRuntime;
	/** Extra environment for n8n (server and CLI), e.g. N8N_DEFAULT_BINARY_DATA_MODE. */
	env?: Record<string, string>;
	log?: (line: string) => void;
}

export interface Stack {
	sandbox: RunningSandbox;
	n8n: N8nServer;
	cli: N8nCli;
	owner: Owner;
	credential: CredentialFile;
	examples: WorkflowFile[];
	stop(): Promise<void>;
}

/**
 * A credential that is already connected: tokens issued by the sandbox's admin API stand in
 * for the consent screen. n8n encrypts `data` on import; the hidden URL fields come from the
 * credential type's defaults (expressions on the data center).
 */
export async function sandboxCredential(sandbox: Pick<RunningSandbox, 'url' | 'admin'>): Promise<CredentialFile> {
	const tokens = await sandbox.admin.issueTokens({ scope: DEFAULT_SCOPES });
	return {
		...SANDBOX_CREDENTIAL,
		type: CREDENTIAL_TYPE,
		data: {
			dataCenter: 'custom',
			accountsUrl: sandbox.url,
			apiUrl: sandbox.url,
			...SANDBOX_CLIENT,
			scope: DEFAULT_SCOPES,
			oauthTokenData: {
				access_token: tokens.access_token,
				refresh_token: tokens.refresh_token,
				token_type: tokens.token_type,
				expires_in: tokens.expires_in,
				api_domain: tokens.api_domain,
			},
		},
	};
}

/**
 * examples/*.json, each with a stable id (derived from its file name when it has none, so a
 * second `npm start` updates the workflow instead of adding a copy) and its Zoho Meeting
 * nodes pointed at the sandbox credential.
 */
export function loadExamples(dir = EXAMPLES_DIR): WorkflowFile[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as WorkflowFile;
			const id = workflow.id ?? `ex${createHash('sha1').update(file).digest('hex').slice(0, 14)}`;
			const nodes = workflow.nodes.map((node) => {
				const credentials = node.credentials as Record<string, unknown> | undefined;
				if (!credentials?.[CREDENTIAL_TYPE]) return node;
				return { ...node, credentials: { ...credentials, [CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL } };
			});
			return { settings: {}, ...workflow, id, nodes, active: false };
		});
}

export async function startStack(options: StackOptions): Promise<Stack> {
	const log = options.log ?? (() => {});
	const runtime = options.runtime ?? N8N_CURRENT;
	const owner = options.owner ?? DEFAULT_OWNER;
	mkdirSync(options.logDir, { recursive: true });
	mkdirSync(options.userFolder, { recursive: true });
	reapOrphans(log);

	log('starting the Zoho Meeting sandbox');
	const sandbox = await startSandboxProcess({
		port: options.sandboxPort,
		logFile: path.join(options.logDir, 'sandbox.log'),
		api: options.sandboxApi,
	});
	let n8n: N8nServer | undefined;
	try {
		log(`installing ${PACKAGE_NAME} into ${path.relative(PROJECT_ROOT, options.userFolder)}/.n8n/nodes`);
		await installFromWorkingTree(options.userFolder);

		// Imports go through the CLI before the server starts, so only one process at a time
		// writes the SQLite database (the first command also runs n8n's migrations).
		const cli = new N8nCli({ runtime, userFolder: options.userFolder, env: options.env });
		const credential = await sandboxCredential(sandbox);
		log(`importing the credential "${credential.name}"`);
		await cli.importCredentials([credential]);
		const examples = options.examples ? loadExamples() : [];
		if (examples.length) {
			log(`importing ${examples.length} example workflow(s)`);
			await cli.importWorkflows(examples);
		}

		log(`starting n8n ${runtime.version}`);
		n8n = await N8nServer.start({
			runtime,
			userFolder: options.userFolder,
			port: options.n8nPort,
			logFile: path.join(options.logDir, 'n8n.log'),
			env: options.env,
		});
		await n8n.ensureOwner(owner);

		const server = n8n;
		return {
			sandbox,
			n8n: server,
			cli,
			owner,
			credential,
			examples,
			async stop() {
				await server.stop();
				await sandbox.stop();
			},
		};
	} catch (error) {
		await n8n?.stop();
		await sandbox.stop();
		throw error;
	}
}
