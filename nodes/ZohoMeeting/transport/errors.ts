import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeZohoError } from './errorCodes';
import type { Headers } from './rateLimit';

/**
 * What went wrong with one request, lifted out of whatever n8n threw: n8n wraps the
 * axios error in a NodeApiError (cause), and a failed OAuth refresh surfaces as
 * client-oauth2's AuthError (code EAUTH). Only these plain fields are kept, never the
 * request config, so no Authorization header can travel on into an error.
 */
export interface Failure {
	status?: number;
	headers?: Headers;
	data?: unknown;
	code?: string;
	message: string;
	refreshFailed: boolean;
	/** The status of a token endpoint that answered a refresh with no token and no OAuth error. */
	tokenEndpointStatus?: number;
}

interface ErrorLike {
	message?: unknown;
	code?: unknown;
	cause?: unknown;
	response?: { status?: unknown; headers?: unknown; data?: unknown };
	body?: unknown;
	status?: unknown;
}

function innermost(error: unknown): ErrorLike {
	let current = error as ErrorLike;
	for (let depth = 0; depth < 5; depth++) {
		if (current?.response || current?.code === 'EAUTH') return current;
		const cause = current?.cause as ErrorLike | undefined;
		if (!cause || typeof cause !== 'object') return current;
		current = cause;
	}
	return current;
}

export function toFailure(error: unknown): Failure {
	const inner = innermost(error);
	const response = inner?.response;
	const code = typeof inner?.code === 'string' ? inner.code : undefined;
	let status = typeof response?.status === 'number' ? response.status : undefined;
	// axios reports a body that broke off after a 2xx status line ("stream has been
	// aborted", ERR_BAD_RESPONSE) with the response it had begun. That is a failed
	// connection, not an answer: retried like one when idempotent, and for a create it
	// means Zoho may have done it.
	if (status !== undefined && status < 300 && code !== undefined) status = undefined;
	return {
		status,
		headers: (response?.headers as Headers | undefined) ?? undefined,
		data: response?.data,
		code,
		message: typeof inner?.message === 'string' ? inner.message : String(inner),
		refreshFailed: code === 'EAUTH',
		// client-oauth2's ResponseError: the token endpoint's answer was neither a token nor
		// an OAuth error (an HTML page, a redirect, a 4xx without `error`).
		tokenEndpointStatus: code === 'ESTATUS' && typeof inner?.status === 'number' ? inner.status : undefined,
	};
}

/** The spec's error envelope, `{status:"error", error:{code, message}}`, if the body is one. */
export function zohoErrorOf(data: unknown): { code: string; message: string } | undefined {
	const body = typeof data === 'string' ? tryParseJson(data) : data;
	const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
	if (error && typeof error === 'object' && typeof error.code === 'string') {
		return { code: error.code, message: typeof error.message === 'string' ? error.message : '' };
	}
	return undefined;
}

export function tryParseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

const MAY_HAVE_APPLIED =
	'so it was not sent again (a second create would make a duplicate). Check Zoho Meeting before running this item again.';

const RECONNECT =
	'Open the Zoho Meeting credential in n8n and click "Reconnect" to sign in to Zoho again. If it keeps failing, check that the credential\'s data center matches your Zoho account.';

const STATUS_FIXES: Record<number, string> = {
	400: 'Check the values of this operation\'s fields.',
	403: 'The credential lacks a scope this operation needs: add it to the Scope field and reconnect.',
	404: 'Check the key or ID used by this operation.',
	429: 'Too many calls for your Zoho Meeting plan: wait, spread the workflow out, or upgrade the plan.',
};

function contentTypeOf(headers: Headers | undefined): string {
	const value = headers?.['content-type'] ?? headers?.['Content-Type'];
	return typeof value === 'string' ? value.split(';')[0] : 'no content type';
}

export interface ErrorContext {
	itemIndex?: number;
	method: string;
	/** True when the request may have been applied though no answer came (a lost POST). */
	mayHaveApplied?: boolean;
	resetAt?: number;
}

/** One NodeApiError per failure, naming the Zoho code and saying how to fix it. */
export function toNodeApiError(node: INode, failure: Failure, context: ErrorContext): NodeApiError {
	const { itemIndex } = context;
	const build = (message: string, description: string, httpCode?: number, zohoCode?: string) => {
		const error = new NodeApiError(
			node,
			{ message, errorCode: zohoCode ?? failure.code ?? null, httpCode: httpCode ?? null } as JsonObject,
			{ message, description, httpCode: httpCode === undefined ? undefined : String(httpCode), itemIndex },
		);
		// NodeApiError swaps a message that mentions ECONNRESET & co. for a generic
		// sentence; ours already says what happened and to what.
		error.message = message;
		return error;
	};

	if (failure.refreshFailed) {
		return build(
			`The Zoho Meeting credential could not be refreshed: ${failure.message}`,
			`Zoho rejected the stored refresh token. ${RECONNECT}`,
			401,
			'INVALID_TOKEN',
		);
	}

	if (failure.code === 'ESTATUS') {
		const answer = failure.tokenEndpointStatus ? `HTTP ${failure.tokenEndpointStatus}` : 'something else';
		return build(
			`The Zoho Meeting credential could not be refreshed: Zoho's token endpoint answered ${answer} without a token`,
			"Zoho Accounts (or a proxy in front of it) did not answer the token refresh as OAuth expects; try again later. If it keeps failing, check the credential's data center (or Accounts URL), then reconnect it.",
		);
	}

	const zoho = zohoErrorOf(failure.data);
	if (failure.status === 401) {
		const code = zoho?.code ?? 'INVALID_TOKEN';
		return build(
			`${code}: ${zoho?.message || 'Zoho rejected the access token'}`,
			`Zoho still rejected the access token after n8n refreshed it. ${RECONNECT}`,
			401,
			code,
		);
	}

	if (zoho && failure.status !== undefined) {
		const known = describeZohoError(zoho.code);
		let description = known?.fix ?? STATUS_FIXES[failure.status] ?? 'See the Zoho Meeting API documentation for this error.';
		if (failure.status === 429 && context.resetAt) {
			description = `The rate-limit window resets at ${new Date(context.resetAt).toISOString()}. ${description}`;
		}
		return build(
			`${zoho.code}: ${zoho.message || known?.message || 'Zoho Meeting reported an error'}`,
			description,
			failure.status,
			zoho.code,
		);
	}

	if (failure.status !== undefined) {
		const fix =
			failure.status === 429 && context.resetAt
				? `The rate-limit window resets at ${new Date(context.resetAt).toISOString()}. ${STATUS_FIXES[429]}`
				: failure.status >= 500
					? 'Zoho Meeting (or a proxy in front of it) failed; try again later.'
					: failure.status < 300
						? context.mayHaveApplied
							? `Zoho Meeting accepted the request but its answer could not be read, ${MAY_HAVE_APPLIED}`
							: 'Zoho Meeting (or a proxy in front of it) answered with something other than the API\'s JSON; try again later.'
						: (STATUS_FIXES[failure.status] ?? 'See the Zoho Meeting API documentation.');
		return build(
			`Zoho Meeting answered HTTP ${failure.status} with an unexpected response (${contentTypeOf(failure.headers)})`,
			fix,
			failure.status,
		);
	}

	const timedOut = failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT';
	const what = timedOut
		? 'Zoho Meeting did not answer in time'
		: failure.code === 'ERR_BAD_RESPONSE'
			? `Zoho Meeting's answer broke off before its end (${failure.message})`
			: `Could not reach Zoho Meeting (${failure.code ?? failure.message})`;
	const description = context.mayHaveApplied
		? `The request may have reached Zoho Meeting before the connection failed, ${MAY_HAVE_APPLIED}`
		: 'Check the network and the credential\'s data center or API URL, then try again.';
	return build(what, description);
}
