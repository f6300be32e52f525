import { inspect } from 'node:util';

import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { systemClock } from '../../nodes/ZohoMeeting/transport/clock';
import { REQUEST_DEADLINE_MS } from '../../nodes/ZohoMeeting/transport/deadlines';
import { SandboxAdmin } from '../../sandbox/client';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import {
	capturedLogText,
	clearCapturedLogs,
	connectedZohoCredential,
	CredentialStore,
	ITEMS_SOURCE,
	linearWorkflow,
	MANUAL_TRIGGER,
	type NodeSpec,
	type NodeTypeMap,
	runPoll,
	type PollResult,
	runWorkflow,
	type WorkflowRunResult,
	ZOHO_CREDENTIAL_TYPE,
} from '../harness';
import type { ApiName } from '../../sandbox/model';
import { CREDENTIAL_API, SANDBOX_CREDENTIAL, ZOHO_MEETING_NODE, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';
import { count, countIn, writeLedger } from './ledger';

/** Every token the sandbox issues has this shape, whoever it was issued to. */
const TOKEN_SHAPE = /1000\.[0-9a-f]{32}\.[0-9a-f]{32}/g;

/**
 * The transport's waits shrunk this many times for fault cases: its real back-off and
 * rate-limit waits are checked in test/transport; here dozens of faults would make them
 * minutes. The policy functions still decide every wait, only faster.
 */
export const TIME_SCALE = 20;
/** The request timeout during fault cases, instead of the transport's 60 s. */
export const TEST_REQUEST_TIMEOUT_MS = 1000;

export interface ZohoNodeOptions {
	name?: string;
	continueOnFail?: boolean;
	onError?: INode['onError'];
}

export interface RunOptions {
	/** Input items for the first node; default a manual trigger's one empty item. */
	items?: IDataObject[];
	timezone?: string;
	nodeTypes?: NodeTypeMap;
}

/**
 * A sandbox and a connected credential for one reliability file, and a token scan of
 * everything each run leaves behind: output items (error items with their full error),
 * the run data as n8n would store it, and what n8n-core and the node logged. A test
 * fails if any scan finds a token, and the ledger counts what was scanned.
 */
export class ReliabilitySandbox {
	readonly credentials = new CredentialStore();
	private started?: { sandbox: Sandbox; admin: SandboxAdmin };
	private readonly secrets = new Set<string>();
	private leaks: string[] = [];

	/** `api`: the sandbox's dialect, and the credential's API (the organization's with its ID given). */
	constructor(readonly api: ApiName = 'v2') {}

	get sandbox(): Sandbox {
		return this.running().sandbox;
	}

	get admin(): SandboxAdmin {
		return this.running().admin;
	}

	private running() {
		if (!this.started) throw new Error('The sandbox is not running: call useReliabilitySandbox() first');
		return this.started;
	}

	async start(): Promise<void> {
		const sandbox = await startSandbox({ quiet: true, api: this.api });
		const admin = new SandboxAdmin(sandbox.url);
		this.started = { sandbox, admin };
		this.secrets.add(sandbox.clientSecret);
		const tokens = await this.issueTokens();
		this.credentials.create({
			type: ZOHO_CREDENTIAL_TYPE,
			...SANDBOX_CREDENTIAL,
			data: connectedZohoCredential(sandbox.url, tokens, undefined, CREDENTIAL_API[this.api]),
		});
	}

	async stop(): Promise<void> {
		await this.started?.sandbox.close();
	}

	/** Tokens straight from the sandbox, remembered so that every later scan looks for them. */
	async issueTokens() {
		const tokens = await this.admin.issueTokens();
		this.remember(tokens.access_token, tokens.refresh_token);
		return tokens;
	}

	/** A fresh working token pair in the credential, after a case that revoked or spoiled it. */
	async reconnect(): Promise<void> {
		const current = this.credentials.get(SANDBOX_CREDENTIAL.id);
		const tokens = await this.issueTokens();
		this.credentials.replaceData(SANDBOX_CREDENTIAL.id, {
			...current,
			oauthTokenData: { ...tokens, token_type: 'Bearer' },
		});
	}

	/** The credential's tokens now (n8n replaces them on every refresh). */
	currentTokens(): { access_token?: string; refresh_token?: string } {
		return (this.credentials.get(SANDBOX_CREDENTIAL.id).oauthTokenData ?? {}) as {
			access_token?: string;
			refresh_token?: string;
		};
	}

	zoho(parameters: INodeParameters, options: ZohoNodeOptions = {}): NodeSpec {
		return {
			name: options.name ?? ZOHO_NODE_NAME,
			type: ZOHO_MEETING_NODE,
			parameters,
			credentials: { [ZOHO_CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL },
			continueOnFail: options.continueOnFail,
			onError: options.onError,
		};
	}

	/** Runs the nodes one after the other, fed by `items` (or a manual trigger), then scans the run. */
	async run(nodes: NodeSpec[], options: RunOptions = {}): Promise<WorkflowRunResult> {
		const source: NodeSpec = options.items
			? { name: 'Items', type: ITEMS_SOURCE, parameters: { items: JSON.stringify(options.items) } }
			: { name: 'Start', type: MANUAL_TRIGGER };
		const result = await runWorkflow({
			workflow: linearWorkflow([source, ...nodes]),
			credentials: this.credentials,
			timezone: options.timezone,
			nodeTypes: options.nodeTypes,
		});
		this.scan(runText(result.data));
		return result;
	}

	async runZoho(
		parameters: INodeParameters,
		options: RunOptions & ZohoNodeOptions = {},
	): Promise<WorkflowRunResult> {
		return await this.run([this.zoho(parameters, options)], options);
	}

	/**
	 * One poll of a Zoho Meeting Trigger as an active workflow's; `staticData` carries its state.
	 * `node` sets its id (polls of one node id never overlap) or another credential.
	 */
	async poll(parameters: INodeParameters, staticData: IDataObject, node: Partial<Pick<INode, 'id' | 'credentials'>> = {}): Promise<PollResult> {
		let result: PollResult | undefined;
		let failure: unknown;
		try {
			result = await runPoll({
				node: {
					name: 'Zoho Meeting Trigger',
					type: `${ZOHO_MEETING_NODE}Trigger`,
					parameters,
					credentials: { [ZOHO_CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL },
					...node,
				},
				credentials: this.credentials,
				staticData,
			});
		} catch (error) {
			failure = error;
		}
		this.scan(runText({ result, failure, staticData }));
		if (failure) throw failure;
		return result as PollResult;
	}

	/** Token occurrences found since the last call (each test's afterEach asserts none). */
	takeLeaks(): string[] {
		const found = this.leaks;
		this.leaks = [];
		return found;
	}

	private remember(...values: Array<string | undefined>): void {
		for (const value of values) if (value) this.secrets.add(value);
	}

	/** Every token known by now, anything shaped like a token, and the client secret, found in `text`. */
	tokensIn(text: string): string[] {
		const tokens = this.currentTokens();
		this.remember(tokens.access_token, tokens.refresh_token);
		const found = new Set(text.match(TOKEN_SHAPE) ?? []);
		for (const secret of this.secrets) if (text.includes(secret)) found.add(secret);
		return [...found];
	}

	/** Scans a run and what was logged during it; the logs are cleared for the next run. */
	private scan(text: string): void {
		const found = this.tokensIn(`${text}\n${capturedLogText()}`);
		clearCapturedLogs();
		count('runsScanned');
		count('tokensLeaked', found.length);
		this.leaks.push(...found);
	}
}

/**
 * A workflow step that does something to the world, such as delete a meeting in the
 * sandbox, and passes its items on: what happens between two nodes of a real run.
 */
export function sideEffect(name: string, action: () => Promise<void> | void): { spec: NodeSpec; nodeTypes: NodeTypeMap } {
	const type = `reliability.${name.replace(/\W/g, '')}`;
	const description: INodeTypeDescription = {
		displayName: name,
		name: type,
		group: ['transform'],
		version: 1,
		description: name,
		defaults: { name },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};
	const node: INodeType = {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			await action();
			return [this.getInputData()];
		},
	};
	return { spec: { name, type }, nodeTypes: { [type]: node } };
}

/**
 * A run as n8n stores it (JSON) and as a developer inspects it (errors with their
 * message, stack, description and cause, which JSON leaves out).
 */
function runText(value: unknown): string {
	let json = '';
	try {
		json = JSON.stringify(value);
	} catch {
		// A circular structure: the inspected form below still covers every value.
	}
	return `${json}\n${inspect(value, { depth: Infinity, maxArrayLength: Infinity, maxStringLength: Infinity })}`;
}

export interface ReliabilityOptions {
	/** Shrink the transport's waits and request timeout (TIME_SCALE, TEST_REQUEST_TIMEOUT_MS). */
	fastPolicy?: boolean;
	/** The API dialect the sandbox speaks and the credential asks for (default `v2`). */
	api?: ApiName;
}

/**
 * The sandbox for one reliability file (or one dialect's `describe` of it): started before
 * its tests, reset before each, its logs cleared; after each test, no token may have shown
 * up anywhere; after all, the file's counts go to the ledger, those of the organization
 * dialect's cases also on their own.
 */
export function useReliabilitySandbox(options: ReliabilityOptions = {}): ReliabilitySandbox {
	const session = new ReliabilitySandbox(options.api);
	beforeAll(async () => await session.start());
	beforeEach(async () => {
		countIn(session.api);
		await session.admin.reset();
		clearCapturedLogs();
		if (options.fastPolicy) speedUpPolicy();
	});
	afterEach(() => {
		jest.restoreAllMocks();
		expect(session.takeLeaks()).toEqual([]);
	});
	afterAll(async () => {
		await session.stop();
		writeLedger(expect.getState().testPath ?? 'unknown');
	});
	return session;
}

/** The real clock, kept before any spy replaces it. */
const { sleep: realSleep, deadline: realDeadline } = systemClock;

/** Every wait the transport's policy decides runs TIME_SCALE times faster; an API call's deadline is TEST_REQUEST_TIMEOUT_MS. */
function speedUpPolicy(): void {
	jest.spyOn(systemClock, 'sleep').mockImplementation(async (ms, signal) => await realSleep(ms / TIME_SCALE, signal));
	jest
		.spyOn(systemClock, 'deadline')
		.mockImplementation((ms) => realDeadline(ms === REQUEST_DEADLINE_MS ? TEST_REQUEST_TIMEOUT_MS : ms / TIME_SCALE));
}
