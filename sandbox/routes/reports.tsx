import type { ApiRoute } from '../api';
import { ok } from '../http';
import { formatTime, type MeetingRecord } from '../model';

/**
 * Spec "Reports API": a meeting's report, computed from its sessions. A participant who
 * attended several sessions of a recurring meeting has one detail row per session.
 */
export function reportObject(meeting: MeetingRecord) {
	const attendance = meeting.sessions.flatMap((session) => session.attendance);
	const minutes = (from: number, to: number) => Math.round((to - from) / 60_000);
	const sessions = meeting.sessions.length;
	return {
		meeting_key: meeting.meeting_key,
		topic: meeting.topic,
		total_sessions: sessions,
		total_participants: new Set(attendance.map((a) => a.participant_id)).size,
		total_duration: meeting.sessions.reduce((total, s) => total + minutes(s.start, s.end), 0),
		average_attendance: sessions === 0 ? 0 : Math.round(attendance.length / sessions),
		participant_details: attendance.map((a) => ({
			name: a.name,
			email: a.email,
			join_time: formatTime(a.join),
			leave_time: formatTime(a.leave),
			duration: minutes(a.join, a.leave),
		})),
	};
}

export const reportRoutes: ApiRoute[] = [
	// Get Meeting Report
	{
		method: 'GET',
		path: '/meetings/{meeting_key}/report',
		scope: 'report',
		handle: ({ store, params }) => ok(reportObject(store.findMeeting(params.meeting_key))),
	},
];
