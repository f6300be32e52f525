import type { IDataObject } from 'n8n-workflow';

import type { Answer, ApiRequest, RequestChannel } from './channel';
import type { ContractRequest } from './dialects/dialect';
import { sendWire } from './exchange';
import { answeredAt } from './headers';
import { isIdempotentMethod } from './retry';

/** Thrown at the first request of an item in the router's check pass: its parameters were all read and passed. */
export class RequestReached extends Error {}

function contractOf(channel: RequestChannel, request: ApiRequest): ContractRequest {
	const { path, pathParams } = channel.fillPath(request);
	const { method, qs, body, page } = request;
	return { method, template: request.path, path, pathParams, qs, body, page, itemIndex: request.itemIndex ?? 0 };
}

const objectOf = (body: unknown) => (typeof body === 'object' && body !== null ? body : {}) as IDataObject;

/**
 * One request of the contract: its path checked, the credential's API shape known (the one
 * request `auto` may cost happens here, even in the check pass), the dialect's translation
 * (which refuses what the shape does not offer) and its look-ups done; then, unless the run
 * only checks, the wire request goes (exchange.ts) and the dialect reads the answer.
 * `stream` returns a file's body as a stream, and a redirect as an answer.
 */
export async function sendRequest(channel: RequestChannel, request: ApiRequest, stream = false): Promise<Answer> {
	const contract = contractOf(channel, request);
	const { itemIndex } = contract;
	const { dialect } = await channel.connection(itemIndex);
	const context = { node: channel.node, itemIndex, now: channel.clock.now() };
	const resolved = await channel.resolve(dialect.translate(contract, context), itemIndex);
	if ('answer' in resolved) return { statusCode: 200, headers: {}, body: undefined, data: resolved.answer };
	if (channel.checkOnly) throw new RequestReached();
	const idempotent = request.idempotent ?? isIdempotentMethod(request.method);
	const response = await sendWire(channel, { wire: resolved.wire, itemIndex, idempotent, stream, rules: dialect });
	if (stream) return { ...response, data: {}, htmlMeans: resolved.wire.htmlMeans };
	const body = objectOf(response.body);
	// What the answer says is read by the server's clock: a status the organization dialect
	// works out from a schedule (organizationAnswers.ts) is Zoho's, however far n8n's clock is off.
	const read = { ...context, now: answeredAt(response.headers) ?? context.now };
	if (request.page) return { ...response, data: {}, page: dialect.readPage(body, contract, read) };
	return { ...response, data: dialect.readData(body, contract, read) };
}
