import { LIST_QUERY, pageOf, type ApiRoute } from '../api';
import { created, noContent } from '../http';
import { formatTime, type ParticipantInput, type ParticipantRecord } from '../model';
import type { Field } from '../validation';

/** Spec "Participants API": one participant of a meeting, with their latest attendance. */

/** One entry of a `participants` array, in the create-meeting body and here alike. */
export const PARTICIPANT_FIELD: Field = {
	kind: 'object',
	fields: {
		email: { kind: 'email', required: true },
		name: { kind: 'string', maxLength: 100 },
		send_invitation: { kind: 'boolean' },
	},
};

export const PARTICIPANTS_FIELD: Field = {
	kind: 'array',
	items: PARTICIPANT_FIELD,
	maxItems: 1000,
};

export function participantObject(participant: ParticipantRecord) {
	const attendance = participant.attendance;
	return {
		participant_id: participant.participant_id,
		email: participant.email,
		name: participant.name,
		role: participant.role,
		join_time: attendance ? formatTime(attendance.join) : null,
		leave_time: attendance ? formatTime(attendance.leave) : null,
		duration: attendance ? Math.round((attendance.leave - attendance.join) / 60_000) : 0,
		device: attendance?.device ?? null,
		location: attendance?.location ?? null,
		ip_address: attendance?.ip_address ?? null,
		status: attendance ? 'joined' : 'invited',
	};
}

export const participantRoutes: ApiRoute[] = [
	// Add Participants to Meeting
	{
		method: 'POST',
		path: '/meetings/{meeting_key}/participants',
		scope: 'meeting',
		body: { schema: { participants: { ...PARTICIPANTS_FIELD, minItems: 1, required: true } } },
		handle: ({ store, params, body }) => {
			const meeting = store.findMeeting(params.meeting_key);
			const added = store.addParticipants(meeting, body.participants as ParticipantInput[]);
			return created(added.map(participantObject));
		},
	},
	// List Meeting Participants
	{
		method: 'GET',
		path: '/meetings/{meeting_key}/participants',
		scope: 'meeting',
		query: LIST_QUERY,
		handle: ({ store, params, query }) =>
			pageOf(store.findMeeting(params.meeting_key).participants, query, participantObject),
	},
	// Remove Participant
	{
		method: 'DELETE',
		path: '/meetings/{meeting_key}/participants/{participant_id}',
		scope: 'meeting',
		handle: ({ store, params }) => {
			store.removeParticipant(store.findMeeting(params.meeting_key), params.participant_id);
			return noContent();
		},
	},
];
