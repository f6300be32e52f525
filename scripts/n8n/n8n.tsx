/**
 * Driving a real n8n: its CLI (import, execute, export) and its server (editor + REST).
 * Used by `npm start` and the e2e tests, for both the current n8n and the 1.x check.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { cleanEnv, freePort, run, startService, waitFor, type RunResult, type Service } from './processes';
import { n8nBin, RUNTIME_DIR, type N8nRuntime } from './runtime';

/**
 * n8n reaches out to its own online services at start and while the editor is open
 * (telemetry, version checks, templates, banners, the community-node and MCP catalogues,
 * license renewal). This machine reaches only the npm registry, so each is switched off.
 */
const OFFLINE_ENV: Record<string, string> = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_AI_ENABLED: 'false',
	// The vetted/unverified lists are fetched from n8n's catalogue; installed packages still load.
	N8N_VERIFIED_PACKAGES_ENABLED: 'false',
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
	N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
};

/** Local-only, deterministic settings shared by the server and the CLI commands. */
const LOCAL_ENV: Record<string, string> = {
	N8N_LISTEN_ADDRESS: '127.0.0.1',
	N8N_HOST: 'localhost',
	N8N_PROTOCOL: 'http',
	// The editor is served over plain http on localhost.
	N8N_SECURE_COOKIE: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	// `n8n execute` prints the failed execution at level info; below that it is lost.
	N8N_LOG_LEVEL: 'info',
	GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE ?? 'UTC',
};

export interface N8nOptions {
	runtime: N8nRuntime;
	/** N8N_USER_FOLDER: n8n keeps `.n8n/` (database, config, community packages) in it. */
	userFolder: string;
	env?: Record<string, string>;
}

export function n8nEnv({ runtime, userFolder, env }: N8nOptions, extra: Record<string, string>): NodeJS.ProcessEnv {
	return {
		...cleanEnv(),
		// Whatever n8n forks with `node` (the task runner) gets the same Node.js.
		PATH: [path.dirname(runtime.nodeBinary()), process.env.PATH].join(path.delimiter),
		...OFFLINE_ENV,
		...LOCAL_ENV,
		...runtime.env,
		N8N_USER_FOLDER: userFolder,
		...extra,
		...env,
	};
}

/** One credential in the format of `n8n import:credentials` / `export:credentials`. */
export interface CredentialFile {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** The workflow JSON n8n exports, imports and the editor copies. */
export interface WorkflowFile {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

export interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, BinaryRef> }> | null> };
	error?: { message: string; description?: string; [key: string]: unknown };
}

export interface BinaryRef {
	id?: string;
	data?: string;
	mimeType?: string;
	fileName?: string;
	fileSize?: string;
	[key: string]: unknown;
}

/** The part of n8n's IRun the tests read. */
export interface Execution {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message: string; description?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
	};
}

export interface ExecuteResult {
	ok: boolean;
	/** The exit code of `n8n execute`. */
	code: number;
	execution: Execution;
	/** Everything the command printed, for failure messages. */
	output: string;
}

/**
 * `n8n execute --rawOutput` prints log lines, then the execution as pretty JSON (on
 * failure through the logger, followed by more text). Pretty JSON opens with a line
 * `{` and closes with the first line `}` at column 0.
 */
export function parseExecutionOutput(output: string): Execution | undefined {
	const lines = output.split('\n');
	const start = lines.indexOf('{');
	if (start === -1) return undefined;
	const end = lines.indexOf('}', start);
	if (end === -1) return undefined;
	return JSON.parse(lines.slice(start, end + 1).join('\n')) as Execution;
}

/** The JSON of every item a node put out on its first output in its first run. */
export function outputOf(execution: Execution, nodeName: string): Array<Record<string, unknown>> {
	return itemsOf(execution, nodeName).map((item) => item.json);
}

export function itemsOf(
	execution: Execution,
	nodeName: string,
): Array<{ json: Record<string, unknown>; binary?: Record<string, BinaryRef> }> {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run`);
	const error = runs[0].error;
	if (error) throw new Error(`node "${nodeName}" failed: ${error.message}`);
	return runs[0].data?.main?.[0] ?? [];
}

/** The n8n command line, run against one user folder. */
export class N8nCli {
	constructor(readonly options: N8nOptions) {}

	get userFolder(): string {
		return this.options.userFolder;
	}

	/** Runs `n8n <args>`; resolves with the output whatever the exit code. */
	async run(args: string[], timeoutMs = 120_000): Promise<RunResult> {
		// n8n 2.x starts a task broker in every command that executes workflows; each needs
		// its own port, or it collides with the server's.
		const brokerPort = String(await freePort());
		const { runtime } = this.options;
		return await run(runtime.nodeBinary(), [n8nBin(runtime), ...args], {
			env: n8nEnv(this.options, { N8N_RUNNERS_BROKER_PORT: brokerPort }),
			timeoutMs,
		});
	}

	async runOrFail(args: string[], timeoutMs?: number): Promise<RunResult> {
		const result = await this.run(args, timeoutMs);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited with ${result.code}:\n${tail(result.stdout + result.stderr)}`);
		}
		return result;
	}

	/** Imports credentials; `data` is plain JSON, which n8n encrypts on import. */
	async importCredentials(credentials: CredentialFile[]): Promise<void> {
		await this.withTempFile('credentials.json', JSON.stringify(credentials), (file) =>
			this.runOrFail(['import:credentials', `--input=${file}`]),
		);
	}

	async importWorkflows(workflows: WorkflowFile[]): Promise<void> {
		if (workflows.length === 0) return;
		await this.withTempFile('workflows.json', JSON.stringify(workflows), (file) =>
			this.runOrFail(['import:workflow', `--input=${file}`]),
		);
	}

	/** Runs a saved workflow from its start node, as `n8n execute` does (about 6 s on 2.x). */
	async execute(workflowId: string): Promise<ExecuteResult> {
		const result = await this.run(['execute', `--id=${workflowId}`, '--rawOutput']);
		const output = result.stdout + result.stderr;
		const execution = parseExecutionOutput(result.stdout);
		if (!execution) throw new Error(`n8n execute printed no execution (exit ${result.code}):\n${tail(output)}`);
		const ok = result.code === 0 && !execution.data.resultData.error;
		return { ok, execution, output, code: result.code };
	}

	/** Imports a workflow and executes it; fails with n8n's own message when it fails. */
	async importAndExecute(workflow: WorkflowFile): Promise<Execution> {
		await this.importWorkflows([workflow]);
		return await this.executeOrFail(workflow);
	}

	/**
	 * Executes a workflow imported before (several in one `importWorkflows` save a whole
	 * n8n start each); fails with n8n's own message when it fails.
	 */
	async executeOrFail(workflow: Pick<WorkflowFile, 'id' | 'name'>): Promise<Execution> {
		const { ok, execution, output, code } = await this.execute(workflow.id);
		if (!ok) {
			const error = execution.data.resultData.error;
			// A run can succeed and n8n still exit non-zero (128: killed after the time-out).
			const why =
				error?.message ??
				`n8n execute exited with ${code} (execution status ${execution.status ?? 'unknown'}):\n${tail(output)}`;
			throw new Error(`workflow "${workflow.name}" failed: ${why}`);
		}
		return execution;
	}

	/**
	 * The bytes of a binary property an execution put out. n8n 2.x keeps binary data on
	 * disk by default (`filesystem` mode): the item carries only an id
	 * `filesystem-v2:<path under .n8n/storage>`; in `default` mode the item holds base64.
	 */
	readBinary(ref: BinaryRef): Buffer {
		const match = ref.id?.match(/^filesystem(?:-v2)?:(.+)$/);
		if (match) {
			const n8nFolder = path.join(this.userFolder, '.n8n');
			for (const storage of ['storage', 'binaryData']) {
				const file = path.join(n8nFolder, storage, match[1]);
				if (existsSync(file)) return readFileSync(file);
			}
			throw new Error(`binary data ${ref.id} is not under ${n8nFolder}/storage`);
		}
		if (ref.data) return Buffer.from(ref.data, 'base64');
		throw new Error(`binary property has neither an id nor data: ${JSON.stringify(ref)}`);
	}

	/** Credentials as stored in n8n's database, decrypted. */
	async exportCredentials(id?: string): Promise<CredentialFile[]> {
		return await this.withTempFile('export.json', '', async (file) => {
			const which = id ? `--id=${id}` : '--all';
			await this.runOrFail(['export:credentials', which, '--decrypted', `--output=${file}`]);
			return JSON.parse(readFileSync(file, 'utf8')) as CredentialFile[];
		});
	}

	private async withTempFile<T>(name: string, content: string, use: (file: string) => Promise<T>): Promise<T> {
		mkdirSync(path.join(RUNTIME_DIR, 'tmp'), { recursive: true });
		const dir = mkdtempSync(path.join(RUNTIME_DIR, 'tmp', 'cli-'));
		const file = path.join(dir, name);
		if (content) writeFileSync(file, content);
		try {
			return await use(file);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
}

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** n8n's internal REST API (what the editor uses), logged in with a session cookie. */
export class N8nRestClient {
	private cookie = '';

	constructor(readonly url: string) {}

	/** Creates the owner account on a new instance, or logs in to an existing one. */
	async ensureOwner(owner: Owner): Promise<void> {
		const settings = (await this.rest('GET', '/rest/settings')) as {
			userManagement?: { showSetupOnFirstLoad?: boolean };
		};
		if (settings.userManagement?.showSetupOnFirstLoad) {
			await this.rest('POST', '/rest/owner/setup', owner);
		} else {
			await this.login(owner);
		}
	}

	async login(owner: Pick<Owner, 'email' | 'password'>): Promise<void> {
		// n8n 2.x names the field emailOrLdapLoginId; 1.x took email.
		await this.rest('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
	}

	/** A GET route's answer as it comes (a file from /rest/binary-data, say), with the session cookie. */
	async fetchRaw(route: string): Promise<Response> {
		const response = await fetch(`${this.url}${route}`, { headers: this.cookie ? { cookie: this.cookie } : {} });
		if (!response.ok) throw new Error(`GET ${route} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
		return response;
	}

	/** Calls a route; answers its `data` (or the whole JSON body when it has none). */
	async rest(method: string, route: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.url}${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const auth = response.headers.get('set-cookie')?.match(/n8n-auth=[^;]+/)?.[0];
		if (auth) this.cookie = auth;
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text.slice(0, 500)}`);
		const parsed = text ? (JSON.parse(text) as { data?: unknown }) : {};
		return parsed.data ?? parsed;
	}
}

/** A running n8n server (editor, REST API, triggers). */
export class N8nServer extends N8nRestClient {
	private constructor(
		url: string,
		readonly service: Service,
		readonly cli: N8nCli,
		readonly logFile: string,
	) {
		super(url);
	}

	static async start(options: N8nOptions & { port?: number; logFile: string }): Promise<N8nServer> {
		const port = options.port ?? (await freePort());
		const url = `http://localhost:${port}`;
		const brokerPort = String(await freePort());
		const { runtime } = options;
		let output = '';
		const service = startService(runtime.nodeBinary(), [n8nBin(runtime), 'start'], {
			name: `n8n-${runtime.version}`,
			env: n8nEnv(options, {
				N8N_PORT: String(port),
				N8N_RUNNERS_BROKER_PORT: brokerPort,
				// The OAuth2 callback URL n8n shows and sends is built from this.
				N8N_EDITOR_BASE_URL: `${url}/`,
			}),
			logFile: options.logFile,
			onOutput: (chunk) => {
				output = (output + chunk).slice(-20_000);
			},
		});
		// n8n copies its editor's files (some 700 .js files) into <user folder>/.cache/n8n at each
		// start; `npx n8n-node lint` runs `eslint .` over the repository and would read them all.
		// They go once n8n has exited (its next start writes them again).
		void service.exited.then(() => rmSync(path.join(options.userFolder, '.cache', 'n8n'), { recursive: true, force: true }));
		const server = new N8nServer(url, service, new N8nCli(options), options.logFile);
		try {
			// The port opens before n8n has loaded nodes and run migrations; this line comes last.
			await waitFor('n8n to open the editor', async () => (output.includes('Editor is now accessible') ? true : undefined), {
				timeoutMs: 180_000,
				service,
			});
			await waitFor('n8n to answer', async () => ((await fetch(`${url}/rest/settings`)).ok ? true : undefined), {
				timeoutMs: 30_000,
				service,
			});
		} catch (error) {
			await service.stop();
			throw new Error(`${(error as Error).message}\n--- n8n output (${options.logFile}) ---\n${tail(output)}`);
		}
		return server;
	}

	async stop(): Promise<void> {
		await this.service.stop();
	}
}

function tail(text: string, lines = 40): string {
	return text.trim().split('\n').slice(-lines).join('\n');
}
