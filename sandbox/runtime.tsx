import type { RecordingCdn } from './cdn';
import type { FaultInjector } from './faults';
import type { RateLimiter } from './rateLimit';
import type { RequestLog } from './requestLog';
import type { OAuthClient } from './routes/oauth';
import type { Store } from './store';

/**
 * What the request handlers share; the admin API reaches all of it. Its own module so
 * that the server, which builds it, and the admin API, which the server calls, both
 * import it without importing each other.
 */
export interface SandboxRuntime {
	store: Store;
	faults: FaultInjector;
	log: RequestLog;
	rateLimiter: RateLimiter;
	cdn: RecordingCdn;
	client: OAuthClient;
	/** Aborted by `close()`, so delayed and hanging requests let go at once. */
	closing: AbortSignal;
	quiet: boolean;
}
