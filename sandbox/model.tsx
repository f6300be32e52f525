import { PLANS, type PlanName } from './plans';
import type { RateLimits } from './rateLimit';

/**
 * The shapes the sandbox keeps: the configuration a test can change, and one record per
 * kind of object in the spec. Records hold times as epoch milliseconds; the routes turn
 * them into the spec's objects.
 */

/** The spec's timestamp format: `2025-12-15T14:00:00Z`, whole seconds, UTC. */
export function formatTime(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

export type DownloadMode = 'direct' | 'redirect';

/**
 * The two wire formats the sandbox speaks over the same store: `v2`, the reference
 * contract (`/api/v2/meetings`, the `{status, data}` envelope), and `organization`,
 * Zoho's published organization-scoped API (`/api/v2/{zsoid}/sessions.json`; see
 * docs/zoho-api.md).
 */
export const API_NAMES = ['v2', 'organization'] as const;
export type ApiName = (typeof API_NAMES)[number];

/**
 * Where Zoho's sources disagree or say nothing, the organization dialect can answer
 * either way, so that a client can be tested against each reading.
 */
export const ORGANIZATION_VARIANT_VALUES = {
	/**
	 * Webinar answers: `webinarKey` puts lists under `webinar` and names the key
	 * `webinarKey` (as Pipedream's client reads them); `meetingKey` puts lists under
	 * `session` and names the key `meetingKey` (as another client reads them).
	 */
	webinarKey: ['webinarKey', 'meetingKey'],
	/**
	 * The field of a recording that tells ready from processing: `processingState` (Zoho's
	 * page for a meeting's recordings) or `status` (a client's notes on the org-wide list).
	 */
	recordingState: ['processingState', 'status'],
	/**
	 * What `index` means: `documented` follows each endpoint's page (the position of the
	 * first record for the lists, a page number for the participant report); `record` and
	 * `page` force one reading everywhere; `ignored` always answers the first records.
	 */
	pagingIndex: ['documented', 'record', 'page', 'ignored'],
} as const;

type VariantValues = typeof ORGANIZATION_VARIANT_VALUES;

export type OrganizationVariants = {
	-readonly [K in keyof VariantValues]: VariantValues[K][number];
};

export const defaultOrganizationVariants = (): OrganizationVariants => ({
	webinarKey: 'webinarKey',
	recordingState: 'processingState',
	pagingIndex: 'documented',
});

/** Everything about the simulated Zoho that a test may change through the admin API. */
export interface SandboxConfig {
	plan: PlanName;
	limits: RateLimits;
	tokenTtlSeconds: number;
	autoApprove: boolean;
	/** Virtual seconds between a meeting's end and its recording becoming available. */
	recordingProcessingSeconds: number;
	/** Size of a recording per minute of meeting, unless a seed says otherwise. */
	recordingBytesPerMinute: number;
	/** `redirect`: downloads answer 302 to a signed one-time URL on the "CDN" listener. */
	downloadMode: DownloadMode;
	/** Added before every API answer. */
	latencyMs: number;
	/** The wire format of the API; the admin API switches it at run time. */
	api: ApiName;
	organization: OrganizationVariants;
}

export const limitsOfPlan = (plan: PlanName, windowSeconds: number): RateLimits => ({
	perWindow: PLANS[plan].callsPerMinute,
	perDay: PLANS[plan].callsPerDay,
	windowSeconds,
});

export const WEEKDAYS = [
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday',
	'sunday',
] as const;
export const RECURRENCE_TYPES = ['daily', 'weekly', 'monthly'] as const;

export type Weekday = (typeof WEEKDAYS)[number];
export type RecurrenceType = (typeof RECURRENCE_TYPES)[number];

export interface MeetingSettings {
	allow_participant_screen_share: boolean;
	mute_participants_on_entry: boolean;
	enable_waiting_room: boolean;
	allow_recording: boolean;
}

export interface Recurrence {
	type: RecurrenceType;
	repeat_interval: number;
	days_of_week: Weekday[];
	end_date: number | null;
}

/** One participant's presence in one session. */
export interface Attendance {
	participant_id: string;
	name: string;
	email: string;
	join: number;
	leave: number;
	device: string;
	location: string;
	ip_address: string;
}

export interface ParticipantRecord {
	participant_id: string;
	email: string;
	name: string;
	role: 'attendee';
	/** Their attendance of the latest session, once one has been held. */
	attendance: Attendance | null;
}

export interface SessionRecord {
	session_id: string;
	meeting_key: string;
	start: number;
	end: number;
	attendance: Attendance[];
	recording_id: string | null;
}

export interface MeetingRecord {
	meeting_key: string;
	topic: string;
	agenda: string;
	start: number;
	duration: number;
	timezone: string;
	meeting_url: string;
	meeting_password: string;
	recurrence: Recurrence | null;
	recording_enabled: boolean;
	participant_limit: number;
	settings: MeetingSettings;
	cancelled: boolean;
	completed: boolean;
	/** Who presents it, when not the account's user: another user of the organization (a seed can say). */
	presenter?: { email: string; name: string };
	created: number;
	modified: number;
	participants: ParticipantRecord[];
	sessions: SessionRecord[];
	/** End of the next occurrence not yet held: when the store next has work to do. */
	nextEnd: number;
}

export interface RecordingRecord {
	recording_id: string;
	meeting_key: string;
	topic: string;
	start: number;
	duration: number;
	file_size: number;
	password_protected: boolean;
	created: number;
	availableAt: number;
	slug: string;
}

export interface WebinarSettings {
	allow_questions: boolean;
	allow_polls: boolean;
	record_webinar: boolean;
}

export interface RegistrationRecord {
	registration_id: string;
	webinar_key: string;
	email: string;
	name: string;
	approved: boolean;
	registered: number;
}

export interface WebinarRecord {
	webinar_key: string;
	topic: string;
	description: string;
	start: number;
	duration: number;
	timezone: string;
	max_attendees: number;
	registration_required: boolean;
	settings: WebinarSettings;
	webinar_url: string;
	registration_url: string;
	created: number;
	modified: number;
	registrations: Map<string, RegistrationRecord>;
}

/** The spec's Settings API object. */
export interface UserSettings {
	default_meeting_duration: number;
	default_timezone: string;
	auto_recording: boolean;
	waiting_room_enabled: boolean;
}

export interface ParticipantInput {
	email: string;
	name?: string;
	send_invitation?: boolean;
}

export interface RecurrenceInput {
	type: RecurrenceType;
	repeat_interval?: number;
	days_of_week?: Weekday[];
	end_date?: string;
}

/** A meeting body as the validator lets it through (create, update or seed). */
export interface MeetingInput {
	topic?: string;
	agenda?: string;
	start_time?: string;
	duration?: number;
	timezone?: string;
	participants?: ParticipantInput[];
	recording_enabled?: boolean;
	settings?: Partial<MeetingSettings>;
	is_recurring?: boolean;
	recurrence?: RecurrenceInput;
	meeting_password?: string;
	participant_limit?: number;
}

export interface WebinarInput {
	topic?: string;
	description?: string;
	start_time?: string;
	duration?: number;
	timezone?: string;
	max_attendees?: number;
	registration_required?: boolean;
	settings?: Partial<WebinarSettings>;
}

export interface DateFilter {
	status?: string;
	from?: number;
	to?: number;
}
