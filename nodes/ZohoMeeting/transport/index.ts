/**
 * Every request of the Zoho Meeting nodes goes through a ZohoClient made for the run:
 * client.ts (the run's shared state), request.ts (one call, retries by retry.ts),
 * pagination.ts, download.ts, rateLimit.ts (the account's budget), errors.ts (what went
 * wrong and how to fix it), dialects/ (the wire shape).
 */
export { ZohoClient, type ClientOptions, type ZohoContext } from './client';
export { MAX_PER_PAGE } from './pagination';
export { RequestReached, type ApiRequest } from './request';
export { safeFileName } from './fileNames';
