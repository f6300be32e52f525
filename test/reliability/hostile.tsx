import type { IncomingMessage, ServerResponse } from 'node:http';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ZohoClient } from '../../nodes/ZohoMeeting/transport/client';
import { systemClock } from '../../nodes/ZohoMeeting/transport/clock';
import { REQUEST_DEADLINE_MS } from '../../nodes/ZohoMeeting/transport/deadlines';
import { DOWNLOAD_IDLE_MS } from '../../nodes/ZohoMeeting/transport/download';
import { connectedZohoCredential, type WorkflowRunResult, ZOHO_CREDENTIAL_TYPE } from '../harness';
import type { ForeignRequest, ForeignServer } from '../helpers/foreignServer';
import { locator, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';
import type { ReliabilitySandbox, RunOptions, ZohoNodeOptions } from './session';

export { random as seeded, type Random } from '../helpers/random';

/**
 * What the hostile-server files (redirects, stalls, paging, fileNames, customUrls,
 * gateways) share: a faster transport clock, the node's operations with their HTTP
 * methods, a count of the transport's attempts, and a hostile Zoho API with one URL
 * prefix per generated case.
 */

const { sleep: realSleep, deadline: realDeadline } = systemClock;

/**
 * The transport's back-off 20 times faster, and both of its 60-second limits (an API
 * exchange's deadline, a download's idle timeout) `limitMs`, so that a stalled server
 * costs a case a second instead of minutes. The policy still decides every wait.
 */
export function fastTransport(limitMs: number): void {
	jest.spyOn(systemClock, 'sleep').mockImplementation(async (ms, signal) => await realSleep(ms / 20, signal));
	jest
		.spyOn(systemClock, 'deadline')
		.mockImplementation((ms) => realDeadline(ms === REQUEST_DEADLINE_MS || ms === DOWNLOAD_IDLE_MS ? limitMs : ms / 20));
}

/** One operation of the node, with parameters that pass its checks, and the request it sends. */
export interface Operation {
	name: string;
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** The sandbox path of its request, as a fault rule's regular expression. */
	path: string;
	/** Sent at most once whatever happens: a create, or an approval (it emails the registrant). */
	once: boolean;
	parameters: INodeParameters;
}

const MEETING_KEY = '1234567890';
const WEBINAR_KEY = '9876543210';

export const OPERATIONS: readonly Operation[] = [
	{
		name: 'Meeting > Get',
		method: 'GET',
		path: '^/api/v2/meetings/\\d+$',
		once: false,
		parameters: { resource: 'meeting', operation: 'get', meetingKey: locator('id', MEETING_KEY) },
	},
	{
		name: 'Meeting > Get Many',
		method: 'GET',
		path: '^/api/v2/meetings$',
		once: false,
		parameters: { resource: 'meeting', operation: 'getAll', returnAll: true },
	},
	{
		name: 'Recording > Get',
		method: 'GET',
		path: '^/api/v2/recordings/[^/]+$',
		once: false,
		parameters: { resource: 'recording', operation: 'get', recordingId: locator('id', 'REC_1') },
	},
	{
		name: 'Settings > Get',
		method: 'GET',
		path: '^/api/v2/settings$',
		once: false,
		parameters: { resource: 'settings', operation: 'get' },
	},
	{
		name: 'Meeting > Create',
		method: 'POST',
		path: '^/api/v2/meetings$',
		once: true,
		parameters: {
			resource: 'meeting',
			operation: 'create',
			topic: 'Quarterly review',
			startTime: '2099-01-01T10:00:00Z',
			duration: 30,
			timezone: 'UTC',
		},
	},
	{
		name: 'Webinar > Create',
		method: 'POST',
		path: '^/api/v2/webinars$',
		once: true,
		parameters: {
			resource: 'webinar',
			operation: 'create',
			topic: 'Product launch',
			startTime: '2099-01-15T13:00:00Z',
			duration: 90,
			timezone: 'UTC',
		},
	},
	{
		name: 'Participant > Add',
		method: 'POST',
		path: '/participants$',
		once: true,
		parameters: {
			resource: 'participant',
			operation: 'add',
			meetingKey: locator('id', MEETING_KEY),
			participants: { participant: [{ email: 'jane.smith@example.com', name: 'Jane Smith' }] },
		},
	},
	{
		name: 'Registration > Approve',
		method: 'PUT',
		path: '/approve$',
		once: true,
		parameters: {
			resource: 'registration',
			operation: 'approve',
			webinarKey: locator('id', WEBINAR_KEY),
			registrationId: 'REG_1',
		},
	},
	{
		name: 'Meeting > Update',
		method: 'PUT',
		path: '^/api/v2/meetings/\\d+$',
		once: false,
		parameters: { resource: 'meeting', operation: 'update', meetingKey: locator('id', MEETING_KEY), updateFields: { topic: 'Moved' } },
	},
	{
		name: 'Settings > Update',
		method: 'PUT',
		path: '^/api/v2/settings$',
		once: false,
		parameters: { resource: 'settings', operation: 'update', updateFields: { defaultMeetingDuration: 45 } },
	},
	{
		name: 'Meeting > Cancel',
		method: 'DELETE',
		path: '^/api/v2/meetings/\\d+$',
		once: false,
		parameters: { resource: 'meeting', operation: 'cancel', meetingKey: locator('id', MEETING_KEY) },
	},
	{
		name: 'Recording > Delete',
		method: 'DELETE',
		path: '^/api/v2/recordings/[^/]+$',
		once: false,
		parameters: { resource: 'recording', operation: 'delete', recordingId: locator('id', 'REC_1') },
	},
];

/** The output item of input item `index` (Continue On Fail keeps one per input item). */
export function itemOf(items: INodeExecutionData[], index: number): INodeExecutionData | undefined {
	return items.find((item) => (item.pairedItem as { item?: number } | undefined)?.item === index);
}

/** A short text of what a case's item ended in, for a list of problems. */
export function outcomeOf(item: INodeExecutionData | undefined): string {
	if (!item) return 'no output item';
	if (!item.error) return `succeeded: ${JSON.stringify(item.json).slice(0, 120)}`;
	return `${item.error.message} | ${(item.error as { description?: string }).description ?? ''}`;
}

/**
 * Runs `tasks`, at most `size` at a time, and returns their results in order. Stalled
 * servers hold sockets and timers: a few hundred at once would make the test's own load,
 * not the node, decide which try reaches the server before its deadline.
 */
export async function inBatches<T>(tasks: Array<() => Promise<T>>, size: number): Promise<T[]> {
	const results: T[] = new Array<T>(tasks.length);
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await tasks[index]();
		}
	};
	await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, worker));
	return results;
}

/**
 * The URLs of every attempt the transport makes, counted where it hands a request to n8n.
 * A server may never see an attempt that its deadline ended early (on a busy machine, the
 * deadline can pass before the request is written), so "sent once" is judged here, and
 * the server may only ever see fewer.
 */
export function countAttempts(): string[] {
	const urls: string[] = [];
	const send = ZohoClient.prototype.send;
	jest.spyOn(ZohoClient.prototype, 'send').mockImplementation(async function (this: ZohoClient, options, signal, authenticated) {
		urls.push(options.url);
		return await send.call(this, options, signal, authenticated);
	});
	return urls;
}

/** Answers a case's requests; `path` is below the case's prefix (`/api/v2/...`). */
export type CaseHandler = (request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams) => void;

export interface HostileCase {
	/** The credential whose API URL is this case's prefix on the hostile server. */
	credential: { id: string; name: string };
	/** The case's base URL on the hostile server (its API URL, or a file host's). */
	url: string;
	/** What the hostile server saw of this case, in order. */
	requests(): ForeignRequest[];
	/** Of `urls` (countAttempts), those to this case. */
	attempts(urls: string[]): number;
}

/**
 * A hostile Zoho Meeting API on a foreign server: each case gets a prefix (`/c17`) and a
 * credential (Custom data center) whose API URL is that prefix, so dozens of cases can run
 * at once on one server, each with its own answers and its own request log. The Accounts
 * URL stays the sandbox's, so the sandbox's OAuth log shows any refresh.
 */
export class HostileApi {
	private readonly handlers = new Map<string, CaseHandler>();
	private tokens?: Promise<{ access_token: string; refresh_token?: string }>;
	private count = 0;

	constructor(
		private readonly server: ForeignServer,
		private readonly zoho: ReliabilitySandbox,
	) {}

	async open(handler: CaseHandler): Promise<HostileCase> {
		this.server.answerWith((request, response) => this.route(request, response));
		const prefix = `/c${++this.count}`;
		this.handlers.set(prefix, handler);
		this.tokens ??= this.zoho.issueTokens();
		const credential = { id: `hostile${prefix.slice(1)}`, name: `Hostile Zoho ${prefix}` };
		const url = `${this.server.url}${prefix}`;
		this.zoho.credentials.create({
			type: ZOHO_CREDENTIAL_TYPE,
			...credential,
			data: { ...connectedZohoCredential(this.zoho.sandbox.url, await this.tokens), apiUrl: url },
		});
		return {
			credential,
			url,
			requests: () => this.server.requests.filter((request) => request.path.startsWith(`${prefix}/`)),
			attempts: (urls) => urls.filter((candidate) => candidate.startsWith(`${url}/`)).length,
		};
	}

	/** Runs one Zoho Meeting node on a case's credential. */
	async run(
		hostile: HostileCase,
		parameters: INodeParameters,
		options: RunOptions & ZohoNodeOptions = {},
	): Promise<WorkflowRunResult> {
		const node = { ...this.zoho.zoho(parameters, options), credentials: { [ZOHO_CREDENTIAL_TYPE]: hostile.credential } };
		return await this.zoho.run([node], options);
	}

	private route(request: IncomingMessage, response: ServerResponse): void {
		const url = new URL(request.url ?? '/', 'http://hostile');
		const prefix = /^\/c\d+/.exec(url.pathname)?.[0] ?? '';
		const handler = this.handlers.get(prefix);
		if (!handler) {
			response.writeHead(404).end();
			return;
		}
		handler(request, response, url.pathname.slice(prefix.length), url.searchParams);
	}
}

/** The API's success envelope. */
export const envelope = (data: unknown, extra: IDataObject = {}) => JSON.stringify({ status: 'success', data, ...extra });

/** The Zoho Meeting node's output in a run that did not fail. */
export const outputOf = (result: WorkflowRunResult) => result.output(ZOHO_NODE_NAME);
