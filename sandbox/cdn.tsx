import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Exchange, Reply } from './http';
import { recordingChunk } from './recordingBytes';
import { formatTime, type RecordingRecord } from './model';
import type { Store } from './store';

/** How long a signed download URL stays valid (real time). */
const URL_LIFETIME_SECONDS = 300;

/** The body of a recording download, wherever it is served from. */
export function recordingFileReply(recording: RecordingRecord): Extract<Reply, { kind: 'stream' }> {
	const filename = `${recording.meeting_key}_${formatTime(recording.start)}.mp4`;
	return {
		kind: 'stream',
		length: recording.file_size,
		headers: {
			'Content-Type': 'video/mp4',
			'Content-Disposition': `attachment; filename="${filename}"`,
		},
		chunkAt: (offset, length) => recordingChunk(recording.recording_id, offset, length),
	};
}

/**
 * A second listener that plays the storage service large downloads are handed off to.
 * In `redirect` download mode the API answers 302 to a signed one-time URL here: a
 * different origin, which must get the bytes without the Zoho token (the request log
 * shows whether an Authorization header arrived anyway).
 */
export class RecordingCdn {
	baseUrl = '';
	private readonly secret = randomBytes(32);
	private readonly unused = new Set<string>();

	signedUrl(recordingId: string): string {
		const expires = String(Math.floor(Date.now() / 1000) + URL_LIFETIME_SECONDS);
		const nonce = randomBytes(8).toString('hex');
		this.unused.add(nonce);
		const query = new URLSearchParams({
			expires,
			nonce,
			signature: this.sign(recordingId, expires, nonce),
		});
		return `${this.baseUrl}/recordings/${encodeURIComponent(recordingId)}?${query}`;
	}

	async handle(exchange: Exchange, store: Store): Promise<void> {
		const match = /^\/recordings\/([^/]+)$/.exec(exchange.path);
		if (exchange.method !== 'GET' || !match) {
			exchange.send(404, { 'Content-Type': 'text/plain' }, 'Not found');
			return;
		}
		const recordingId = decodeURIComponent(match[1]);
		if (!this.redeem(recordingId, exchange.query)) {
			exchange.send(
				403,
				{ 'Content-Type': 'text/plain' },
				'Signature invalid, expired or already used',
			);
			return;
		}
		const recording = store.recordings.get(recordingId);
		if (!recording) {
			exchange.send(404, { 'Content-Type': 'text/plain' }, 'Recording no longer exists');
			return;
		}
		const file = recordingFileReply(recording);
		await exchange.stream(200, file.headers, file.length, file.chunkAt);
	}

	reset(): void {
		this.unused.clear();
	}

	private redeem(recordingId: string, query: URLSearchParams): boolean {
		const expires = query.get('expires') ?? '';
		const nonce = query.get('nonce') ?? '';
		const given = Buffer.from(query.get('signature') ?? '');
		const expected = Buffer.from(this.sign(recordingId, expires, nonce));
		const valid =
			given.length === expected.length &&
			timingSafeEqual(given, expected) &&
			Number(expires) * 1000 > Date.now() &&
			this.unused.has(nonce);
		if (valid) this.unused.delete(nonce);
		return valid;
	}

	private sign(recordingId: string, expires: string, nonce: string): string {
		return createHmac('sha256', this.secret)
			.update(`${recordingId}\n${expires}\n${nonce}`)
			.digest('hex');
	}
}
