import { authenticate, type ExtraEndpoint, hasAnyScope, sendReply } from '../api';
import { recordingFileReply } from '../cdn';
import { escapeHtml, type Reply } from '../http';
import { DOWNLOAD_PATH, findByErecordingId } from './recordings';

/**
 * Zoho's download host (`download.zoho.com` for the US) as a recording's `downloadUrl`
 * points at it: the API's token is required, with the scopes clients ask for to
 * download (ZohoMeeting.meetinguds.READ and ZohoFiles.files.READ, in client code; no
 * Zoho page names them). Without them it answers what a browser would see, an HTML
 * page with status 200, never the file: a client must check what it got. The sandbox
 * serves it on its own origin (Zoho's is another host); `redirect` download mode sends
 * the file from the CDN listener, where the token must not follow.
 */
export const DOWNLOAD_SCOPES = ['ZohoMeeting.meetinguds.READ', 'ZohoFiles.files.READ'];

const page = (status: number, title: string, text: string): Reply => ({
	kind: 'html',
	status,
	html:
		`<!DOCTYPE html>\n<html><head><title>${escapeHtml(title)}</title></head>` +
		`<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>\n`,
});

export const downloadEndpoint: ExtraEndpoint = {
	method: 'GET',
	path: DOWNLOAD_PATH,
	async handle(exchange, { store, cdn }) {
		store.settle();
		const grant = authenticate(exchange, store);
		if (!grant || !DOWNLOAD_SCOPES.every((scope) => hasAnyScope(grant, [scope]))) {
			return sendReply(
				exchange,
				page(200, 'Zoho Accounts', 'Sign in to continue, or ask for access to this file.'),
			);
		}
		const recording = findByErecordingId(store, exchange.query.get('event-id') ?? '');
		if (!recording || store.recordingStatus(recording) !== 'available') {
			return sendReply(exchange, page(404, 'File not found', 'This file is not available.'));
		}
		if (store.config.downloadMode === 'redirect') {
			const location = cdn.signedUrl(recording.recording_id);
			return sendReply(exchange, { kind: 'redirect', location });
		}
		return sendReply(exchange, recordingFileReply(recording));
	},
};
