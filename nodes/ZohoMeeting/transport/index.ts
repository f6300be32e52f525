/**
 * Every request of the Zoho Meeting nodes goes through a ZohoClient made for the run:
 * client.ts (the run's shared state), request.ts (one request of the contract: translated
 * by the account's dialect), exchange.ts (one wire request: retries by retry.ts, a refused
 * token refreshed once), pagination.ts and pageRules.ts, download.ts and fileHosts.ts
 * (where files and the token may go), accounts.ts (what the process keeps per account:
 * rateLimit.ts's budget, apiShape.ts's API shape), errors.ts (what went wrong and how to
 * fix it), dialects/ (the wire shapes: v2.ts, organization*.ts).
 */
export { ZohoClient, type ClientOptions, type ZohoContext } from './client';
export { MAX_PER_PAGE } from './pagination';
export type { ApiRequest } from './channel';
export { RequestReached } from './request';
export { safeFileName } from './fileNames';
