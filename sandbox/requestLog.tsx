import type { IncomingHttpHeaders } from 'node:http';

import type { FaultType } from './faultTypes';
import type { ApiName } from './model';

export type RequestOrigin = 'api' | 'cdn' | 'oauth';

/** The scheme of the Authorization header; `null` when absent or not one of these. */
export type AuthScheme = 'Bearer' | 'Zoho-oauthtoken' | 'Basic' | null;

/**
 * What the sandbox saw of one request: enough for a test to check what the node sent,
 * how often and how fast it retried, and whether it leaked credentials to another
 * origin. Token values and client secrets are never recorded.
 */
export interface RequestLogEntry {
	seq: number;
	/** Real time (ISO 8601 with milliseconds): retries and back-off are measured on it. */
	time: string;
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	authScheme: AuthScheme;
	hadAuthorization: boolean;
	/** The status sent (or, with `lostResponse`, the one that would have been); null if none. */
	status: number | null;
	faultApplied?: FaultType;
	origin: RequestOrigin;
	/** The API dialect in force when the request arrived. */
	api: ApiName;
}

/** Enough for a long benchmark; the oldest entries go first. */
const MAX_ENTRIES = 100_000;

/** Form fields of the token endpoint that are secrets. */
const SECRET_FIELDS = ['client_secret', 'code', 'refresh_token', 'access_token'];

export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private nextSeq = 1;

	start(
		origin: RequestOrigin,
		method: string,
		url: URL,
		headers: IncomingHttpHeaders,
		api: ApiName,
	): RequestLogEntry {
		const entry: RequestLogEntry = {
			seq: this.nextSeq++,
			time: new Date().toISOString(),
			method,
			path: url.pathname,
			query: redact(Object.fromEntries(url.searchParams)),
			body: null,
			authScheme: authSchemeOf(headers.authorization),
			hadAuthorization: headers.authorization !== undefined,
			status: null,
			origin,
			api,
		};
		this.entries.push(entry);
		if (this.entries.length > MAX_ENTRIES) this.entries.shift();
		return entry;
	}

	list(origin?: RequestOrigin): RequestLogEntry[] {
		return origin ? this.entries.filter((entry) => entry.origin === origin) : [...this.entries];
	}

	get size(): number {
		return this.entries.length;
	}

	clear(): void {
		this.entries = [];
	}
}

export function authSchemeOf(header: string | undefined): AuthScheme {
	const scheme = header?.trim().split(/\s+/)[0]?.toLowerCase();
	if (scheme === 'bearer') return 'Bearer';
	if (scheme === 'zoho-oauthtoken') return 'Zoho-oauthtoken';
	if (scheme === 'basic') return 'Basic';
	return null;
}

/** Replaces secret form fields by `[redacted]`, keeping the rest for assertions. */
export function redact<T>(fields: T): T {
	if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return fields;
	const copy: Record<string, unknown> = { ...(fields as Record<string, unknown>) };
	for (const name of SECRET_FIELDS) {
		if (name in copy) copy[name] = '[redacted]';
	}
	return copy as T;
}
