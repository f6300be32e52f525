import { setTimeout as sleep } from 'node:timers/promises';

import { describeZohoError } from '../nodes/ZohoMeeting/transport/errorCodes';
import type { Dialect } from './api';
import type { Fault, FaultRequest, FaultRule, FaultType } from './faultTypes';
import { AdminInputError, type Exchange, isPlainObject } from './http';

// Tests and benchmarks import the fault shapes from here, beside the injector.
export type { Fault, FaultRequest, FaultRule, FaultType } from './faultTypes';

const FAULT_TYPES: readonly FaultType[] = [
	'status',
	'delay',
	'hang',
	'malformedJson',
	'html',
	'reset',
	'truncate',
	'lostResponse',
	'tokenError',
];

export class FaultInjector {
	private rules: Array<{ rule: FaultRule; pattern?: RegExp }> = [];
	private nextId = 1;

	add(input: unknown): FaultRule {
		const request = parseFaultRequest(input);
		const count = request.count ?? 1;
		const rule: FaultRule = {
			id: this.nextId++,
			method: request.method?.toUpperCase() ?? null,
			path: request.path ?? null,
			count,
			remaining: count,
			fault: request.fault,
		};
		this.rules.push({
			rule,
			pattern: request.path === undefined ? undefined : new RegExp(request.path),
		});
		return { ...rule };
	}

	/** The fault for this request, if an armed rule matches; the rule is used up by one. */
	take(method: string, path: string): Fault | undefined {
		const armed = this.rules.find(
			({ rule, pattern }) =>
				(rule.method === null || rule.method === method) && (!pattern || pattern.test(path)),
		);
		if (!armed) return undefined;
		armed.rule.remaining--;
		if (armed.rule.remaining === 0) this.rules = this.rules.filter((entry) => entry !== armed);
		return armed.rule.fault;
	}

	list(): FaultRule[] {
		return this.rules.map(({ rule }) => ({ ...rule }));
	}

	clear(): void {
		this.rules = [];
	}
}

/**
 * Carries out a fault. Returns true when the fault has dealt with the request (answered
 * it, dropped it or left it hanging), false when the request goes on, possibly with its
 * response altered. Error bodies come in the shape of the dialect in force.
 */
export async function applyFault(
	exchange: Exchange,
	fault: Fault,
	signal: AbortSignal,
	dialect: Dialect,
): Promise<boolean> {
	switch (fault.type) {
		case 'status':
			sendStatusFault(exchange, fault, dialect);
			return true;
		case 'delay':
			await sleep(fault.ms, undefined, { signal });
			return false;
		case 'hang':
			return true;
		case 'malformedJson':
			exchange.send(
				fault.status ?? 200,
				{ 'Content-Type': 'application/json; charset=utf-8' },
				dialect.truncatedJson,
			);
			return true;
		case 'html':
			sendHtmlErrorPage(exchange, fault.status ?? 502);
			return true;
		case 'reset':
			exchange.destroy();
			return true;
		case 'truncate':
			exchange.truncateAfter = fault.bytes;
			return false;
		case 'lostResponse':
			exchange.loseResponse = true;
			return false;
		case 'tokenError':
			exchange.sendJson(200, { error: fault.error ?? 'invalid_code' });
			return true;
	}
}

function sendStatusFault(
	exchange: Exchange,
	fault: Extract<Fault, { type: 'status' }>,
	dialect: Dialect,
): void {
	const status = fault.status ?? (fault.code ? dialect.failure(fault.code).status : 500);
	const headers: Record<string, string> = { ...fault.headers };
	if (fault.retryAfterSeconds !== undefined) {
		headers['Retry-After'] = String(fault.retryAfterSeconds);
		headers['X-RateLimit-Remaining'] = '0';
		headers['X-RateLimit-Reset'] = String(Math.ceil(Date.now() / 1000) + fault.retryAfterSeconds);
	}
	if (status === 204) {
		exchange.send(status, headers, '');
		return;
	}
	const code = fault.code ?? CODE_FOR_STATUS[status] ?? 'INTERNAL_ERROR';
	// A code of the shared table keeps the dialect's own wording unless the fault gives one.
	const message = fault.message ?? (describeZohoError(code) ? undefined : 'Injected fault');
	const body = fault.body ?? dialect.failure(code, message).body;
	if (typeof body === 'string') {
		exchange.send(status, { 'Content-Type': 'text/plain', ...headers }, body);
	} else exchange.sendJson(status, body, headers);
}

const CODE_FOR_STATUS: Record<number, string> = {
	400: 'INVALID_PARAMETER',
	401: 'INVALID_TOKEN',
	403: 'INSUFFICIENT_SCOPE',
	404: 'NOT_FOUND',
	429: 'RATE_LIMIT_EXCEEDED',
};

/** What a load balancer in front of the API answers when the API behind it is down. */
function sendHtmlErrorPage(exchange: Exchange, status: number): void {
	const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
	exchange.sendHtml(
		status,
		`<!DOCTYPE html>\n<html><head><title>${title}</title></head>` +
			`<body><center><h1>${title}</h1></center><hr><center>zoho-edge</center></body></html>\n`,
	);
}

const STATUS_TEXT: Record<number, string> = {
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

function parseFaultRequest(input: unknown): FaultRequest {
	if (!isPlainObject(input)) {
		throw new AdminInputError('Expected a JSON object { method?, path?, count?, fault }');
	}
	const { method, path, count, fault } = input;
	if (method !== undefined && typeof method !== 'string') {
		throw new AdminInputError('method must be a string');
	}
	if (path !== undefined) {
		if (typeof path !== 'string') {
			throw new AdminInputError('path must be a regular expression string');
		}
		try {
			new RegExp(path);
		} catch {
			throw new AdminInputError(`path is not a valid regular expression: ${path}`);
		}
	}
	if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 1)) {
		throw new AdminInputError('count must be a positive integer');
	}
	return { method, path, count: count as number | undefined, fault: parseFault(fault) };
}

function parseFault(fault: unknown): Fault {
	if (!isPlainObject(fault) || !FAULT_TYPES.includes(fault.type as FaultType)) {
		throw new AdminInputError(`fault.type must be one of ${FAULT_TYPES.join(', ')}`);
	}
	const requireNumber = (name: string, min: number, max: number, optional: boolean) => {
		const value = fault[name];
		if (value === undefined && optional) return;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			throw new AdminInputError(`fault.${name} must be an integer from ${min} to ${max}`);
		}
	};
	if (fault.type === 'delay') requireNumber('ms', 0, 600_000, false);
	if (fault.type === 'truncate') requireNumber('bytes', 0, Number.MAX_SAFE_INTEGER, false);
	if (['status', 'malformedJson', 'html'].includes(fault.type as string)) {
		requireNumber('status', 100, 599, true);
	}
	if (fault.type === 'status') {
		requireNumber('retryAfterSeconds', 0, 86_400, true);
		if (fault.headers !== undefined && !isPlainObject(fault.headers)) {
			throw new AdminInputError('fault.headers must be an object of header names to values');
		}
	}
	return fault as unknown as Fault;
}
