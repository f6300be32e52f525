import type { IDataObject } from 'n8n-workflow';

import type { DialectContext } from './dialect';
import { isoOfEpoch, isoOfZohoTime, minutesOf } from './organizationDates';

/**
 * The organization API's objects as the contract's (docs/api-contract.md): a field the
 * contract has gets its name and format (`meetingKey` → `meeting_key`, `startTime` text →
 * ISO 8601 UTC `start_time`, milliseconds → minutes); every other field Zoho sends stays
 * under Zoho's name. Where sources disagree on a field's name or type
 * (docs/zoho-api.md, "Where the sources disagree"), each is read.
 */

const textOf = (value: unknown) =>
	typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

/** Without the fields whose value is undefined, so that output items hold only what Zoho said. */
function defined(object: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** A Zoho object without the fields the contract renames, so the rest can be kept as they are. */
function without(object: IDataObject, names: readonly string[]): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([name]) => !names.includes(name)));
}

/** The contract's status of a meeting or webinar: Zoho's answers have none, so it is read off the schedule. */
function statusOf(start: string | undefined, minutes: number | undefined, now: number): string | undefined {
	if (start === undefined) return undefined;
	return Date.parse(start) + (minutes ?? 0) * 60_000 <= now ? 'completed' : 'scheduled';
}

/** The contract's presenter object, from the get answer's `presenterEmail`, `presenterName` and `presenter` (a zuid). */
function presenterOf(session: IDataObject): IDataObject | undefined {
	const presenter = defined({
		email: textOf(session.presenterEmail),
		name: textOf(session.presenterName),
		zuid: textOf(session.presenter ?? session.presenterZuid),
	});
	return Object.keys(presenter).length ? presenter : undefined;
}

/** Start, duration, zone and status, shared by meetings and webinars. */
function schedule(session: IDataObject, context: DialectContext): IDataObject {
	const start = isoOfZohoTime(session.startTime, session.timezone, context);
	const duration = minutesOf(session.duration);
	return defined({
		start_time: start,
		duration,
		timezone: textOf(session.timezone),
		presenter: presenterOf(session),
		status: statusOf(start, duration, context.now),
	});
}

const SCHEDULE_FIELDS = ['startTime', 'duration', 'timezone', 'presenter', 'presenterEmail', 'presenterName', 'presenterZuid'];

/** A meeting (`session`): list-of-meeting-api.html, get-, create-a- and edit-meeting-api.html. */
export function toMeeting(session: IDataObject, context: DialectContext): IDataObject {
	const participants = Array.isArray(session.participants)
		? (session.participants as IDataObject[]).map((participant) =>
				defined({ participant_id: textOf(participant.id), email: textOf(participant.email) }),
			)
		: undefined;
	return defined({
		...without(session, [...SCHEDULE_FIELDS, 'meetingKey', 'topic', 'agenda', 'joinLink', 'pwd', 'participants']),
		meeting_key: textOf(session.meetingKey),
		topic: session.topic,
		agenda: session.agenda,
		...schedule(session, context),
		meeting_url: textOf(session.joinLink),
		meeting_password: textOf(session.pwd),
		participants,
	});
}

/** A webinar: its key is `webinarKey` to one client, `meetingKey` to another. */
export function toWebinar(session: IDataObject, context: DialectContext): IDataObject {
	return defined({
		...without(session, [...SCHEDULE_FIELDS, 'webinarKey', 'meetingKey', 'topic', 'agenda', 'joinLink', 'registrationLink']),
		webinar_key: textOf(session.webinarKey ?? session.meetingKey),
		topic: session.topic,
		description: session.agenda,
		...schedule(session, context),
		webinar_url: textOf(session.joinLink),
		registration_url: textOf(session.registrationLink),
	});
}

/** `"4856563"` (bytes, get-specific-recording.html) as a number; `"1 MB"` (a client's notes) stays only as `fileSize`. */
const bytesOf = (size: unknown) => (typeof size === 'number' ? size : typeof size === 'string' && /^\d+$/.test(size) ? Number(size) : undefined);

/**
 * A recording: `processingState` (Zoho's page) or `status` (a client's notes) says
 * `UPLOADED` once it can be downloaded; its start is `startTimeMillis` (a string) or
 * `startTimeinMs` (a number).
 */
export function toRecording(recording: IDataObject, context: DialectContext, meetingKey?: string): IDataObject {
	const state = textOf(recording.processingState ?? recording.status);
	const start = isoOfEpoch(recording.startTimeMillis ?? recording.startTimeinMs);
	return defined({
		...without(recording, ['erecordingId', 'meetingKey', 'topic', 'duration', 'downloadUrl', 'playUrl', 'status', 'startTime']),
		recording_id: textOf(recording.erecordingId ?? recording.recordingId),
		meeting_key: textOf(recording.meetingKey) ?? meetingKey,
		topic: recording.topic,
		start_time: start ?? isoOfZohoTime(recording.startTime, undefined, context),
		duration: minutesOf(recording.duration),
		file_size: bytesOf(recording.fileSize),
		download_url: textOf(recording.downloadUrl),
		streaming_url: textOf(recording.playUrl),
		status: state === undefined ? undefined : state.toUpperCase() === 'UPLOADED' ? 'available' : 'processing',
	});
}

/** Zoho's `source` of a participant as the contract's `device`; the sandbox's `web` is the contract's `browser`. */
const DEVICES: Record<string, string> = { web: 'browser' };

/** A row of the participant report (participant-report.html): one attendance, times in epoch ms. */
export function toParticipant(row: IDataObject): IDataObject {
	const source = textOf(row.source);
	return defined({
		...without(row, ['memberId', 'email', 'joinTime', 'leaveTime', 'duration']),
		participant_id: textOf(row.memberId),
		email: textOf(row.email),
		join_time: isoOfEpoch(row.joinTime),
		leave_time: isoOfEpoch(row.leaveTime),
		duration: minutesOf(row.duration),
		device: source === undefined ? undefined : (DEVICES[source] ?? source),
		status: 'joined',
	});
}
