import type {
	IDataObject,
	INode,
	INodeListSearchResult,
	INodeParameterResourceLocator,
	INodeParameters,
} from 'n8n-workflow';

import { SandboxAdmin } from '../../sandbox/client';
import type { ApiName } from '../../sandbox/model';
import type { RequestLogEntry } from '../../sandbox/requestLog';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import type { Store } from '../../sandbox/store';
import { SANDBOX_ORGANIZATION } from '../../sandbox/tokens';
import {
	type ApiChoice,
	connectedZohoCredential,
	CredentialStore,
	ITEMS_SOURCE,
	linearWorkflow,
	MANUAL_TRIGGER,
	PACKAGE_NAME,
	runListSearch,
	runWorkflow,
	type NodeTypeMap,
	type WorkflowJson,
	type WorkflowRunResult,
	ZOHO_CREDENTIAL_TYPE,
} from '../harness';

/**
 * n8n names a community package's node `<package name>.<node name>`: this is the type that
 * saved workflows and the files in examples/ use, and the harness registers it as such.
 */
export const ZOHO_MEETING_NODE = `${PACKAGE_NAME}.zohoMeeting`;

/** The credential reference the example workflows carry; the store holds it under this id. */
export const SANDBOX_CREDENTIAL = { id: 'zoho-sandbox', name: 'Zoho Meeting (sandbox)' };

/** The node's name in workflows built by `runZoho`. */
export const ZOHO_NODE_NAME = 'Zoho Meeting';

/** A resource locator parameter value, as the editor saves it. */
export const locator = (mode: 'list' | 'id' | 'url', value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode,
	value,
});

/** What a test asserts about a request the node sent. */
export type SentRequest = Pick<RequestLogEntry, 'method' | 'path' | 'query' | 'body'>;

export interface RunZohoOptions {
	/** Input items (one run of the node with all of them); default: a manual trigger's one item. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The node's "On Error" setting, e.g. 'continueErrorOutput'. */
	onError?: INode['onError'];
	/** The workflow's time zone. */
	timezone?: string;
	/** Another credential of `credentials` than the sandbox's (e.g. one pointing at a foreign server). */
	credential?: { id: string; name: string };
	/** Stops the execution once this settles, as the editor's Stop button does. */
	stopWhen?: Promise<unknown>;
	/** The node's typeVersion (default 1, as workflows saved before version 2 hold it). */
	typeVersion?: number;
	/** Node types that replace the harness's (e.g. the Zoho Meeting node, instrumented). */
	nodeTypes?: NodeTypeMap;
}

/** The sandbox's organization, as a credential of the organization API names it. */
export const SANDBOX_ZSOID = String(SANDBOX_ORGANIZATION.zsoid);

/**
 * The credential's API for a sandbox of each dialect: the organization's with its ID given,
 * so that no test but those about looking it up sees the look-up request.
 */
export const CREDENTIAL_API: Record<ApiName, ApiChoice> = {
	v2: { api: 'v2' },
	organization: { api: 'organization', organizationId: SANDBOX_ZSOID },
};

/**
 * A sandbox for one test file: started before the tests, emptied before each one, and a
 * connected Zoho Meeting credential that every workflow uses. `api` is the sandbox's
 * dialect (and the credential's API).
 */
export class SandboxSession {
	readonly credentials = new CredentialStore();

	private started?: { sandbox: Sandbox; admin: SandboxAdmin };

	constructor(readonly api: ApiName = 'v2') {}

	/** The sandbox's origin (API and accounts server alike). */
	get url(): string {
		if (!this.started) throw new Error('The sandbox is not running: call useSandbox() at the top of the file');
		return this.started.sandbox.url;
	}

	get admin(): SandboxAdmin {
		if (!this.started) throw new Error('The sandbox is not running: call useSandbox() at the top of the file');
		return this.started.admin;
	}

	/** The sandbox's store, for what its admin API does not do: move its clock back, hold a meeting early. */
	get store(): Store {
		if (!this.started) throw new Error('The sandbox is not running: call useSandbox() at the top of the file');
		return this.started.sandbox.state;
	}

	async start(): Promise<void> {
		const sandbox = await startSandbox({ quiet: true, api: this.api });
		const admin = new SandboxAdmin(sandbox.url);
		this.started = { sandbox, admin };
		this.credentials.create({
			type: ZOHO_CREDENTIAL_TYPE,
			...SANDBOX_CREDENTIAL,
			data: connectedZohoCredential(sandbox.url, await admin.issueTokens(), undefined, CREDENTIAL_API[this.api]),
		});
	}

	/**
	 * Another credential of the sandbox's account, with these API settings and a new id:
	 * the node learns an account's API shape once per credential, so each test that looks
	 * it up needs its own.
	 */
	async addCredential(choice: ApiChoice, scope?: string): Promise<{ id: string; name: string }> {
		const tokens = await this.admin.issueTokens(scope === undefined ? {} : { scope });
		const data = connectedZohoCredential(this.url, tokens, undefined, choice);
		const { id, name } = this.credentials.create({ type: ZOHO_CREDENTIAL_TYPE, name: `Zoho Meeting (${choice.api})`, data });
		return { id, name: name ?? '' };
	}

	async stop(): Promise<void> {
		await this.started?.sandbox.close();
	}

	/** Runs one Zoho Meeting node (named ZOHO_NODE_NAME) with these parameters. */
	async runZoho(parameters: INodeParameters, options: RunZohoOptions = {}): Promise<WorkflowRunResult> {
		const source = options.items
			? { name: 'Items', type: ITEMS_SOURCE, parameters: { items: JSON.stringify(options.items) } }
			: { name: 'Start', type: MANUAL_TRIGGER };
		const workflow = linearWorkflow([
			source,
			{
				name: ZOHO_NODE_NAME,
				type: ZOHO_MEETING_NODE,
				...(options.typeVersion !== undefined && { typeVersion: options.typeVersion }),
				parameters,
				credentials: { [ZOHO_CREDENTIAL_TYPE]: options.credential ?? SANDBOX_CREDENTIAL },
				continueOnFail: options.continueOnFail,
				onError: options.onError,
			},
		]);
		const { timezone, stopWhen, nodeTypes } = options;
		return await this.run(workflow, { timezone, stopWhen, nodeTypes });
	}

	/**
	 * What the picker `method` lists for a Zoho Meeting node holding `parameters`, as the
	 * editor asks for it (with the search box's text and the token of the previous page).
	 */
	async listSearch(
		method: string,
		parameters: INodeParameters,
		search: { filter?: string; paginationToken?: string } = {},
	): Promise<INodeListSearchResult> {
		return await runListSearch({
			node: {
				type: ZOHO_MEETING_NODE,
				parameters,
				credentials: { [ZOHO_CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL },
			},
			method,
			...search,
			credentials: this.credentials,
		});
	}

	async run(
		workflow: WorkflowJson,
		options: Pick<RunZohoOptions, 'timezone' | 'stopWhen' | 'nodeTypes'> | string = {},
	): Promise<WorkflowRunResult> {
		const { timezone, stopWhen, nodeTypes } = typeof options === 'string' ? { timezone: options } : options;
		return await runWorkflow({ workflow, credentials: this.credentials, timezone, stopWhen, nodeTypes });
	}

	/** The API requests the sandbox saw since the last reset (OAuth and file-host ones left out). */
	async apiRequests(): Promise<SentRequest[]> {
		const entries = await this.admin.requests('api');
		return entries.map(({ method, path, query, body }) => ({ method, path, query, body }));
	}
}

export function useSandbox(options: { api?: ApiName } = {}): SandboxSession {
	const session = new SandboxSession(options.api);
	beforeAll(async () => await session.start());
	beforeEach(async () => await session.admin.reset());
	afterAll(async () => await session.stop());
	return session;
}
