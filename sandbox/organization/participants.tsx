import type { ApiRoute } from '../api';
import type { Attendance } from '../model';
import { API_PATH, json, organizationRoute, pageOf, readPaging, scopes } from './common';
import { findLiveMeeting } from './sessions';
import { formatClock } from './time';

/**
 * The meeting participant report (meeting-api/participant-report.html): every
 * attendance of every held session, times as epoch ms and `duration` in ms. Its `index`
 * is "Page Number" and both `index` and `count` are required.
 */

// The store's devices, as Zoho names a participant's `source`.
const SOURCES: Record<string, string> = { browser: 'web', desktop: 'desktop', mobile: 'mobile' };

function participantRow(attendance: Attendance, timeZone: string) {
	return {
		email: attendance.email,
		role: 'attendee',
		joinTime: attendance.join,
		leaveTime: attendance.leave,
		duration: attendance.leave - attendance.join,
		source: SOURCES[attendance.device] ?? attendance.device,
		memberId: attendance.participant_id,
		inAndOutTime: [attendance.join, attendance.leave]
			.map((ms) => formatClock(ms, timeZone))
			.join(' - '),
	};
}

export const participantReportRoutes: ApiRoute[] = [
	organizationRoute({
		method: 'GET',
		path: `${API_PATH}/{zsoid}/participant/{meetingKey}.json`,
		scope: scopes('meeting', 'READ'),
		query: ['index', 'count'],
		handle: ({ store, params, searchParams }) => {
			const meeting = findLiveMeeting(store, params.meetingKey);
			const paging = readPaging(searchParams, {
				documented: 'page',
				variants: store.config.organization,
				required: true,
			});
			const rows = meeting.sessions.flatMap((session) => session.attendance);
			return json(200, {
				participantsCount: rows.length,
				participants: pageOf(rows, paging).map((row) => participantRow(row, meeting.timezone)),
			});
		},
	}),
];
