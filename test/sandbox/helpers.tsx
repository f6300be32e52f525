import { SandboxAdmin } from '../../sandbox/client';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';
import { SANDBOX_ORGANIZATION } from '../../sandbox/tokens';

export interface ApiResponse {
	status: number;
	headers: Headers;
	// The tests read the parsed JSON by path, as a user of the API would.
	body: any;
	/** The body as text: what a test reads when it is not JSON (an HTML page). */
	text: string;
}

export interface CallOptions {
	body?: unknown;
	/** Defaults to the harness's token; `null` sends no Authorization header. */
	token?: string | null;
	scheme?: 'Bearer' | 'Zoho-oauthtoken';
	headers?: Record<string, string>;
}

/**
 * One sandbox for a test file, started in-process on a free port, emptied before each
 * test and given a fresh all-scopes token.
 */
export class Harness {
	sandbox!: Sandbox;
	admin!: SandboxAdmin;
	token = '';

	constructor(private readonly options: SandboxOptions = {}) {
		beforeAll(async () => {
			this.sandbox = await startSandbox({ quiet: true, ...this.options });
			this.admin = new SandboxAdmin(this.sandbox.url);
		});
		afterAll(() => this.sandbox.close());
		beforeEach(async () => {
			await this.admin.reset({ revokeTokens: true });
			this.token = (await this.admin.issueTokens()).access_token;
		});
	}

	get url(): string {
		return this.sandbox.url;
	}

	/** A call to `/api/v2<path>`; the body is sent as JSON. */
	api(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
		return this.request(method, `/api/v2${path}`, options);
	}

	/** A call to a path of the sandbox's own origin; the body is sent as JSON. */
	async request(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
		const token = options.token === undefined ? this.token : options.token;
		const headers: Record<string, string> = { ...options.headers };
		if (token !== null) headers.Authorization = `${options.scheme ?? 'Bearer'} ${token}`;
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			redirect: 'manual',
		});
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: parsedJson(text), text };
	}

	/** `grant_type=refresh_token` at the token endpoint, with the sandbox's client credentials. */
	async refresh(refreshToken: string): Promise<ApiResponse> {
		const response = await fetch(`${this.url}/oauth/v2/token`, {
			method: 'POST',
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				client_id: this.sandbox.clientId,
				client_secret: this.sandbox.clientSecret,
				refresh_token: refreshToken,
			}),
		});
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
	}

	/** A meeting scheduled through the API, starting `hoursAhead` from now. */
	async scheduleMeeting(fields: Record<string, unknown> = {}, hoursAhead = 24) {
		const response = await this.api('POST', '/meetings', {
			body: { topic: 'Planning', start_time: isoIn(hoursAhead * 3600), duration: 30, ...fields },
		});
		expect(response.status).toBe(201);
		return response.body.data;
	}
}

/** The body as JSON, or undefined when it is not (an HTML page, a cut-off answer). */
function parsedJson(text: string): any {
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		return undefined;
	}
}

/** The spec's timestamp format for an epoch time in ms. */
export const iso = (ms: number) =>
	new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** The spec's timestamp `seconds` from now (real time, which is the clock after a reset). */
export const isoIn = (seconds: number) => iso(Date.now() + seconds * 1000);

/** `minutes` after an ISO timestamp, in the spec's format. */
export const minutesAfter = (time: string, minutes: number) =>
	iso(Date.parse(time) + minutes * 60_000);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const expectZohoError = (response: ApiResponse, status: number, code: string) => {
	expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code });
	expect(response.body.status).toBe('error');
};

// ----- The organization dialect -----

export const { zsoid: ZSOID, zuid: ZUID } = SANDBOX_ORGANIZATION;

/** A path of the organization's meeting API: `/api/v2/{zsoid}<path>`. */
export const orgPath = (path: string) => `/api/v2/${ZSOID}${path}`;

/** A path of the organization's recording API: `/meeting/api/v2/{zsoid}<path>`. */
export const orgRecordingsPath = (path: string) => `/meeting/api/v2/${ZSOID}${path}`;

/** Zoho's documented answers to a bad token, an unknown key and a foreign organization. */
export const ORG_ERRORS = {
	invalidToken: { status: 400, body: { error: { code: 2000, message: 'INVALID_OAUTHTOKEN' } } },
	invalidKey: {
		status: 400,
		body: {
			error: { errorCode: 4000, message: 'The meeting key is invalid.', key: 'INVALID_MEETING_KEY' },
		},
	},
	unauthorizedUser: {
		status: 401,
		body: {
			error: {
				errorCode: 3001,
				message: 'You do not have permission to access this organization account.',
				key: 'UNAUTHORIZED_USER',
			},
		},
	},
};

export const expectOrgAnswer = (response: ApiResponse, expected: { status: number; body: unknown }) =>
	expect({ status: response.status, body: response.body }).toEqual(expected);

/** An undocumented failure of the organization dialect: the shared table's key and status. */
export const expectOrgFailure = (response: ApiResponse, status: number, key: string) => {
	expect({ status: response.status, key: response.body?.error?.key }).toEqual({ status, key });
	expect(response.body.error.errorCode).toBe(status);
};
