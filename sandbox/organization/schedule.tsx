import { ApiError, invalidParameter } from '../http';
import type { Store } from '../store';
import { SANDBOX_ORGANIZATION, SANDBOX_USER } from '../tokens';
import type { Field, Schema } from '../validation';
import {
	formatZohoDateTime,
	minutesToMs,
	msToMinutes,
	parseZohoDateTime,
} from './time';

/**
 * The `session` object that create and edit take, for meetings (create-a-meeting.html,
 * edit-meeting-api.html) and webinars alike: every field optional on an edit. Fields
 * outside it are refused, so a v2 field name (`start_time`) sent by mistake is named.
 */
const SESSION_FIELDS: Schema = {
	topic: { kind: 'string', maxLength: 200 },
	agenda: { kind: 'string', maxLength: 2000 },
	presenter: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER },
	startTime: { kind: 'string' },
	// Milliseconds: a day at most, like the v2 API's 1440 minutes.
	duration: { kind: 'integer', min: 60_000, max: 86_400_000 },
	timezone: { kind: 'timezone' },
};

const PARTICIPANTS: Field = {
	kind: 'array',
	items: { kind: 'object', fields: { email: { kind: 'email', required: true } } },
	maxItems: 1000,
};

const wrapped = (fields: Schema): Schema => ({
	session: { kind: 'object', required: true, fields },
});

const REQUIRED_ON_CREATE: Schema = {
	topic: { kind: 'string', maxLength: 200, required: true },
	startTime: { kind: 'string', required: true },
};

export const MEETING_CREATE_BODY = wrapped({
	...SESSION_FIELDS,
	...REQUIRED_ON_CREATE,
	participants: PARTICIPANTS,
});
export const MEETING_UPDATE_BODY = wrapped({ ...SESSION_FIELDS, participants: PARTICIPANTS });
export const WEBINAR_CREATE_BODY = wrapped({ ...SESSION_FIELDS, ...REQUIRED_ON_CREATE });
export const WEBINAR_UPDATE_BODY = wrapped(SESSION_FIELDS);

export interface SessionBody {
	topic?: string;
	agenda?: string;
	presenter?: number;
	startTime?: string;
	duration?: number;
	timezone?: string;
	participants?: Array<{ email: string }>;
}

export const sessionOf = (body: Record<string, unknown>) => body.session as SessionBody;

/** The store's schedule fields (ISO 8601 start, minutes) for a session body. */
export interface Schedule {
	start_time?: string;
	duration?: number;
	timezone?: string;
}

/**
 * Reads the schedule of a session body: `startTime` in the body's `timezone` (or the
 * one the edited record has, or the account's default), `duration` in whole minutes of ms.
 */
export function readSchedule(
	store: Store,
	session: SessionBody,
	current?: { timezone: string },
): Schedule {
	const timeZone = session.timezone ?? current?.timezone ?? store.settings.default_timezone;
	if (session.presenter !== undefined && session.presenter !== SANDBOX_ORGANIZATION.zuid) {
		throw invalidParameter(
			`Invalid value for session.presenter: ${session.presenter} is not a user of this ` +
				`organization; its user's Zoho user ID is ${SANDBOX_ORGANIZATION.zuid}`,
		);
	}
	const schedule: Schedule = { timezone: session.timezone };
	if (session.startTime !== undefined) {
		const start = parseZohoDateTime(session.startTime, timeZone);
		if (start === undefined) {
			throw new ApiError(
				'INVALID_DATE_FORMAT',
				`Invalid date for session.startTime: expected a time such as "Jun 19, 2030 07:00 PM", ` +
					`read in the session's timezone (${timeZone}), not ${JSON.stringify(session.startTime)}`,
			);
		}
		schedule.start_time = new Date(start).toISOString();
	}
	if (session.duration !== undefined) {
		if (session.duration % 60_000 !== 0) {
			throw invalidParameter(
				'Invalid value for session.duration: expected milliseconds in whole minutes, ' +
					`such as 3600000 for an hour, not ${session.duration}`,
			);
		}
		schedule.duration = msToMinutes(session.duration);
	}
	return schedule;
}

/** A meeting's or webinar's record, as the answers need it. */
interface ScheduledRecord {
	start: number;
	duration: number;
	timezone: string;
}

/** `startTime`, `endTime` and `duration` as the answers give them. */
export function scheduleFields(record: ScheduledRecord, withZone = true) {
	return {
		startTime: formatZohoDateTime(record.start, record.timezone, withZone),
		endTime: formatZohoDateTime(
			record.start + minutesToMs(record.duration),
			record.timezone,
			withZone,
		),
		duration: minutesToMs(record.duration),
		timezone: record.timezone,
	};
}

/** The presenter as the get answers name them. */
export const presenterFields = () => ({
	presenter: SANDBOX_ORGANIZATION.zuid,
	presenterEmail: SANDBOX_USER.email,
	presenterName: SANDBOX_USER.name,
});

export const startLinkOf = (store: Store, key: string) =>
	`${store.baseUrl}/meeting-start?key=${key}`;
