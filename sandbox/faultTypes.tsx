/**
 * Failures a test can arm for the next requests that match, to see how the node copes
 * with what real networks and real Zoho do now and then. The shapes live apart from the
 * injector (faults.ts) so that the request log can name a fault without importing it.
 */
export type Fault =
	/** Answers this status (and Zoho error code) instead of doing the request. */
	| {
			type: 'status';
			status?: number;
			code?: string;
			message?: string;
			body?: unknown;
			headers?: Record<string, string>;
			/** Adds `Retry-After` and `X-RateLimit-Reset`/`-Remaining: 0` headers that say "wait this long". */
			retryAfterSeconds?: number;
	  }
	| { type: 'delay'; ms: number }
	| { type: 'hang' }
	| { type: 'malformedJson'; status?: number }
	| { type: 'html'; status?: number }
	| { type: 'reset' }
	| { type: 'truncate'; bytes: number }
	| { type: 'lostResponse' }
	| { type: 'tokenError'; error?: string };

export type FaultType = Fault['type'];

export interface FaultRequest {
	method?: string;
	/** A regular expression tested against the request path (without the query). */
	path?: string;
	count?: number;
	fault: Fault;
}

export interface FaultRule {
	id: number;
	method: string | null;
	path: string | null;
	count: number;
	remaining: number;
	fault: Fault;
}

