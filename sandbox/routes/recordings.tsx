import { pageOf, type ApiRoute, type QueryRules } from '../api';
import { recordingFileReply } from '../cdn';
import { ApiError, noContent, ok } from '../http';
import { formatTime, type RecordingRecord } from '../model';
import type { Store } from '../store';

/** Spec "Recordings API": list, get, download, delete. */

export function recordingObject(store: Store, recording: RecordingRecord) {
	return {
		recording_id: recording.recording_id,
		meeting_key: recording.meeting_key,
		topic: recording.topic,
		start_time: formatTime(recording.start),
		duration: recording.duration,
		file_size: recording.file_size,
		download_url: `${store.baseUrl}/recordings/download/${recording.slug}`,
		streaming_url: `${store.baseUrl}/recordings/play/${recording.slug}`,
		password_protected: recording.password_protected,
		status: store.recordingStatus(recording),
		created_time: formatTime(recording.created),
	};
}

// The spec lists only dates as recording filters, so `status` is refused like any unknown parameter.
const RECORDING_LIST_QUERY: QueryRules = { names: ['page', 'per_page', 'from_date', 'to_date'] };

export const recordingRoutes: ApiRoute[] = [
	// List Recordings
	{
		method: 'GET',
		path: '/recordings',
		scope: 'recording',
		query: RECORDING_LIST_QUERY,
		handle: ({ store, query }) =>
			pageOf(store.listRecordings(query), query, (recording) => recordingObject(store, recording)),
	},
	// Get Recording Details
	{
		method: 'GET',
		path: '/recordings/{recording_id}',
		scope: 'recording',
		handle: ({ store, params }) =>
			ok(recordingObject(store, store.findRecording(params.recording_id))),
	},
	// Download Recording
	{
		method: 'GET',
		path: '/recordings/{recording_id}/download',
		scope: 'recording',
		handle: ({ store, cdn, params }) => {
			const recording = store.findRecording(params.recording_id);
			if (store.recordingStatus(recording) !== 'available') {
				throw new ApiError('RECORDING_NOT_AVAILABLE');
			}
			if (store.config.downloadMode === 'redirect') {
				return { kind: 'redirect', location: cdn.signedUrl(recording.recording_id) };
			}
			return recordingFileReply(recording);
		},
	},
	// Delete Recording
	{
		method: 'DELETE',
		path: '/recordings/{recording_id}',
		scope: 'recording',
		handle: ({ store, params }) => {
			store.deleteRecording(params.recording_id);
			return noContent();
		},
	},
];
