import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeZohoError } from './errorCodes';
import { headerOf, type Headers } from './headers';

/**
 * What went wrong with one request, lifted out of whatever n8n threw: n8n wraps the
 * axios error in a NodeApiError (cause), and a failed OAuth refresh surfaces as
 * client-oauth2's AuthError (EAUTH) or ResponseError (ESTATUS). Only these plain fields
 * are kept, never the request config, so no Authorization header can travel on.
 */
export interface Failure {
	status?: number;
	headers?: Headers;
	data?: unknown;
	code?: string;
	message: string;
	/** The token refresh failed: Zoho refused it (EAUTH) or answered no token (ESTATUS). */
	refreshFailed: boolean;
	/** The status of a token endpoint that answered a refresh with no token and no OAuth error. */
	tokenEndpointStatus?: number;
	/** A 2xx whose body is not the API's JSON (a proxy's page, a cut body). */
	malformed?: boolean;
	/** For a redirect answer: the origin it pointed at (API calls never follow one). */
	redirectTo?: string;
	/** The API's error code and message, as the wire shape writes them (dialects/). */
	apiError?: { code: string; message: string };
	/** Zoho refused the access token in a way n8n does not refresh on by itself. */
	tokenRejected?: boolean;
}

interface ErrorLike {
	message?: unknown;
	code?: unknown;
	cause?: unknown;
	response?: { status?: unknown; headers?: unknown; data?: unknown };
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
	const response = inner?.response ?? answerKeptByN8n1(error);
	const code = typeof inner?.code === 'string' ? inner.code : undefined;
	let status = typeof response?.status === 'number' ? response.status : undefined;
	// axios reports a body that broke off after a 2xx status line ("stream has been
	// aborted", ERR_BAD_RESPONSE) with the response it had begun. That is a failed
	// connection, not an answer: for a create it means Zoho may have done it.
	if (status !== undefined && status < 300 && code !== undefined) status = undefined;
	return {
		status,
		headers: (response?.headers as Headers | undefined) ?? undefined,
		data: response?.data,
		code,
		message: typeof inner?.message === 'string' ? inner.message : String(inner),
		refreshFailed: code === 'EAUTH' || code === 'ESTATUS',
		tokenEndpointStatus: code === 'ESTATUS' && typeof inner?.status === 'number' ? inner.status : undefined,
	};
}

/** n8n 1.x's NodeApiError drops the axios error (its `cause` class field resets it) but keeps the status and a JSON body. */
function answerKeptByN8n1(error: unknown): ErrorLike['response'] {
	const wrapper = error as { httpCode?: unknown; context?: { data?: unknown } } | undefined;
	const httpCode = typeof wrapper?.httpCode === 'string' ? wrapper.httpCode : '';
	if (!/^[1-5]\d\d$/.test(httpCode)) return undefined;
	return { status: Number(httpCode), data: wrapper?.context?.data };
}

export function tryParseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The API's error envelope, `{status:"error", error:{code, message}}`, if the body is one. */
export function zohoErrorOf(data: unknown): { code: string; message: string } | undefined {
	const body = typeof data === 'string' ? tryParseJson(data) : data;
	const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
	if (error && typeof error === 'object' && typeof error.code === 'string') {
		return { code: error.code, message: typeof error.message === 'string' ? error.message : '' };
	}
	return undefined;
}

const apiErrorOf = (failure: Failure) => failure.apiError ?? zohoErrorOf(failure.data);

/**
 * Whether a request that is not idempotent may have been carried out though it failed:
 * no answer or a broken one, a gateway that gave up waiting for Zoho (502, 504), or a
 * 503 that is not Zoho's own JSON (a proxy's page). Such a request is never sent again.
 */
export function mayHaveApplied(failure: Failure): boolean {
	const { status } = failure;
	if (status === undefined || status < 300 || status === 502 || status === 504) return true;
	return status === 503 && !apiErrorOf(failure);
}

export interface ErrorContext {
	itemIndex?: number;
	/** True when a request that is not idempotent may have been applied (see mayHaveApplied). */
	mayHaveApplied?: boolean;
	/** When the rate-limit window resets, for a 429. */
	resetAt?: number;
}

interface Explanation {
	message: string;
	description: string;
	httpCode?: number;
	errorCode?: string;
}

type Rule = (failure: Failure) => Explanation | undefined;

const RECONNECT =
	'Open the Zoho Meeting credential in n8n and click "Reconnect" to sign in to Zoho again. If it keeps failing, check that the credential\'s data center matches your Zoho account.';

const STATUS_FIXES: Record<number, string> = {
	400: "Check the values of this operation's fields.",
	403: 'The credential lacks a scope this operation needs: add it to the Scope field and reconnect.',
	404: 'Check the key or ID used by this operation.',
	429: 'Too many calls for your Zoho Meeting plan: wait, spread the workflow out, or upgrade the plan.',
};

const contentTypeOf = (headers: Headers | undefined) =>
	headerOf(headers, 'content-type')?.split(';')[0] ?? 'no content type';

const fixOfStatus = (status: number) =>
	status >= 500
		? 'Zoho Meeting (or a proxy in front of it) failed; try again later.'
		: status < 300
			? "Zoho Meeting (or a proxy in front of it) answered with something other than the API's JSON; try again later."
			: (STATUS_FIXES[status] ?? 'See the Zoho Meeting API documentation.');

function whatFailed(failure: Failure): string {
	if (failure.code === 'EDEADLINE') return `Zoho Meeting did not finish answering in time (${failure.message})`;
	if (failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT') return 'Zoho Meeting did not answer in time';
	if (failure.code === 'ERR_BAD_RESPONSE') return `Zoho Meeting's answer broke off before its end (${failure.message})`;
	return `Could not reach Zoho Meeting (${failure.code ?? failure.message})`;
}

/** Why a request failed and how to fix it: the first rule that knows the failure says. */
const RULES: Rule[] = [
	(f) =>
		f.code === 'ESTATUS'
			? {
					message: `The Zoho Meeting credential could not be refreshed: Zoho's token endpoint answered ${f.tokenEndpointStatus ? `HTTP ${f.tokenEndpointStatus}` : 'something else'} without a token`,
					description:
						"Zoho Accounts (or a proxy in front of it) did not answer the token refresh as OAuth expects; try again later. If it keeps failing, check the credential's data center (or Accounts URL), then reconnect it.",
				}
			: undefined,
	(f) =>
		f.refreshFailed
			? {
					message: `The Zoho Meeting credential could not be refreshed: ${f.message}`,
					description: `Zoho rejected the stored refresh token. ${RECONNECT}`,
					httpCode: 401,
					errorCode: 'INVALID_TOKEN',
				}
			: undefined,
	(f) =>
		f.redirectTo === undefined
			? undefined
			: {
					message: `Zoho Meeting redirected the request to ${f.redirectTo} (HTTP ${f.status}); it was not followed`,
					description: `API calls never follow a redirect, so nothing was sent to ${f.redirectTo}. Check the credential's data center or API URL: a proxy or gateway in front of Zoho Meeting must answer API calls itself.`,
					httpCode: f.status,
				},
	(f) => {
		const zoho = apiErrorOf(f);
		// A 401 UNAUTHORIZED_USER is about the organization ID, not the token.
		if (!f.tokenRejected && (f.status !== 401 || zoho?.code === 'UNAUTHORIZED_USER')) return undefined;
		const code = zoho?.code ?? 'INVALID_TOKEN';
		return {
			message: `${code}: ${zoho?.message || describeZohoError(code)?.message || 'Zoho rejected the access token'}`,
			description: `Zoho still rejected the access token after n8n refreshed it. ${RECONNECT}`,
			httpCode: f.status,
			errorCode: code,
		};
	},
	(f) => {
		const zoho = apiErrorOf(f);
		if (!zoho || f.status === undefined) return undefined;
		const known = describeZohoError(zoho.code);
		return {
			message: `${zoho.code}: ${zoho.message || known?.message || 'Zoho Meeting reported an error'}`,
			description: known?.fix ?? STATUS_FIXES[f.status] ?? 'See the Zoho Meeting API documentation for this error.',
			httpCode: f.status,
			errorCode: zoho.code,
		};
	},
	(f) =>
		f.status === undefined
			? undefined
			: {
					message: `Zoho Meeting answered HTTP ${f.status} with an unexpected response (${contentTypeOf(f.headers)})`,
					description: fixOfStatus(f.status),
					httpCode: f.status,
				},
	(f) => ({
		message: whatFailed(f),
		description: "Check the network and the credential's data center or API URL, then try again.",
	}),
];

const MAY_HAVE_APPLIED =
	'Zoho Meeting may have carried out this request before its answer was lost, so it was not sent again (a second create would make a duplicate). Check Zoho Meeting before running this item again.';

/** One NodeApiError per failure, naming the Zoho code and saying how to fix it. */
export function toNodeApiError(node: INode, failure: Failure, context: ErrorContext): NodeApiError {
	const explanation = RULES.map((rule) => rule(failure)).find((found) => found !== undefined) as Explanation;
	const description = [
		failure.status === 429 && context.resetAt
			? `The rate-limit window resets at ${new Date(context.resetAt).toISOString()}.`
			: undefined,
		context.mayHaveApplied ? MAY_HAVE_APPLIED : explanation.description,
	]
		.filter(Boolean)
		.join(' ');
	return buildError(node, { ...explanation, description }, context.itemIndex, failure.code);
}

/** A NodeApiError with exactly this message and description (and nothing of the request). */
export function buildError(node: INode, explanation: Explanation, itemIndex?: number, code?: string): NodeApiError {
	const { message, description, httpCode, errorCode } = explanation;
	const error = new NodeApiError(
		node,
		{ message, errorCode: errorCode ?? code ?? null, httpCode: httpCode ?? null } as JsonObject,
		{ message, description, httpCode: httpCode === undefined ? undefined : String(httpCode), itemIndex },
	);
	// NodeApiError swaps a message that mentions ECONNRESET & co. for a generic sentence;
	// ours already says what happened and to what.
	error.message = message;
	return error;
}
