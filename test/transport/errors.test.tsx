import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ZOHO_ERROR_CODES } from '../../nodes/ZohoMeeting/transport/errorCodes';
import { toFailure, toNodeApiError } from '../../nodes/ZohoMeeting/transport/errors';

const node = { name: 'Zoho Meeting', type: 'zohoMeeting' } as INode;

function axiosError(status: number, data: unknown, headers: Record<string, string> = {}) {
	const error = new Error(`Request failed with status code ${status}`) as Error & Record<string, unknown>;
	error.response = { status, data, headers };
	error.config = { headers: { Authorization: 'Bearer secret-token' } };
	return error;
}

/** n8n-core wraps the axios error in a NodeApiError, keeping it as the cause. */
function asN8nWraps(error: Error) {
	return new NodeApiError(node, error as never);
}

/**
 * What n8n 1.x's NodeApiError keeps of an axios error: the status as `httpCode`, a JSON body
 * as `context.data`, its own message; the axios error itself (`cause`) is reset to undefined.
 */
function asN8n1Wraps(status: string, data: unknown, message: string) {
	return Object.assign(new Error(message), { httpCode: status, context: { data }, cause: undefined });
}

describe('toFailure on n8n 1.x', () => {
	it('reads the status and body n8n 1.x kept, so a 404 is an answer, not a network failure', () => {
		const body = { status: 'error', error: { code: 'NOT_FOUND', message: 'Resource not found' } };
		const failure = toFailure(asN8n1Wraps('404', body, 'The resource you are requesting could not be found'));
		expect(failure).toMatchObject({ status: 404, data: body });
		const error = toNodeApiError(node, failure, {});
		expect(error.message).toBe('NOT_FOUND: Resource not found');
		expect(error.httpCode).toBe('404');
	});

	it('does not take an error code n8n 1.x put in httpCode for a status', () => {
		const failure = toFailure(asN8n1Wraps('ECONNRESET', undefined, 'socket hang up'));
		expect(failure.status).toBeUndefined();
		expect(toNodeApiError(node, failure, {}).message).toBe('Could not reach Zoho Meeting (socket hang up)');
	});
});

describe('toNodeApiError', () => {
	it.each(Object.entries(ZOHO_ERROR_CODES).filter(([code]) => code !== 'INVALID_TOKEN'))(
		'maps %s to its status, message and fix',
		(code, entry) => {
			const failure = toFailure(
				asN8nWraps(axiosError(entry.httpCode, { status: 'error', error: { code, message: entry.message } })),
			);
			const error = toNodeApiError(node, failure, { itemIndex: 2 });
			expect(error.message).toBe(`${code}: ${entry.message}`);
			expect(error.description).toContain(entry.fix);
			expect(error.httpCode).toBe(String(entry.httpCode));
			expect(error.context.itemIndex).toBe(2);
		},
	);

	it('says to reconnect when a 401 survives the refresh', () => {
		const failure = toFailure(
			asN8nWraps(axiosError(401, { status: 'error', error: { code: 'INVALID_TOKEN', message: 'Access token invalid or expired' } })),
		);
		const error = toNodeApiError(node, failure, {});
		expect(error.message).toBe('INVALID_TOKEN: Access token invalid or expired');
		expect(error.description).toMatch(/Reconnect/);
		expect(error.httpCode).toBe('401');
	});

	it('says to reconnect when the refresh itself was refused', () => {
		const authError = Object.assign(new Error('invalid_code'), { code: 'EAUTH', body: { error: 'invalid_code' } });
		const error = toNodeApiError(node, toFailure(asN8nWraps(authError)), {});
		expect(error.message).toBe('The Zoho Meeting credential could not be refreshed: invalid_code');
		expect(error.description).toMatch(/Reconnect/);
	});

	it('explains an HTML error page without dumping it', () => {
		const failure = toFailure(asN8nWraps(axiosError(502, '<html>Bad gateway</html>', { 'content-type': 'text/html' })));
		const error = toNodeApiError(node, failure, {});
		expect(error.message).toBe('Zoho Meeting answered HTTP 502 with an unexpected response (text/html)');
	});

	it('warns that a lost create may have happened', () => {
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const error = toNodeApiError(node, toFailure(asN8nWraps(reset)), { mayHaveApplied: true });
		expect(error.message).toBe('Could not reach Zoho Meeting (ECONNRESET)');
		expect(error.description).toMatch(/not sent again/);
	});

	it('names the reset time of a rate limit', () => {
		const failure = toFailure(
			asN8nWraps(axiosError(429, { status: 'error', error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' } })),
		);
		const error = toNodeApiError(node, failure, { resetAt: Date.UTC(2026, 0, 1) });
		expect(error.description).toContain('2026-01-01T00:00:00.000Z');
	});

	it('carries nothing of the request config, so no token', () => {
		const failure = toFailure(asN8nWraps(axiosError(404, { status: 'error', error: { code: 'INVALID_MEETING_KEY', message: 'x' } })));
		const error = toNodeApiError(node, failure, {});
		expect(JSON.stringify({ ...error, message: error.message, description: error.description })).not.toContain(
			'secret-token',
		);
	});
});
