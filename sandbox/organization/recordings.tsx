import { createHash } from 'node:crypto';

import type { ApiRoute } from '../api';
import type { RecordingRecord } from '../model';
import type { Store } from '../store';
import { SANDBOX_ORGANIZATION } from '../tokens';
import { json, MEETING_API_PATH, organizationRoute, pageOf, readPaging, scopes } from './common';
import { findLiveMeeting } from './sessions';
import { formatRecordingTime, minutesToMs } from './time';

/**
 * Recordings, under `/meeting/api/v2`: a meeting's (recording-api/get-specific-recording.html)
 * and the organization's (`recordings.json`, seen in client code, not on a Zoho page).
 */

/**
 * The organization API's ID of a recording: 64 hex digits, like Zoho's `erecordingId`,
 * derived from the store's ID so that both dialects name the same recording. Tests
 * import it to find a seeded recording in this dialect.
 */
export const erecordingIdOf = (recordingId: string) =>
	createHash('sha256').update(`erecording:${recordingId}`).digest('hex');

/** Zoho's download host serves `webdownload?event-id=<erecordingId>` (see download.ts). */
export const DOWNLOAD_PATH = '/webdownload';

export function findByErecordingId(store: Store, erecordingId: string) {
	for (const recording of store.recordings.values()) {
		if (erecordingIdOf(recording.recording_id) === erecordingId) return recording;
	}
	return undefined;
}

/**
 * A recording as get-specific-recording.html shows it: ms as strings in
 * `startTimeMillis`, `fileSize` as a string of bytes, `duration` in ms. Which field
 * tells ready (`UPLOADED`) from processing follows the `recordingState` variant; Zoho
 * documents no value for a recording still processing, so `PROCESSING` is the sandbox's.
 */
function recordingObject(store: Store, recording: RecordingRecord) {
	const timeZone = store.meetings.get(recording.meeting_key)?.timezone ?? 'UTC';
	const end = recording.start + minutesToMs(recording.duration);
	const uploaded = store.recordingStatus(recording) === 'available';
	const id = erecordingIdOf(recording.recording_id);
	const viewer = `recordingId=${id}&x-meeting-org=${SANDBOX_ORGANIZATION.zsoid}`;
	return {
		erecordingId: id,
		meetingKey: recording.meeting_key,
		topic: recording.topic,
		startTimeMillis: String(recording.start),
		endTimeMillis: String(end),
		...(uploaded && { uploadedTime: recording.availableAt }),
		creatorZuid: SANDBOX_ORGANIZATION.zuid,
		downloadUrl: `${store.baseUrl}${DOWNLOAD_PATH}?event-id=${id}&x-service=meeting&x-cli-msg=`,
		isTranscriptGenerated: false,
		isSummaryGenerated: false,
		resourceName: [recording.meeting_key, recording.recording_id.replace(/\D/g, ''), recording.start]
			.join('_')
			.concat('.mp4'),
		playUrl: `${store.baseUrl}/meeting/videoprv?${viewer}`,
		shareUrl: `${store.baseUrl}/meeting/public/videoprv?${viewer}`,
		duration: minutesToMs(recording.duration),
		[store.config.organization.recordingState]: uploaded ? 'UPLOADED' : 'PROCESSING',
		fileSize: String(recording.file_size),
		startTime: formatRecordingTime(recording.start, timeZone),
		endTime: formatRecordingTime(end, timeZone),
	};
}

export const recordingRoutes: ApiRoute[] = [
	// Get specific recording using the meeting key
	organizationRoute({
		method: 'GET',
		path: `${MEETING_API_PATH}/{zsoid}/recordings/{meetingKey}.json`,
		scope: scopes('recording', 'READ'),
		handle: ({ store, params }) => {
			const meeting = findLiveMeeting(store, params.meetingKey);
			const recordings = store
				.listRecordings({})
				.filter((recording) => recording.meeting_key === meeting.meeting_key);
			return json(200, { recordings: recordings.map((r) => recordingObject(store, r)) });
		},
	}),
	// The organization's recordings. Paging is undocumented: without `count` the answer
	// holds them all (as a client's notes say); with it, `meta.moreRecords` says whether
	// more follow. Newest first, the sandbox's choice, as for `listtype=past`.
	organizationRoute({
		method: 'GET',
		path: `${MEETING_API_PATH}/{zsoid}/recordings.json`,
		scope: scopes('recording', 'READ'),
		query: ['index', 'count'],
		handle: ({ store, searchParams }) => {
			const paging = readPaging(searchParams, {
				documented: 'record',
				variants: store.config.organization,
			});
			const recordings = store.listRecordings({}).sort((a, b) => b.start - a.start);
			const page = pageOf(recordings, paging);
			return json(200, {
				recordings: page.map((recording) => recordingObject(store, recording)),
				meta: { moreRecords: paging.first + page.length < recordings.length },
			});
		},
	}),
];
