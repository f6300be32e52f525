import { LIST_QUERY, pageOf, type ApiRoute } from '../api';
import { ok } from '../http';
import { type Attendance, formatTime, type SessionRecord } from '../model';
import type { Store } from '../store';

/** Spec "Sessions API": each held occurrence of a meeting, with its attendance. */

export function sessionObject(store: Store, session: SessionRecord) {
	const recording =
		session.recording_id === null ? undefined : store.recordings.get(session.recording_id);
	return {
		session_id: session.session_id,
		meeting_key: session.meeting_key,
		start_time: formatTime(session.start),
		end_time: formatTime(session.end),
		duration: Math.round((session.end - session.start) / 60_000),
		participants_count: session.attendance.length,
		max_concurrent_participants: maxConcurrent(session.attendance),
		recording_available:
			recording !== undefined && store.recordingStatus(recording) === 'available',
	};
}

/** The most participants present at once: a sweep over joins and leaves. */
function maxConcurrent(attendance: Attendance[]): number {
	const events = attendance.flatMap((a) => [
		{ time: a.join, change: 1 },
		{ time: a.leave, change: -1 },
	]);
	// At the same instant a leave comes before a join: the two were never there together.
	events.sort((a, b) => a.time - b.time || a.change - b.change);
	let present = 0;
	let most = 0;
	for (const event of events) {
		present += event.change;
		most = Math.max(most, present);
	}
	return most;
}

export const sessionRoutes: ApiRoute[] = [
	// Get Session Details
	{
		method: 'GET',
		path: '/meetings/{meeting_key}/sessions/{session_id}',
		scope: 'meeting',
		handle: ({ store, params }) => {
			const meeting = store.findMeeting(params.meeting_key);
			return ok(sessionObject(store, store.findSession(meeting, params.session_id)));
		},
	},
	// List Meeting Sessions
	{
		method: 'GET',
		path: '/meetings/{meeting_key}/sessions',
		scope: 'meeting',
		query: LIST_QUERY,
		handle: ({ store, params, query }) =>
			pageOf(store.findMeeting(params.meeting_key).sessions, query, (session) =>
				sessionObject(store, session),
			),
	},
];
