import type { IHttpRequestOptions, IOAuth2Options } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FailureRules, WireRequest } from './dialects/dialect';
import { mayHaveApplied, toFailure, toNodeApiError, tryParseJson, type Failure } from './errors';
import { exchangeSignal, REQUEST_DEADLINE_MS } from './deadlines';
import { checkFileHost, mayCarryToken } from './fileHosts';
import { headerOf } from './headers';
import { resetTimeMs, type CallAnswer } from './rateLimit';
import { backoffMs, isTransient, MAX_TRANSIENT_RETRIES, retryDecision, type Attempts, type RetryDecision } from './retry';
import type { RawResponse, RequestChannel } from './channel';

/** One wire request and how to send it. */
export interface WireExchange {
	wire: WireRequest;
	itemIndex: number;
	/** Safe to send again after a failure that Zoho may have acted on. */
	idempotent: boolean;
	/** Return the body as a stream, and a redirect as an answer (a download follows it; download.ts). */
	stream: boolean;
	rules: FailureRules;
}

interface Prepared {
	options: IHttpRequestOptions;
	authenticated: boolean;
	oauth2?: IOAuth2Options;
}

function withoutEmpty(values: WireRequest['qs']): WireRequest['qs'] {
	if (!values) return undefined;
	return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/**
 * The n8n request for a wire request. API calls never follow redirects: a redirect is
 * answered, not obeyed. A file on another host (a recording's download address) gets the
 * token only on the credential's own hosts (fileHosts.ts).
 */
async function prepare(channel: RequestChannel, exchange: WireExchange): Promise<Prepared> {
	const { wire, itemIndex, stream } = exchange;
	const { apiUrl, tokenOrigins } = await channel.endpoint(itemIndex);
	const url = wire.url ?? `${apiUrl}${wire.path ?? ''}`;
	const authenticated = mayCarryToken(tokenOrigins, new URL(url));
	if (!authenticated) checkFileHost(channel.node, itemIndex, new URL(apiUrl), new URL(apiUrl), new URL(url), 'named a file at');
	const options: IHttpRequestOptions = {
		method: wire.method,
		url,
		qs: withoutEmpty(wire.qs),
		body: wire.body,
		json: true,
		returnFullResponse: true,
		disableFollowRedirect: true,
		timeout: REQUEST_DEADLINE_MS,
		...(stream ? { encoding: 'stream' as const } : {}),
	};
	return { options, authenticated, oauth2: exchange.rules.oauth2 };
}

/** A stopped execution ends the request at once, whatever it was doing. */
export function throwIfCancelled(channel: RequestChannel): void {
	if (channel.cancelSignal?.aborted) {
		throw new NodeOperationError(channel.node, 'The execution was stopped', {
			description: 'No further request was sent to Zoho Meeting.',
		});
	}
}

type Outcome = { response: RawResponse } | { error: unknown };

/** One try: a request slot of the run, a call of the account's budget, and the exchange under its deadline. */
async function attemptOnce(channel: RequestChannel, prepared: Prepared, itemIndex: number, stream: boolean): Promise<Outcome> {
	const { budget } = await channel.endpoint(itemIndex);
	await channel.slots.take(channel.cancelSignal);
	let sentAt: number;
	try {
		// The wait for room in the window is not part of the exchange: with other processes
		// on the account it can last the whole window (a minute at Zoho), longer than the
		// exchange's deadline, which starts when the call goes.
		sentAt = await budget.takeCall(channel.cancelSignal);
	} catch (error) {
		channel.slots.give();
		return { error };
	}
	const exchange = exchangeSignal(channel.clock, channel.cancelSignal);
	let answer: CallAnswer | undefined;
	try {
		const response = await channel.send(prepared.options, exchange.signal, prepared.authenticated, prepared.oauth2);
		answer = { status: response.statusCode, headers: response.headers };
		if (stream) exchange.keepForBody(response.body);
		else exchange.release();
		return { response };
	} catch (error) {
		exchange.release();
		const { status, headers } = toFailure(error);
		answer = { status, headers };
		return { error: exchange.signal.aborted ? exchange.signal.reason : error };
	} finally {
		budget.finishCall(answer, sentAt);
		channel.slots.openAll();
		channel.slots.give();
	}
}

export const isRedirect = (status: number | undefined) => status !== undefined && status >= 300 && status <= 399;

/** A 2xx whose body should be the API's JSON but is not (a proxy's page, a cut body). */
function isMalformed(response: RawResponse, rules: FailureRules): boolean {
	if (response.statusCode === 204) return false;
	if (typeof response.body === 'string' && response.body.trim() === '') return false;
	const body = typeof response.body === 'string' ? tryParseJson(response.body) : response.body;
	return !rules.isAnswer(body);
}

/** Reads at most 64 KiB of a stream's error body, so the Zoho error code in it can be named. */
export async function readSmallBody(body: unknown): Promise<unknown> {
	if (!body || typeof body !== 'object' || !(Symbol.asyncIterator in body)) return body;
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body as AsyncIterable<Buffer>) {
		chunks.push(chunk);
		size += chunk.length;
		if (size > 64 * 1024) break;
	}
	return tryParseJson(Buffer.concat(chunks).toString('utf8'));
}

/** How an error names where a redirect pointed: its origin, or what kind of address it was. */
function redirectTarget(location: string | undefined, url: string): string {
	if (!location?.trim()) return 'no address';
	try {
		const target = new URL(location, url);
		// A javascript:, data: or file: URL has no origin: the URL parser gives "null".
		return target.origin === 'null' ? `a ${target.protocol} address` : target.origin;
	} catch {
		return 'an unreadable address';
	}
}

/** The failure an outcome stands for, read by the shape's rules, or undefined for an answer the caller takes. */
async function failureOf(outcome: Outcome, url: string, exchange: WireExchange): Promise<Failure | undefined> {
	if ('response' in outcome) {
		const { response } = outcome;
		if (exchange.stream || !isMalformed(response, exchange.rules)) return undefined;
		return { status: response.statusCode, headers: response.headers, data: response.body, message: 'malformed response', refreshFailed: false, malformed: true };
	}
	const failure = toFailure(outcome.error);
	if (exchange.stream) failure.data = await readSmallBody(failure.data);
	if (isRedirect(failure.status)) failure.redirectTo = redirectTarget(headerOf(failure.headers, 'location'), url);
	failure.apiError = exchange.rules.readError(failure.data);
	failure.tokenRejected = failure.status !== undefined && exchange.rules.tokenRejected(failure.status, failure.apiError);
	return failure;
}

/** A download's redirect, which axios reports as an error: for download.ts to follow. */
function redirectAnswer(outcome: Outcome): RawResponse | undefined {
	if (!('error' in outcome)) return undefined;
	const { status, headers, data } = toFailure(outcome.error);
	return isRedirect(status) ? { statusCode: status as number, headers: headers ?? {}, body: data } : undefined;
}

/** n8n's own error (such as its "needs to be reconnected") as it is, any other as the node explains it. */
function asNodeError(channel: RequestChannel, error: unknown, itemIndex: number): NodeOperationError | NodeApiError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return toNodeApiError(channel.node, toFailure(error), { itemIndex });
}

/**
 * The new token, through n8n. A token endpoint that failed for a moment (a 5xx, a dropped
 * connection) is tried again with the request, as n8n does when it refreshes on a 401
 * itself: after a back-off, within the request's transient retries.
 */
async function refreshToken(channel: RequestChannel, attempts: Attempts, itemIndex: number): Promise<void> {
	try {
		await channel.refreshToken(itemIndex);
	} catch (error) {
		const failure = toFailure(error);
		if (!isTransient(failure) || attempts.transient >= MAX_TRANSIENT_RETRIES) throw asNodeError(channel, error, itemIndex);
		attempts.tokenRefreshed = false;
		await channel.clock.sleep(backoffMs(attempts.transient++), channel.cancelSignal);
	}
}

/** Carries out a retry decision; false when the request is to fail. */
async function followDecision(channel: RequestChannel, decision: RetryDecision, attempts: Attempts, itemIndex: number): Promise<boolean> {
	switch (decision.action) {
		case 'waitForWindow': {
			if (decision.counts) attempts.rateLimited++;
			attempts.rateLimitWaitedMs = (attempts.rateLimitWaitedMs ?? 0) + decision.ms;
			attempts.refusedUntil = decision.resetAt ?? attempts.refusedUntil;
			const { budget } = await channel.endpoint(itemIndex);
			await budget.sleepThroughWindow(decision.ms, channel.cancelSignal);
			return true;
		}
		case 'backOff':
			attempts.transient++;
			await channel.clock.sleep(decision.ms, channel.cancelSignal);
			return true;
		case 'refreshToken':
			// Zoho refused the token with an answer n8n does not take for an expired token (the
			// organization API's HTTP 400 INVALID_OAUTHTOKEN). Zoho did nothing, so even a
			// create is sent again, once, with the token n8n refreshes (one refresh per run).
			attempts.tokenRefreshed = true;
			await refreshToken(channel, attempts, itemIndex);
			return true;
		case 'retryIfTokenRefreshed':
			// n8n 1.x refreshes an expired token once per request in flight, and Zoho refuses more
			// than ten refreshes in ten minutes. A request whose refresh was refused while another
			// one's went through goes once more, with the token that one stored (its 401 means Zoho
			// did not act on it, so this holds for a create too).
			attempts.refreshRetried = true;
			return await channel.tokenRefreshedSince(itemIndex);
		default:
			return false;
	}
}

/**
 * Sends one wire request through n8n's authenticated HTTP helper, so n8n signs it with the
 * OAuth2 token and refreshes (and persists) the token on a 401. Waits out rate limits,
 * retries transient failures of idempotent requests, and refreshes once when the shape's
 * rules say Zoho refused the token; a request that is not idempotent is never sent twice
 * after Zoho may have acted on it.
 */
export async function sendWire(channel: RequestChannel, exchange: WireExchange): Promise<RawResponse> {
	const prepared = await prepare(channel, exchange);
	const attempts: Attempts = { idempotent: exchange.idempotent, rateLimited: 0, transient: 0, refreshRetried: false, tokenRefreshed: false };
	for (;;) {
		throwIfCancelled(channel);
		const outcome = await attemptOnce(channel, prepared, exchange.itemIndex, exchange.stream);
		throwIfCancelled(channel);
		const redirect = exchange.stream ? redirectAnswer(outcome) : undefined;
		if (redirect) return redirect;
		const failure = await failureOf(outcome, prepared.options.url, exchange);
		if (!failure) return (outcome as { response: RawResponse }).response;
		const { budget } = await channel.endpoint(exchange.itemIndex);
		const now = channel.clock.now();
		const decision = retryDecision(failure, attempts, now, budget.othersCalling());
		if (await followDecision(channel, decision, attempts, exchange.itemIndex)) continue;
		throw toNodeApiError(channel.node, failure, {
			itemIndex: exchange.itemIndex,
			mayHaveApplied: !exchange.idempotent && mayHaveApplied(failure),
			resetAt: failure.status === 429 ? resetTimeMs(failure.headers, channel.clock.now()) : undefined,
		});
	}
}
