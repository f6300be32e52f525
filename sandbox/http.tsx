import type { IncomingMessage, ServerResponse } from 'node:http';

import {
	ZOHO_ERROR_CODES,
	type ZohoErrorCodeName,
} from '../nodes/ZohoMeeting/transport/errorCodes';
import type { RequestLogEntry } from './requestLog';

/**
 * Codes of failures only the organization dialect answers: a request for an
 * organization the token's user is not in (Zoho's participant-report.html and others).
 */
const ORGANIZATION_FAILURES = {
	UNAUTHORIZED_USER: 'You do not have permission to access this organization account.',
} as const;

export type FailureCode = ZohoErrorCodeName | keyof typeof ORGANIZATION_FAILURES;

/**
 * A failure of an API request, by its code in the shared error table (or one of the
 * organization dialect's own). The dialect in force turns it into Zoho's answer: the
 * HTTP status and body differ between them. `detail`, when given, names the field or
 * scope at fault and replaces the code's usual message.
 */
export class ApiError extends Error {
	constructor(
		readonly code: FailureCode,
		readonly detail?: string,
	) {
		super(
			detail ??
				(code in ORGANIZATION_FAILURES
					? ORGANIZATION_FAILURES[code as keyof typeof ORGANIZATION_FAILURES]
					: ZOHO_ERROR_CODES[code as ZohoErrorCodeName].message),
		);
	}
}

/** A bad request to the admin API: answered 400 `{ error }`, never in Zoho's envelope. */
export class AdminInputError extends Error {}

export const invalidParameter = (detail: string) => new ApiError('INVALID_PARAMETER', detail);

/** Produces `length` bytes of a body starting at `offset`, for bodies too big to hold. */
export type ChunkSource = (offset: number, length: number) => Buffer;

export type Reply =
	| { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
	| { kind: 'html'; status: number; html: string }
	| { kind: 'empty' }
	| { kind: 'redirect'; location: string }
	| { kind: 'stream'; headers: Record<string, string>; length: number; chunkAt: ChunkSource };

export const ok = (data: unknown): Reply => ({
	kind: 'json',
	status: 200,
	body: { status: 'success', data },
});
export const created = (data: unknown): Reply => ({
	kind: 'json',
	status: 201,
	body: { status: 'success', data },
});
export const noContent = (): Reply => ({ kind: 'empty' });

const STREAM_CHUNK_BYTES = 64 * 1024;
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * One request and its response. Every byte the sandbox answers goes through `send` or
 * `stream`, which is where the `truncate` and `lostResponse` faults take effect and where
 * the request log learns the status.
 */
export class Exchange {
	readonly url: URL;
	readonly method: string;
	rawBody = Buffer.alloc(0);
	logEntry?: RequestLogEntry;
	/** `truncate` fault: announce the full Content-Length, then close after this many bytes. */
	truncateAfter?: number;
	/** `lostResponse` fault: do the work, then drop the connection instead of answering. */
	loseResponse = false;
	private readonly headers: Record<string, string> = {};

	constructor(
		readonly req: IncomingMessage,
		readonly res: ServerResponse,
	) {
		this.url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		this.method = (req.method ?? 'GET').toUpperCase();
	}

	get path(): string {
		return this.url.pathname;
	}

	get query(): URLSearchParams {
		return this.url.searchParams;
	}

	async readBody(): Promise<void> {
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of this.req) {
			size += (chunk as Buffer).length;
			if (size > MAX_BODY_BYTES) throw invalidParameter('Request body is larger than 10 MiB');
			chunks.push(chunk as Buffer);
		}
		this.rawBody = Buffer.concat(chunks);
	}

	/** Headers added to whatever answer follows (rate-limit headers, for one). */
	setHeader(name: string, value: string): void {
		this.headers[name] = value;
	}

	sendJson(status: number, payload: unknown, headers: Record<string, string> = {}): void {
		this.send(
			status,
			{ 'Content-Type': 'application/json; charset=utf-8', ...headers },
			JSON.stringify(payload),
		);
	}

	sendHtml(status: number, html: string): void {
		this.send(status, { 'Content-Type': 'text/html; charset=utf-8' }, html);
	}

	redirect(location: string): void {
		this.send(302, { Location: location }, '');
	}

	send(status: number, headers: Record<string, string>, body: string | Buffer): void {
		const bytes = typeof body === 'string' ? Buffer.from(body) : body;
		if (!this.begin(status)) return;
		const allHeaders = { ...this.headers, ...headers };
		if (status !== 204 && status !== 304) allHeaders['Content-Length'] = String(bytes.length);
		this.res.writeHead(status, allHeaders);
		if (this.truncateAfter !== undefined && this.truncateAfter < bytes.length) {
			this.res.write(bytes.subarray(0, this.truncateAfter), () => this.destroy());
			return;
		}
		this.res.end(bytes);
	}

	/**
	 * Streams `length` bytes produced chunk by chunk, waiting for the socket to drain, so
	 * a 1 GiB body never sits in memory.
	 */
	async stream(
		status: number,
		headers: Record<string, string>,
		length: number,
		chunkAt: ChunkSource,
	): Promise<void> {
		if (!this.begin(status)) return;
		this.res.writeHead(status, { ...this.headers, ...headers, 'Content-Length': String(length) });
		const stopAt = Math.min(length, this.truncateAfter ?? length);
		for (let offset = 0; offset < stopAt && !this.res.destroyed;) {
			const size = Math.min(STREAM_CHUNK_BYTES, stopAt - offset);
			const writable = this.res.write(chunkAt(offset, size));
			offset += size;
			if (!writable) await drained(this.res);
		}
		if (stopAt < length) this.res.write(Buffer.alloc(0), () => this.destroy());
		else this.res.end();
	}

	/** `reset` fault and the end of a truncated body: the client sees the connection die. */
	destroy(): void {
		this.req.socket.destroy();
	}

	/** Records the status, and swallows the answer when the `lostResponse` fault is armed. */
	private begin(status: number): boolean {
		if (this.logEntry) this.logEntry.status = status;
		if (this.loseResponse) {
			this.destroy();
			return false;
		}
		return !this.res.destroyed;
	}
}

function drained(res: ServerResponse): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			res.off('drain', done);
			res.off('close', done);
			resolve();
		};
		res.on('drain', done);
		res.on('close', done);
	});
}

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** Parses a JSON request body; an empty body is `undefined`. */
export function parseJsonBody(raw: Buffer): unknown {
	if (raw.length === 0) return undefined;
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		throw invalidParameter('Request body is not valid JSON');
	}
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
