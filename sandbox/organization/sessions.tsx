import { createHash } from 'node:crypto';

import type { ApiRoute } from '../api';
import { ApiError, noContent } from '../http';
import type { MeetingInput, MeetingRecord } from '../model';
import type { Store } from '../store';
import { SANDBOX_ORGANIZATION, SANDBOX_USER } from '../tokens';
import { API_PATH, json, listTypePage, organizationRoute, scopes, sysIdOf } from './common';
import {
	MEETING_CREATE_BODY,
	MEETING_UPDATE_BODY,
	presenterFields,
	readSchedule,
	scheduleFields,
	sessionOf,
	startLinkOf,
} from './schedule';
import { zoneOffsetMs } from './time';

/**
 * Meetings, which the organization API calls sessions: list-of-meeting-api.html,
 * create-a-meeting.html, get-meeting-api.html, edit-meeting-api.html and delete. Each
 * answer has the fields its page shows, so that a client meets each page's variant
 * (the edit answer, for one, has no `endTime` and no zone after `startTime`).
 */

const SESSIONS = `${API_PATH}/{zsoid}/sessions`;

/** A cancelled meeting is, to this API, a deleted one: it answers INVALID_MEETING_KEY. */
export function findLiveMeeting(store: Store, meetingKey: string): MeetingRecord {
	const meeting = store.findMeeting(meetingKey);
	if (meeting.cancelled) throw new ApiError('INVALID_MEETING_KEY');
	return meeting;
}

// Zoho's examples give `meetingKey` as a number in these answers (and as a string elsewhere).
const keyOf = (meeting: MeetingRecord) => Number(meeting.meeting_key);

const passwordFields = (meeting: MeetingRecord) => ({
	pwd: meeting.meeting_password,
	encryptPwd: createHash('sha256').update(meeting.meeting_password).digest('hex'),
});

const embedUrlOf = (store: Store, meeting: MeetingRecord) =>
	`${store.baseUrl}/meeting/login/embedmeeting.jsp?meetingKey=${meeting.meeting_key}&newWindow=true`;

/** An entry of the list: list-of-meeting-api.html (no agenda, `presenterZuid`, a `sysId`). */
function listedSession(store: Store, meeting: MeetingRecord) {
	return {
		meetingKey: keyOf(meeting),
		topic: meeting.topic,
		presenterEmail: SANDBOX_USER.email,
		presenterZuid: SANDBOX_ORGANIZATION.zuid,
		...scheduleFields(meeting),
		creatorZuid: SANDBOX_ORGANIZATION.zuid,
		joinLink: meeting.meeting_url,
		meetingEmbedUrl: embedUrlOf(store, meeting),
		...passwordFields(meeting),
		sysId: sysIdOf(meeting.meeting_key),
	};
}

/** The get answer: get-meeting-api.html, with the participants its text promises. */
function sessionDetails(store: Store, meeting: MeetingRecord) {
	return {
		meetingKey: keyOf(meeting),
		topic: meeting.topic,
		agenda: meeting.agenda,
		...presenterFields(),
		...scheduleFields(meeting),
		joinLink: meeting.meeting_url,
		startLink: startLinkOf(store, meeting.meeting_key),
		...passwordFields(meeting),
		meetingEmbedUrl: embedUrlOf(store, meeting),
		participants: meeting.participants.map((participant) => ({ email: participant.email })),
	};
}

/** The create answer: create-a-meeting.html (with `offset` and `creatorZuid`). */
function createdSession(store: Store, meeting: MeetingRecord) {
	return {
		meetingKey: keyOf(meeting),
		topic: meeting.topic,
		agenda: meeting.agenda,
		presenter: SANDBOX_ORGANIZATION.zuid,
		...scheduleFields(meeting),
		offset: zoneOffsetMs(meeting.start, meeting.timezone),
		...passwordFields(meeting),
		creatorZuid: SANDBOX_ORGANIZATION.zuid,
		joinLink: meeting.meeting_url,
		startLink: startLinkOf(store, meeting.meeting_key),
		participants: meeting.participants.map((participant) => ({
			id: participant.participant_id,
			email: participant.email,
		})),
	};
}

/** The edit answer: edit-meeting-api.html, whose `startTime` has no zone and no `endTime`. */
function updatedSession(store: Store, meeting: MeetingRecord) {
	const { participants, endTime, ...rest } = sessionDetails(store, meeting);
	return { ...rest, startTime: scheduleFields(meeting, false).startTime };
}

function meetingInput(store: Store, body: Record<string, unknown>, current?: MeetingRecord) {
	const session = sessionOf(body);
	const input: MeetingInput = {
		...readSchedule(store, session, current),
		topic: session.topic,
		agenda: session.agenda,
	};
	return { input, participants: session.participants ?? [] };
}

export const sessionRoutes: ApiRoute[] = [
	// List of meetings: listtype, index and count are required; `count` in the answer is
	// the total of the listtype.
	organizationRoute({
		method: 'GET',
		path: `${SESSIONS}.json`,
		scope: scopes('meeting', 'READ'),
		query: ['listtype', 'index', 'count'],
		handle: (request) => {
			const { store } = request;
			const { page, total } = listTypePage(
				request,
				store.listMeetings({}).filter((meeting) => !meeting.cancelled),
				(meeting) => ({
					start: meeting.start,
					ended: meeting.completed,
					// The next occurrence not yet held has not started.
					upcoming:
						!meeting.completed && meeting.nextEnd - meeting.duration * 60_000 > store.now(),
				}),
				{ required: true },
			);
			return json(200, {
				session: page.map((meeting) => listedSession(store, meeting)),
				count: total,
			});
		},
	}),
	// Create a meeting
	organizationRoute({
		method: 'POST',
		path: `${SESSIONS}.json`,
		scope: scopes('meeting', 'CREATE'),
		body: { schema: MEETING_CREATE_BODY },
		handle: ({ store, body }) => {
			const { input, participants } = meetingInput(store, body);
			const meeting = store.createMeeting({
				...input,
				participants: participants.map(({ email }) => ({ email })),
			});
			return json(201, { session: createdSession(store, meeting) });
		},
	}),
	// Get a meeting
	organizationRoute({
		method: 'GET',
		path: `${SESSIONS}/{meetingKey}.json`,
		scope: scopes('meeting', 'READ'),
		handle: ({ store, params }) =>
			json(200, { session: sessionDetails(store, findLiveMeeting(store, params.meetingKey)) }),
	}),
	// Edit a meeting: the fields given change; participants given are invited.
	organizationRoute({
		method: 'PUT',
		path: `${SESSIONS}/{meetingKey}.json`,
		scope: scopes('meeting', 'UPDATE'),
		body: { schema: MEETING_UPDATE_BODY },
		handle: ({ store, params, body }) => {
			const meeting = findLiveMeeting(store, params.meetingKey);
			const { input, participants } = meetingInput(store, body, meeting);
			store.updateMeeting(meeting, input);
			if (participants.length > 0) store.addParticipants(meeting, participants);
			return json(200, { session: updatedSession(store, meeting) });
		},
	}),
	// Delete a meeting: 204, and the key is gone.
	organizationRoute({
		method: 'DELETE',
		path: `${SESSIONS}/{meetingKey}.json`,
		scope: scopes('meeting', 'DELETE'),
		handle: ({ store, params }) => {
			store.cancelMeeting(findLiveMeeting(store, params.meetingKey));
			return noContent();
		},
	}),
];
