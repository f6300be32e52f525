import type {
	ClockState,
	ConfigPatch,
	IssueTokensRequest,
	ResetOptions,
	SeedRequest,
	SeedResult,
	StateSnapshot,
	TokenPair,
} from './admin';
import type { FaultRequest, FaultRule } from './faultTypes';
import type { PlanName } from './plans';
import type { RateLimits } from './rateLimit';
import type { RequestLogEntry, RequestOrigin } from './requestLog';
import type { ApiName, DownloadMode, OrganizationVariants, SandboxConfig } from './model';

/**
 * A typed client of the sandbox's admin API, for tests, demos and benchmarks, in
 * process or against `npm run sandbox`. It uses only `fetch`, so it needs nothing of
 * the sandbox at run time.
 */
export class SandboxAdmin {
	/** `baseUrl`: the sandbox URL, e.g. `http://127.0.0.1:4010` (or `sandbox.url`). */
	constructor(readonly baseUrl: string) {}

	/** Empties the account, clears faults, log and rate counters; keeps tokens unless `revokeTokens`. */
	reset(options: ResetOptions = {}): Promise<SandboxConfig> {
		return this.call('POST', '/reset', options);
	}

	seed(request: SeedRequest): Promise<SeedResult> {
		return this.call('POST', '/seed', request);
	}

	state(): Promise<StateSnapshot> {
		return this.call('GET', '/state');
	}

	clock(): Promise<ClockState> {
		return this.call('GET', '/clock');
	}

	advanceClock(seconds: number): Promise<ClockState> {
		return this.call('POST', '/clock/advance', { seconds });
	}

	/** Moves the virtual clock forward to `time` (never back). */
	setClock(time: string | Date): Promise<ClockState> {
		return this.call('POST', '/clock/set', {
			time: time instanceof Date ? time.toISOString() : time,
		});
	}

	config(): Promise<SandboxConfig> {
		return this.call('GET', '/config');
	}

	configure(patch: ConfigPatch): Promise<SandboxConfig> {
		return this.call('PATCH', '/config', patch);
	}

	/** Switches plan; its rate limits come with it. */
	setPlan(plan: PlanName): Promise<SandboxConfig> {
		return this.configure({ plan });
	}

	setLimits(limits: Partial<RateLimits>): Promise<SandboxConfig> {
		return this.configure({ limits });
	}

	setDownloadMode(downloadMode: DownloadMode): Promise<SandboxConfig> {
		return this.configure({ downloadMode });
	}

	/** Switches the API's wire format; the store, tokens and clock stay as they are. */
	setApi(api: ApiName): Promise<SandboxConfig> {
		return this.call('PUT', '/api', { api });
	}

	/** Picks how the organization dialect answers where Zoho's sources disagree. */
	setOrganizationVariants(variants: Partial<OrganizationVariants>): Promise<SandboxConfig> {
		return this.configure({ organization: variants });
	}

	/** An access token (and, by default, a refresh token) without going through consent. */
	issueTokens(request: IssueTokensRequest = {}): Promise<TokenPair> {
		return this.call('POST', '/oauth/tokens', request);
	}

	/** Every access token stops working now; refresh tokens still do. */
	expireTokens(): Promise<{ expired: number }> {
		return this.call('POST', '/oauth/expire');
	}

	/** Revokes one refresh token, or all of them. */
	revokeRefreshTokens(refreshToken?: string): Promise<{ revoked: number }> {
		return this.call(
			'POST',
			'/oauth/revoke-refresh',
			refreshToken ? { refresh_token: refreshToken } : {},
		);
	}

	injectFault(request: FaultRequest): Promise<FaultRule> {
		return this.call('POST', '/faults', request);
	}

	faults(): Promise<FaultRule[]> {
		return this.call('GET', '/faults');
	}

	clearFaults(): Promise<void> {
		return this.call('DELETE', '/faults');
	}

	requests(origin?: RequestOrigin): Promise<RequestLogEntry[]> {
		return this.call('GET', origin ? `/requests?origin=${origin}` : '/requests');
	}

	clearRequests(): Promise<void> {
		return this.call('DELETE', '/requests');
	}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/__admin${path}`, {
			method,
			headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (response.status === 204) return undefined as T;
		const payload = (await response.json()) as T & { error?: string };
		if (!response.ok) {
			throw new Error(
				`Sandbox admin ${method} ${path} failed with ${response.status}: ${payload.error}`,
			);
		}
		return payload;
	}
}
