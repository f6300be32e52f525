import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SandboxAdmin } from '../../sandbox/client';
import type { RequestLogEntry } from '../../sandbox/requestLog';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';
import {
	connectedZohoCredential,
	CredentialStore,
	PACKAGE_NAME,
	runPoll,
	ZOHO_CREDENTIAL_TYPE,
} from '../harness';
import type { TriggerEvent, TriggerState } from '../../nodes/ZohoMeetingTrigger/pollState';
import type { ApiName } from '../../sandbox/model';
import { CREDENTIAL_API } from '../helpers/sandboxWorkflow';

export const TRIGGER_TYPE = `${PACKAGE_NAME}.zohoMeetingTrigger`;

const SESSIONS = '^/api/v2/\\d+/sessions\\.json$';

/**
 * The list requests of each event in each dialect, as a fault's `path` pattern: the
 * organization API's are under the organization's ID (docs/zoho-api.md), and it has no
 * list of cancelled meetings or of registrations (the trigger refuses those events).
 */
export const LIST_PATTERNS: Record<ApiName, Record<TriggerEvent, string>> = {
	v2: {
		meetingCancelled: '^/api/v2/meetings$',
		meetingCompleted: '^/api/v2/meetings$',
		meetingScheduled: '^/api/v2/meetings$',
		newRegistration: '^/api/v2/webinars(/[^/]+/registrations)?$',
		recordingAvailable: '^/api/v2/recordings$',
	},
	organization: {
		meetingCancelled: SESSIONS,
		meetingCompleted: SESSIONS,
		meetingScheduled: SESSIONS,
		newRegistration: '^/api/v2/\\d+/webinar\\.json$',
		recordingAvailable: '^/meeting/api/v2/\\d+/recordings\\.json$',
	},
};
export const LIST_PATTERN = LIST_PATTERNS.v2;

export const HOUR_S = 3600;

/**
 * One in-process sandbox for a test file, reset before each test, in the dialect of
 * `options.api` (the credential's API follows it). Its rate limits are lifted so that only
 * faults a test arms can answer 429: the real per-minute window would make a test wait up
 * to a minute.
 */
export function useSandbox(options: SandboxOptions = {}) {
	const handle = { api: options.api ?? 'v2' } as {
		api: ApiName;
		sandbox: Sandbox;
		admin: SandboxAdmin;
		credentials: CredentialStore;
		ref: { id: string; name: string };
	};
	beforeAll(async () => {
		handle.sandbox = await startSandbox({ quiet: true, ...options });
		handle.admin = new SandboxAdmin(handle.sandbox.url);
	});
	afterAll(async () => await handle.sandbox.close());
	beforeEach(async () => {
		await handle.admin.reset({ revokeTokens: true, limits: { perWindow: 1e9, perDay: 1e9 } });
		handle.credentials = new CredentialStore();
		const tokens = await handle.admin.issueTokens();
		handle.ref = handle.credentials.create({
			type: ZOHO_CREDENTIAL_TYPE,
			data: connectedZohoCredential(handle.sandbox.url, tokens, undefined, CREDENTIAL_API[handle.api]),
		});
	});
	return handle;
}

export type SandboxHandle = ReturnType<typeof useSandbox>;

export interface TriggerOptions {
	lookBackWindow?: number;
	name?: string;
	/** More of the node's parameters: `filters`, `webinarKey`, `options` (merged with Look-Back Window). */
	parameters?: IDataObject;
	/** The workflow's static data: another trigger's, to go on as the same node with changed parameters. */
	staticData?: IDataObject;
}

/**
 * A Zoho Meeting Trigger node of one workflow: every poll shares its static data, as
 * n8n's active workflow does.
 */
export function trigger(handle: SandboxHandle, event: TriggerEvent, options: TriggerOptions = {}) {
	const staticData: IDataObject = options.staticData ?? {};
	const name = options.name ?? 'Zoho Meeting Trigger';
	const parameters: IDataObject = { event, ...options.parameters };
	if (options.lookBackWindow !== undefined) {
		parameters.options = { ...(parameters.options as IDataObject | undefined), lookBackWindow: options.lookBackWindow };
	}
	return {
		event,
		staticData,
		poll: async (mode: 'trigger' | 'manual' = 'trigger') =>
			await runPoll({
				node: {
					id: name,
					name,
					type: TRIGGER_TYPE,
					parameters: parameters as never,
					credentials: { [ZOHO_CREDENTIAL_TYPE]: handle.ref },
				},
				mode,
				credentials: handle.credentials,
				staticData,
			}),
		/** What the node stored, as n8n would persist it (a JSON copy). */
		state: (): TriggerState | undefined => {
			const node = staticData[`node:${name}`] as IDataObject | undefined;
			return node?.pollState === undefined ? undefined : structuredClone(node.pollState as unknown as TriggerState);
		},
		/** The node's whole static data as JSON text, to compare before and after. */
		snapshot: () => JSON.stringify(staticData[`node:${name}`] ?? {}),
	};
}

export type Trigger = ReturnType<typeof trigger>;

/** The API objects a poll emitted, as one flat list. */
export const emitted = (items: INodeExecutionData[][] | null): IDataObject[] =>
	items?.flatMap((output) => output.map((item) => item.json)) ?? [];

/** The list requests the sandbox saw for an event, in order. */
export async function listRequests(handle: SandboxHandle, event: TriggerEvent): Promise<RequestLogEntry[]> {
	return (await handle.admin.requests('api')).filter(
		(entry) => entry.method === 'GET' && new RegExp(LIST_PATTERNS[handle.api][event]).test(entry.path),
	);
}

/** The spec's timestamp for a virtual-clock instant. */
export const zohoTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
