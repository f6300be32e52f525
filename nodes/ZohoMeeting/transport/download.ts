import type { IBinaryData, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { exchangeSignal } from './deadlines';
import { toFailure, toNodeApiError } from './errors';
import { isRedirect, readSmallBody, throwIfCancelled } from './exchange';
import { checkFileHost, mayCarryToken } from './fileHosts';
import { fileNameFromHeaders, safeFileName } from './fileNames';
import { headerOf } from './headers';
import type { Answer, ApiRequest, RawResponse, RequestChannel } from './channel';
import { sendRequest } from './request';
import { backoffMs, isTransient, MAX_TRANSIENT_RETRIES } from './retry';

const MAX_REDIRECTS = 5;
/** A download that receives no byte for this long has stalled: it is started again. */
export const DOWNLOAD_IDLE_MS = 60_000;

/** What downloading needs beyond sending: n8n's binary data store. */
export interface DownloadChannel extends RequestChannel {
	storeBinary(body: unknown, fileName: string, mimeType: string): Promise<IBinaryData>;
}

export interface DownloadOptions {
	fileName: string;
	mimeType: string;
	/** Refuse a file larger than this many bytes (0 or undefined: no limit). */
	maxBytes?: number;
}

/** A download attempt that broke in a way a fresh attempt may not; `error` is what the user sees if every attempt breaks. */
interface Broken {
	broken: Error;
}

const isBroken = (value: object): value is Broken => 'broken' in value;

/**
 * Streams a file from the API into n8n binary data (written to n8n's binary data store
 * as it arrives; in n8n's default `default`/memory mode n8n itself holds it in memory).
 * Redirects are followed under the rules of fileHosts.ts, a body shorter than its
 * Content-Length or silent for DOWNLOAD_IDLE_MS is an error, not a short file. A download
 * that breaks starts over from the API request, which also gets a fresh file-host URL
 * (those work once), as often as other GETs are retried.
 */
export async function downloadToBinary(channel: DownloadChannel, request: ApiRequest, options: DownloadOptions): Promise<IBinaryData> {
	for (let attempt = 0; ; attempt++) {
		throwIfCancelled(channel);
		const result = await downloadOnce(channel, request, options);
		if (!isBroken(result)) return result;
		if (attempt >= MAX_TRANSIENT_RETRIES) throw result.broken;
		await channel.clock.sleep(backoffMs(attempt), channel.cancelSignal);
	}
}

async function downloadOnce(channel: DownloadChannel, request: ApiRequest, options: DownloadOptions): Promise<IBinaryData | Broken> {
	const itemIndex = request.itemIndex ?? 0;
	const answer = await sendRequest(channel, request, true);
	if (!isRedirect(answer.statusCode)) return await storeBody(channel, answer, itemIndex, options);
	const followed = await followRedirects(channel, answer, itemIndex);
	return isBroken(followed) ? followed : await storeBody(channel, { ...followed, htmlMeans: answer.htmlMeans }, itemIndex, options);
}

function refuse(channel: RequestChannel, itemIndex: number, message: string, description: string): never {
	throw new NodeOperationError(channel.node, message, { itemIndex, description });
}

function nextUrl(channel: RequestChannel, itemIndex: number, response: RawResponse, from: URL): URL {
	const location = headerOf(response.headers, 'location');
	if (!location) refuse(channel, itemIndex, 'Zoho Meeting redirected the download nowhere', `The answer was HTTP ${response.statusCode} without a Location header; try again later.`);
	try {
		return new URL(location, from);
	} catch {
		return refuse(channel, itemIndex, 'Zoho Meeting redirected the download to an unreadable address', 'Try again later.');
	}
}

/** Follows the download's redirects; a file host that fails or cannot be reached is a broken download. */
async function followRedirects(channel: RequestChannel, first: RawResponse, itemIndex: number): Promise<RawResponse | Broken> {
	const { apiUrl, tokenOrigins } = await channel.endpoint(itemIndex);
	const api = new URL(apiUrl);
	let [response, from] = [first, api];
	for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
		const to = nextUrl(channel, itemIndex, response, from);
		checkFileHost(channel.node, itemIndex, api, from, to, 'redirected the download to');
		const outcome = await fetchFile(channel, to, mayCarryToken(tokenOrigins, to), itemIndex);
		if (!('redirect' in outcome)) return outcome;
		[response, from] = [outcome.redirect, to];
	}
	return refuse(channel, itemIndex, 'Too many redirects while downloading', `Zoho Meeting redirected the download more than ${MAX_REDIRECTS} times.`);
}

/** One request to a file host: the token only on the credential's own hosts (a pre-signed URL elsewhere needs none). */
async function fetchFile(channel: RequestChannel, url: URL, authenticated: boolean, itemIndex: number): Promise<RawResponse | Broken | { redirect: RawResponse }> {
	const options: IHttpRequestOptions = { method: 'GET', url: url.toString(), encoding: 'stream', returnFullResponse: true, disableFollowRedirect: true };
	const exchange = exchangeSignal(channel.clock, channel.cancelSignal);
	try {
		const response = await channel.send(options, exchange.signal, authenticated);
		exchange.keepForBody(response.body);
		return response;
	} catch (error) {
		exchange.release();
		throwIfCancelled(channel);
		const failure = toFailure(exchange.signal.aborted ? exchange.signal.reason : error);
		if (isRedirect(failure.status)) return { redirect: { statusCode: failure.status as number, headers: failure.headers ?? {}, body: failure.data } };
		failure.data = await readSmallBody(failure.data);
		const explained = toNodeApiError(channel.node, failure, { itemIndex });
		if (isTransient(failure)) return { broken: explained };
		throw explained;
	}
}

/**
 * Counts a body's bytes as n8n reads it, and gives up on it when it grows past `maxBytes`,
 * stays silent through a whole `idleMs` period (so a stall ends within two periods), or the
 * execution is stopped. Giving up rejects `broken` at once and destroys the body: n8n's
 * reader may notice a destroyed stream only much later, so the caller races the two.
 */
class BodyWatch {
	bytes = 0;
	stalled = false;
	tooLarge = false;
	readonly broken: Promise<never>;
	private sawData = true;
	private stopped = false;
	private giveUp: (error: Error) => void = () => {};
	private readonly onCancel = () => this.end(new Error('The execution was stopped'));

	constructor(
		private readonly channel: RequestChannel,
		private readonly body: NodeJS.ReadableStream,
		private readonly idleMs: number,
		private readonly maxBytes?: number,
	) {
		this.broken = new Promise<never>((_, reject) => (this.giveUp = reject));
		this.broken.catch(() => {});
		channel.cancelSignal?.addEventListener('abort', this.onCancel, { once: true });
		// Paused first, so that counting does not start the flow before n8n's reader is attached.
		body.pause();
		body.on('data', (chunk: Buffer) => this.count(chunk.length));
		body.on('newListener', this.resumeForReader);
		this.endPeriod();
	}

	/**
	 * pipe() and async iteration (n8n 1.85, 2.x) read a paused stream; a bare `data` listener
	 * (n8n 1.1xx's streamToBuffer) does not resume it: the reader's own listener does.
	 */
	private readonly resumeForReader = (event: string | symbol): void => {
		if (event !== 'data') return;
		this.body.removeListener('newListener', this.resumeForReader);
		// Flowing starts on the next tick, after the reader's listener is attached.
		this.body.resume();
	};

	stop(): void {
		this.stopped = true;
		this.body.removeListener('newListener', this.resumeForReader);
		this.channel.cancelSignal?.removeEventListener('abort', this.onCancel);
	}

	private count(bytes: number): void {
		this.bytes += bytes;
		this.sawData = true;
		if (this.maxBytes && this.bytes > this.maxBytes && !this.stopped) {
			this.tooLarge = true;
			this.end(new Error('file larger than allowed'));
		}
	}

	private readonly endPeriod = (): void => {
		if (this.stopped) return;
		if (!this.sawData) {
			this.stalled = true;
			this.end(Object.assign(new Error(`no data for ${this.idleMs / 1000} s`), { code: 'EIDLE' }));
			return;
		}
		this.sawData = false;
		this.channel.clock.deadline(this.idleMs).addEventListener('abort', this.endPeriod, { once: true });
	};

	private end(error: Error): void {
		this.stop();
		this.giveUp(error);
		(this.body as unknown as { destroy(error: Error): void }).destroy(error);
	}
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1_048_576)} MB`;

function tooLarge(channel: RequestChannel, itemIndex: number, maxBytes: number, size?: number): NodeOperationError {
	return new NodeOperationError(channel.node, `The file is larger than Max File Size (${megabytes(maxBytes)})`, {
		itemIndex,
		description: `${size ? `Zoho Meeting announced ${megabytes(size)}. ` : ''}The download stopped before the file could fill n8n's memory. Raise Max File Size, or set n8n's binary data mode to filesystem (N8N_DEFAULT_BINARY_DATA_MODE=filesystem), where files are written to disk as they arrive.`,
	});
}

/** Streams an answer's body into n8n's binary data store, checking what arrived against what was announced. */
async function storeBody(channel: DownloadChannel, response: RawResponse & Pick<Answer, 'htmlMeans'>, itemIndex: number, options: DownloadOptions): Promise<IBinaryData | Broken> {
	const expected = Number(headerOf(response.headers, 'content-length'));
	const body = response.body as NodeJS.ReadableStream & { destroy(): void };
	if (response.htmlMeans && /^text\/html\b/i.test(headerOf(response.headers, 'content-type') ?? '')) {
		body.destroy();
		throw new NodeOperationError(channel.node, 'Zoho Meeting answered the download with a web page, not the file', {
			itemIndex,
			description: response.htmlMeans,
		});
	}
	if (options.maxBytes && expected > options.maxBytes) {
		body.destroy();
		throw tooLarge(channel, itemIndex, options.maxBytes, expected);
	}
	const fileName = safeFileName(fileNameFromHeaders(response.headers) ?? options.fileName, options.fileName);
	const mimeType = headerOf(response.headers, 'content-type')?.split(';')[0].trim() || options.mimeType;
	const cutShort = (what: string): Broken => ({
		broken: new NodeOperationError(channel.node, 'The download was cut short', {
			itemIndex,
			description: `Zoho Meeting announced ${Number.isFinite(expected) ? expected : 'more'} bytes but ${what}, on each of ${MAX_TRANSIENT_RETRIES + 1} attempts. Run the node again later to download the file again.`,
		}),
	});
	const watch = new BodyWatch(channel, body, DOWNLOAD_IDLE_MS, options.maxBytes);
	try {
		const storing = channel.storeBinary(body, fileName, mimeType);
		storing.catch(() => {});
		const binary = await Promise.race([storing, watch.broken]);
		const received = (binary as IBinaryData & { bytes?: number }).bytes ?? watch.bytes;
		return Number.isFinite(expected) && received !== expected ? cutShort(`the connection closed after ${received}`) : binary;
	} catch (error) {
		throwIfCancelled(channel);
		if (watch.tooLarge) throw tooLarge(channel, itemIndex, options.maxBytes as number);
		if (watch.stalled) return cutShort(`no byte arrived for ${DOWNLOAD_IDLE_MS / 1000} s after ${watch.bytes}`);
		const failure = toFailure(error);
		if (!isTransient(failure)) throw toNodeApiError(channel.node, failure, { itemIndex });
		return cutShort(`the connection broke off (${failure.code})`);
	} finally {
		watch.stop();
	}
}
