import { SandboxAdmin } from '../../sandbox/client';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';

export interface ApiResponse {
	status: number;
	headers: Headers;
	// The tests read the parsed JSON by path, as a user of the API would.
	body: any;
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
	async api(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
		const token = options.token === undefined ? this.token : options.token;
		const headers: Record<string, string> = { ...options.headers };
		if (token !== null) headers.Authorization = `${options.scheme ?? 'Bearer'} ${token}`;
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(`${this.url}/api/v2${path}`, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			redirect: 'manual',
		});
		const text = await response.text();
		return {
			status: response.status,
			headers: response.headers,
			body: text ? JSON.parse(text) : undefined,
		};
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
		return { status: response.status, headers: response.headers, body: await response.json() };
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
