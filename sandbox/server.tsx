import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { ADMIN_PREFIX, handleAdmin } from './admin';
import { type Dialect, failureReply, handleApi, sendReply } from './api';
import { RecordingCdn } from './cdn';
import { DIALECTS } from './dialects';
import { applyFault, FaultInjector } from './faults';
import { ApiError, Exchange } from './http';
import { type ApiName, defaultOrganizationVariants, limitsOfPlan, type SandboxConfig } from './model';
import type { PlanName } from './plans';
import { RateLimiter } from './rateLimit';
import { redact, RequestLog, type RequestOrigin } from './requestLog';
import { handleOAuth } from './routes/oauth';
import type { SandboxRuntime } from './runtime';
import { Store } from './store';
import { SANDBOX_ORGANIZATION } from './tokens';

export interface SandboxOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	host?: string;
	clientId?: string;
	clientSecret?: string;
	tokenTtlSeconds?: number;
	plan?: PlanName;
	rateLimitWindowSeconds?: number;
	/** Skip the consent page: `/oauth/v2/auth` redirects with a code at once. */
	autoApprove?: boolean;
	latencyMs?: number;
	recordingProcessingSeconds?: number;
	/** The wire format: `v2` (the default) or `organization`; the admin API can switch it. */
	api?: ApiName;
	/** No banner, no error output. */
	quiet?: boolean;
}

export interface Sandbox {
	/** `http://127.0.0.1:<port>`: the accounts server and the API host alike. */
	url: string;
	port: number;
	/** Origin of the recording "CDN" that `redirect` download mode sends clients to. */
	cdnUrl: string;
	clientId: string;
	clientSecret: string;
	/** The in-memory store, for in-process tests that look at or change state directly. */
	state: Store;
	close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const host = options.host ?? '127.0.0.1';
	const apiServer = createServer();
	const cdnServer = createServer();
	const sockets = trackSockets(apiServer, cdnServer);
	const port = await listen(apiServer, options.port ?? 0, host);
	const cdnPort = await listen(cdnServer, 0, host);
	const urlHost =
		host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	const url = `http://${urlHost}:${port}`;

	const store = new Store(url, initialConfig(options));
	const cdn = new RecordingCdn();
	cdn.baseUrl = `http://${urlHost}:${cdnPort}`;
	const abort = new AbortController();
	const runtime: SandboxRuntime = {
		store,
		faults: new FaultInjector(),
		log: new RequestLog(),
		rateLimiter: new RateLimiter(() => store.config.limits),
		cdn,
		client: {
			clientId: options.clientId ?? 'sandbox-client-id',
			clientSecret: options.clientSecret ?? 'sandbox-client-secret',
		},
		closing: abort.signal,
		quiet: options.quiet ?? false,
	};
	apiServer.on('request', (req, res) => void handleRequest(runtime, req, res, 'main'));
	cdnServer.on('request', (req, res) => void handleRequest(runtime, req, res, 'cdn'));

	if (!runtime.quiet) printBanner(url, runtime);
	return {
		url,
		port,
		cdnUrl: cdn.baseUrl,
		...runtime.client,
		state: store,
		close: async () => {
			abort.abort();
			for (const socket of sockets) socket.destroy();
			await Promise.all([closeServer(apiServer), closeServer(cdnServer)]);
		},
	};
}

function initialConfig(options: SandboxOptions): SandboxConfig {
	const plan = options.plan ?? 'enterprise';
	return {
		plan,
		limits: limitsOfPlan(plan, options.rateLimitWindowSeconds ?? 60),
		tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
		autoApprove: options.autoApprove ?? false,
		recordingProcessingSeconds: options.recordingProcessingSeconds ?? 300,
		recordingBytesPerMinute: 100_000,
		downloadMode: 'direct',
		latencyMs: options.latencyMs ?? 0,
		api: options.api ?? 'v2',
		organization: defaultOrganizationVariants(),
	};
}

/**
 * Every request: the admin API straight through; everything else is logged, may meet
 * an armed fault, and then goes to the CDN, the OAuth server or the API in the dialect
 * the configuration names at that moment.
 */
async function handleRequest(
	runtime: SandboxRuntime,
	req: IncomingMessage,
	res: ServerResponse,
	listener: 'main' | 'cdn',
): Promise<void> {
	const exchange = new Exchange(req, res);
	// Zoho's clock, not the host's: a test that moves the virtual clock sees a server whose
	// clock is set apart from n8n's, as the trigger must handle (docs/trigger.md).
	exchange.setHeader('Date', new Date(runtime.store.now()).toUTCString());
	try {
		if (listener === 'main' && exchange.path.startsWith(`${ADMIN_PREFIX}/`)) {
			await exchange.readBody();
			handleAdmin(exchange, runtime);
			return;
		}
		const origin: RequestOrigin =
			listener === 'cdn' ? 'cdn' : exchange.path.startsWith('/oauth/') ? 'oauth' : 'api';
		const dialect = dialectOf(runtime);
		const { method, url } = exchange;
		const entry = runtime.log.start(origin, method, url, req.headers, dialect.name);
		exchange.logEntry = entry;
		await exchange.readBody();
		entry.body = loggedBody(exchange);
		const fault = runtime.faults.take(exchange.method, exchange.path);
		if (fault) {
			entry.faultApplied = fault.type;
			if (await applyFault(exchange, fault, runtime.closing, dialect)) return;
		}
		if (origin === 'cdn') return await runtime.cdn.handle(exchange, runtime.store);
		if (origin === 'oauth') return await handleOAuth(exchange, runtime);
		if (!dialect.ownsPath(exchange.path)) {
			return await sendReply(exchange, dialect.unknownPath(exchange.method, exchange.path));
		}
		const latency = runtime.store.config.latencyMs;
		if (latency > 0) await sleep(latency, undefined, { signal: runtime.closing });
		await handleApi(exchange, { ...runtime, dialect });
	} catch (error) {
		await answerFailure(runtime, exchange, error);
	}
}

const dialectOf = (runtime: SandboxRuntime): Dialect => DIALECTS[runtime.store.config.api];

async function answerFailure(
	runtime: SandboxRuntime,
	exchange: Exchange,
	error: unknown,
): Promise<void> {
	if (runtime.closing.aborted || exchange.res.headersSent) {
		exchange.destroy();
		return;
	}
	if (!(error instanceof ApiError) && !runtime.quiet) {
		console.error('Zoho Meeting sandbox: unexpected error', error);
	}
	const failure = error instanceof ApiError ? error : new ApiError('INTERNAL_ERROR');
	await sendReply(exchange, failureReply(dialectOf(runtime), failure));
}

/** The body as a test wants to assert on it: JSON parsed, forms as fields, secrets redacted. */
function loggedBody(exchange: Exchange): unknown {
	if (exchange.rawBody.length === 0) return null;
	const text = exchange.rawBody.toString('utf8');
	const type = exchange.req.headers['content-type'] ?? '';
	if (type.includes('application/x-www-form-urlencoded')) {
		return redact(Object.fromEntries(new URLSearchParams(text)));
	}
	try {
		return redact(JSON.parse(text) as unknown);
	} catch {
		return text;
	}
}

function printBanner(url: string, runtime: SandboxRuntime): void {
	const api =
		runtime.store.config.api === 'v2'
			? `v2 (${url}/api/v2/meetings ...)`
			: `organization (${url}/api/v2/${SANDBOX_ORGANIZATION.zsoid}/sessions.json ...)`;
	console.log(
		[
			`Zoho Meeting sandbox listening on ${url}`,
			`  OAuth client id:     ${runtime.client.clientId}`,
			`  OAuth client secret: ${runtime.client.clientSecret}`,
			`  Authorization URL:   ${url}/oauth/v2/auth`,
			`  Access token URL:    ${url}/oauth/v2/token`,
			`  API base URL:        ${url}/api/v2`,
			`  API dialect:         ${api}`,
			`  Admin API:           ${url}${ADMIN_PREFIX}`,
			`  Recording CDN:       ${runtime.cdn.baseUrl}`,
		].join('\n'),
	);
}

function trackSockets(...servers: Server[]): Set<Socket> {
	const sockets = new Set<Socket>();
	for (const server of servers) {
		server.on('connection', (socket) => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
	}
	return sockets;
}

function listen(server: Server, port: number, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			const address = server.address();
			resolve(typeof address === 'object' && address ? address.port : port);
		});
	});
}

function closeServer(server: Server): Promise<void> {
	return new Promise((resolve) => server.close(() => resolve()));
}
