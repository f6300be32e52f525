import { randomBytes } from 'node:crypto';

import { ApiError } from './http';
import type {
	Attendance,
	DateFilter,
	MeetingInput,
	MeetingRecord,
	ParticipantInput,
	ParticipantRecord,
	RecordingRecord,
	RegistrationRecord,
	SandboxConfig,
	SessionRecord,
	UserSettings,
	WebinarInput,
	WebinarRecord,
} from './model';
import { DEFAULT_PARTICIPANT_LIMIT, PLANS } from './plans';
import { occurrenceStarts, resolveRecurrence } from './recurrence';
import { TokenRegistry } from './tokens';
import { dateMs } from './validation';

// The records are the store's vocabulary: code reading `sandbox.state` imports them from here.
export type * from './model';

const MINUTE_MS = 60_000;

/**
 * Real time plus an offset a test can move forward, so that meetings end and
 * recordings finish processing without anyone waiting for them.
 */
export class Clock {
	private offsetMs = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}

	advance(seconds: number): void {
		this.offsetMs += seconds * 1000;
	}

	set(ms: number): void {
		this.offsetMs = ms - Date.now();
	}

	get offsetSeconds(): number {
		return this.offsetMs / 1000;
	}

	reset(): void {
		this.offsetMs = 0;
	}
}

const DEFAULT_SETTINGS: UserSettings = {
	default_meeting_duration: 60,
	default_timezone: 'UTC',
	auto_recording: false,
	waiting_room_enabled: false,
};

/** Where the numbered IDs start; they keep counting across resets so stale IDs never resolve. */
const ID_BASES = {
	meeting: 1_000_000_000,
	participant: 9_000_000_000,
	session: 5_000_000_000,
	recording: 7_000_000_000,
	webinar: 2_000_000_000,
	registration: 3_000_000_000,
};

/** Where the ID counters stand at some moment: see `Store.mark`. */
export type IdMark = typeof ID_BASES;

const DEVICES = ['desktop', 'browser', 'mobile'];
const LOCATIONS = [
	'New York, USA',
	'London, UK',
	'Chennai, India',
	'Sydney, Australia',
	'Berlin, Germany',
];

/**
 * Random hex drawn from a pooled buffer: one `randomBytes` call costs microseconds,
 * which a seed of 10,000 meetings would pay twice per meeting.
 */
const randomPool = { bytes: Buffer.alloc(0), offset: 0 };
function randomHex(byteCount: number): string {
	if (randomPool.offset + byteCount > randomPool.bytes.length) {
		randomPool.bytes = randomBytes(8192);
		randomPool.offset = 0;
	}
	randomPool.offset += byteCount;
	return randomPool.bytes.toString('hex', randomPool.offset - byteCount, randomPool.offset);
}

const randomSlug = () => randomHex(6);

const meetingPast = (detail: string) =>
	new ApiError('MEETING_PAST', `Cannot modify a past meeting: ${detail}`);

/**
 * The state of the simulated Zoho account. Time-driven changes (a meeting ending, its
 * session and recording appearing) happen in `settle`, which the server calls before
 * answering, so every answer reflects the virtual clock at that moment.
 */
export class Store {
	readonly clock = new Clock();
	readonly tokens = new TokenRegistry();
	readonly meetings = new Map<string, MeetingRecord>();
	readonly recordings = new Map<string, RecordingRecord>();
	readonly webinars = new Map<string, WebinarRecord>();
	config: SandboxConfig;
	settings: UserSettings = { ...DEFAULT_SETTINGS };
	private readonly pending = new Set<MeetingRecord>();
	private readonly nextIds = { ...ID_BASES };

	constructor(
		/** The sandbox's own URL, the host of meeting, webinar and recording links. */
		readonly baseUrl: string,
		private readonly initialConfig: SandboxConfig,
	) {
		this.config = structuredClone(initialConfig);
	}

	now(): number {
		return this.clock.now();
	}

	/** Back to an empty account and the configuration the sandbox started with. */
	reset(): void {
		this.meetings.clear();
		this.recordings.clear();
		this.webinars.clear();
		this.pending.clear();
		this.settings = { ...DEFAULT_SETTINGS };
		this.config = structuredClone(this.initialConfig);
		this.clock.reset();
	}

	/** Holds every session whose meeting occurrence has ended by now. */
	settle(): void {
		const now = this.now();
		for (const meeting of this.pending) {
			if (meeting.nextEnd <= now) this.holdEndedOccurrences(meeting, now);
		}
	}

	// ----- Meetings -----

	findMeeting(meetingKey: string): MeetingRecord {
		const meeting = this.meetings.get(meetingKey);
		if (!meeting) throw new ApiError('INVALID_MEETING_KEY');
		return meeting;
	}

	meetingStatus(meeting: MeetingRecord): 'scheduled' | 'completed' | 'cancelled' {
		if (meeting.cancelled) return 'cancelled';
		return meeting.completed ? 'completed' : 'scheduled';
	}

	/** A seed gives the start as a time, and may put it in the past; the API may not. */
	createMeeting(input: MeetingInput, seed?: { start: number }): MeetingRecord {
		const now = this.now();
		const start = seed ? seed.start : dateMs(input.start_time ?? '');
		if (!seed && start < now) throw meetingPast(`start_time ${input.start_time} is in the past`);
		const participantLimit =
			input.participant_limit ??
			Math.min(DEFAULT_PARTICIPANT_LIMIT, PLANS[this.config.plan].maxParticipants);
		this.checkParticipantLimit(participantLimit, input.participants?.length ?? 0);
		const meeting: MeetingRecord = {
			meeting_key: this.nextId('meeting'),
			topic: input.topic ?? 'Untitled meeting',
			agenda: input.agenda ?? '',
			start,
			duration: input.duration ?? this.settings.default_meeting_duration,
			timezone: input.timezone ?? this.settings.default_timezone,
			meeting_url: `${this.baseUrl}/meeting/join/${randomSlug()}`,
			meeting_password: input.meeting_password ?? randomHex(4),
			recurrence: resolveRecurrence(input.is_recurring ?? false, input.recurrence, null, start),
			recording_enabled: input.recording_enabled ?? this.settings.auto_recording,
			participant_limit: participantLimit,
			settings: {
				allow_participant_screen_share: true,
				mute_participants_on_entry: false,
				enable_waiting_room: this.settings.waiting_room_enabled,
				allow_recording: true,
				...input.settings,
			},
			cancelled: false,
			completed: false,
			// A seeded past meeting was, plausibly, created before it started.
			created: Math.min(now, start),
			modified: Math.min(now, start),
			participants: [],
			sessions: [],
			nextEnd: Infinity,
		};
		meeting.nextEnd = firstEnd(meeting);
		this.meetings.set(meeting.meeting_key, meeting);
		this.pending.add(meeting);
		this.inviteParticipants(meeting, input.participants ?? []);
		return meeting;
	}

	/** PUT: changes what the body names, as long as the meeting has not started. */
	updateMeeting(meeting: MeetingRecord, input: MeetingInput): void {
		const now = this.now();
		this.assertModifiable(meeting, now);
		const start = newStart(meeting.start, input.start_time, now);
		const participantLimit = input.participant_limit ?? meeting.participant_limit;
		this.checkParticipantLimit(participantLimit, meeting.participants.length);
		const isRecurring = input.is_recurring ?? meeting.recurrence !== null;
		meeting.recurrence = resolveRecurrence(
			isRecurring,
			input.recurrence,
			meeting.recurrence,
			start,
		);
		meeting.start = start;
		meeting.participant_limit = participantLimit;
		copyGiven(meeting, input, [
			'topic',
			'agenda',
			'duration',
			'timezone',
			'meeting_password',
			'recording_enabled',
		]);
		meeting.settings = { ...meeting.settings, ...input.settings };
		meeting.modified = now;
		meeting.nextEnd = firstEnd(meeting);
	}

	/** DELETE is idempotent: cancelling a cancelled meeting changes nothing. */
	cancelMeeting(meeting: MeetingRecord): void {
		if (meeting.cancelled) return;
		this.assertModifiable(meeting, this.now());
		this.markCancelled(meeting);
	}

	/** Cancels without the "not started" rule, for seeds of past cancelled meetings. */
	markCancelled(meeting: MeetingRecord): void {
		meeting.cancelled = true;
		meeting.modified = Math.max(meeting.modified, this.now());
		this.pending.delete(meeting);
	}

	listMeetings(filter: DateFilter): MeetingRecord[] {
		return listByStart(
			this.meetings.values(),
			filter,
			(m) => this.meetingStatus(m),
			(m) => m.meeting_key,
		);
	}

	// ----- Participants -----

	/** Adds participants; one already invited (same email) is returned as it is. */
	addParticipants(meeting: MeetingRecord, inputs: ParticipantInput[]): ParticipantRecord[] {
		this.assertModifiable(meeting, this.now());
		return this.inviteParticipants(meeting, inputs);
	}

	/** Invites without the "not started" rule: for seeds and for a new meeting's own list. */
	inviteParticipants(meeting: MeetingRecord, inputs: ParticipantInput[]): ParticipantRecord[] {
		const byEmail = new Map(meeting.participants.map((p) => [p.email.toLowerCase(), p]));
		const added = inputs.map((input) => {
			const known = byEmail.get(input.email.toLowerCase());
			if (known) return { participant: known, isNew: false };
			const participant: ParticipantRecord = {
				participant_id: this.nextId('participant'),
				email: input.email,
				name: input.name ?? input.email.split('@')[0],
				role: 'attendee',
				attendance: null,
			};
			byEmail.set(input.email.toLowerCase(), participant);
			return { participant, isNew: true };
		});
		const fresh = added.filter((entry) => entry.isNew).map((entry) => entry.participant);
		this.checkParticipantLimit(
			meeting.participant_limit,
			meeting.participants.length + fresh.length,
		);
		meeting.participants.push(...fresh);
		if (fresh.length > 0) meeting.modified = Math.max(meeting.modified, this.now());
		return added.map((entry) => entry.participant);
	}

	removeParticipant(meeting: MeetingRecord, participantId: string): void {
		this.assertModifiable(meeting, this.now());
		const index = meeting.participants.findIndex((p) => p.participant_id === participantId);
		if (index < 0) throw new ApiError('INVALID_PARTICIPANT_ID');
		meeting.participants.splice(index, 1);
		meeting.modified = this.now();
	}

	// ----- Sessions -----

	findSession(meeting: MeetingRecord, sessionId: string): SessionRecord {
		const session = meeting.sessions.find((s) => s.session_id === sessionId);
		if (!session) throw new ApiError('INVALID_SESSION_ID');
		return session;
	}

	// ----- Recordings -----

	findRecording(recordingId: string): RecordingRecord {
		const recording = this.recordings.get(recordingId);
		if (!recording) throw new ApiError('INVALID_RECORDING_ID');
		return recording;
	}

	recordingStatus(recording: RecordingRecord): 'processing' | 'available' {
		return this.now() >= recording.availableAt ? 'available' : 'processing';
	}

	listRecordings(filter: DateFilter): RecordingRecord[] {
		return [...this.recordings.values()]
			.filter((recording) => inRange(recording.start, filter))
			.sort((a, b) => a.created - b.created || compareIds(a.recording_id, b.recording_id));
	}

	/** Records a span of a meeting: a held session, or a seed's. Processing starts at its end. */
	recordSpan(meeting: MeetingRecord, span: { start: number; end: number }): RecordingRecord {
		const duration = Math.round((span.end - span.start) / MINUTE_MS);
		const recording: RecordingRecord = {
			recording_id: `REC_${this.nextId('recording')}`,
			meeting_key: meeting.meeting_key,
			topic: meeting.topic,
			start: span.start,
			duration,
			file_size: duration * this.config.recordingBytesPerMinute,
			password_protected: false,
			created: span.end,
			availableAt: span.end + this.config.recordingProcessingSeconds * 1000,
			slug: randomSlug(),
		};
		this.recordings.set(recording.recording_id, recording);
		return recording;
	}

	deleteRecording(recordingId: string): void {
		this.findRecording(recordingId);
		this.recordings.delete(recordingId);
	}

	// ----- Webinars -----

	findWebinar(webinarKey: string): WebinarRecord {
		const webinar = this.webinars.get(webinarKey);
		if (!webinar) throw new ApiError('INVALID_WEBINAR_KEY');
		return webinar;
	}

	webinarStatus(webinar: WebinarRecord): 'scheduled' | 'completed' {
		return this.now() >= webinarEnd(webinar) ? 'completed' : 'scheduled';
	}

	createWebinar(input: WebinarInput, seed?: { start: number }): WebinarRecord {
		const now = this.now();
		const start = seed ? seed.start : dateMs(input.start_time ?? '');
		if (!seed && start < now) throw meetingPast(`start_time ${input.start_time} is in the past`);
		const key = this.nextId('webinar');
		const webinar: WebinarRecord = {
			webinar_key: key,
			topic: input.topic ?? 'Untitled webinar',
			description: input.description ?? '',
			start,
			duration: input.duration ?? this.settings.default_meeting_duration,
			timezone: input.timezone ?? this.settings.default_timezone,
			max_attendees: input.max_attendees ?? 100,
			registration_required: input.registration_required ?? false,
			settings: {
				allow_questions: true,
				allow_polls: true,
				record_webinar: false,
				...input.settings,
			},
			webinar_url: `${this.baseUrl}/webinar/join/${randomSlug()}`,
			registration_url: `${this.baseUrl}/webinar/register/${randomSlug()}`,
			created: now,
			modified: now,
			registrations: new Map(),
		};
		this.webinars.set(key, webinar);
		return webinar;
	}

	updateWebinar(webinar: WebinarRecord, input: WebinarInput): void {
		const now = this.now();
		if (webinar.start <= now) {
			throw meetingPast(`webinar ${webinar.webinar_key} has already started`);
		}
		webinar.start = newStart(webinar.start, input.start_time, now);
		copyGiven(webinar, input, [
			'topic',
			'description',
			'duration',
			'timezone',
			'max_attendees',
			'registration_required',
		]);
		webinar.settings = { ...webinar.settings, ...input.settings };
		webinar.modified = now;
	}

	deleteWebinar(webinarKey: string): void {
		this.findWebinar(webinarKey);
		this.webinars.delete(webinarKey);
	}

	listWebinars(filter: DateFilter): WebinarRecord[] {
		return listByStart(
			this.webinars.values(),
			filter,
			(w) => this.webinarStatus(w),
			(w) => w.webinar_key,
		);
	}

	// ----- Registrations -----

	addRegistration(
		webinar: WebinarRecord,
		registrant: { email: string; name: string; approved?: boolean; registered?: number },
	): RegistrationRecord {
		const registration: RegistrationRecord = {
			registration_id: this.nextId('registration'),
			webinar_key: webinar.webinar_key,
			email: registrant.email,
			name: registrant.name,
			approved: registrant.approved ?? false,
			registered: registrant.registered ?? this.now(),
		};
		webinar.registrations.set(registration.registration_id, registration);
		return registration;
	}

	findRegistration(webinar: WebinarRecord, registrationId: string): RegistrationRecord {
		const registration = webinar.registrations.get(registrationId);
		if (!registration) throw new ApiError('INVALID_REGISTRATION_ID');
		return registration;
	}

	/** Where the ID counters stand: whatever is created afterwards has a higher ID. */
	mark(): IdMark {
		return { ...this.nextIds };
	}

	/**
	 * Removes what was created since `mark`, so that a seed failing half-way leaves
	 * nothing behind. Sessions and recordings that older meetings held meanwhile (the
	 * clock runs on) stay.
	 */
	discardSince(mark: IdMark): void {
		const isNew = (id: string, kind: keyof IdMark) => Number(id.replace(/^\D+/, '')) > mark[kind];
		for (const meeting of [...this.meetings.values()]) {
			if (isNew(meeting.meeting_key, 'meeting')) {
				this.meetings.delete(meeting.meeting_key);
				this.pending.delete(meeting);
			} else {
				meeting.participants = meeting.participants.filter(
					(p) => !isNew(p.participant_id, 'participant'),
				);
			}
		}
		for (const webinar of [...this.webinars.values()]) {
			if (isNew(webinar.webinar_key, 'webinar')) this.webinars.delete(webinar.webinar_key);
			for (const id of [...webinar.registrations.keys()]) {
				if (isNew(id, 'registration')) webinar.registrations.delete(id);
			}
		}
		for (const recording of [...this.recordings.values()]) {
			const heldBy = this.meetings.get(recording.meeting_key)?.sessions;
			const ofASession = heldBy?.some((session) => session.recording_id === recording.recording_id);
			if (isNew(recording.recording_id, 'recording') && !ofASession) {
				this.recordings.delete(recording.recording_id);
			}
		}
	}

	counts() {
		const meetings = [...this.meetings.values()];
		const webinars = [...this.webinars.values()];
		return {
			meetings: meetings.length,
			participants: sum(meetings.map((m) => m.participants.length)),
			sessions: sum(meetings.map((m) => m.sessions.length)),
			recordings: this.recordings.size,
			webinars: webinars.length,
			registrations: sum(webinars.map((w) => w.registrations.size)),
			...this.tokens.counts(),
		};
	}

	// ----- Internals -----

	private nextId(kind: keyof typeof ID_BASES): string {
		this.nextIds[kind] += 1;
		return String(this.nextIds[kind]);
	}

	private assertModifiable(meeting: MeetingRecord, now: number): void {
		if (meeting.cancelled) throw meetingPast(`meeting ${meeting.meeting_key} was cancelled`);
		if (meeting.start <= now) {
			throw meetingPast(`meeting ${meeting.meeting_key} has already started`);
		}
	}

	private checkParticipantLimit(limit: number, participants: number): void {
		const { plan } = this.config;
		const planMax = PLANS[plan].maxParticipants;
		if (limit > planMax) {
			throw new ApiError(
				'PARTICIPANT_LIMIT_REACHED',
				`Maximum participants reached: the ${plan} plan allows a participant_limit of at most ${planMax}`,
			);
		}
		if (participants > limit) {
			throw new ApiError(
				'PARTICIPANT_LIMIT_REACHED',
				`Maximum participants reached: the meeting allows ${limit} participants, not ${participants}`,
			);
		}
	}

	private holdEndedOccurrences(meeting: MeetingRecord, now: number): void {
		let lastEnd = meeting.modified;
		let index = 0;
		for (const start of occurrenceStarts(meeting.start, meeting.recurrence)) {
			const end = start + meeting.duration * MINUTE_MS;
			if (index++ < meeting.sessions.length) {
				lastEnd = end;
				continue;
			}
			if (end > now) {
				meeting.nextEnd = end;
				return;
			}
			this.holdSession(meeting, start, end);
			lastEnd = end;
		}
		// The series is over: per the spec the meeting is completed, modified when it ended.
		meeting.completed = true;
		meeting.modified = lastEnd;
		meeting.nextEnd = Infinity;
		this.pending.delete(meeting);
	}

	/**
	 * Every invited participant attends, the n-th joining n % 5 minutes late, so reports
	 * have numbers a test can predict; a recording follows if the meeting records.
	 */
	private holdSession(meeting: MeetingRecord, start: number, end: number): void {
		const attendance = meeting.participants.map((participant, index) => {
			const id = Number(participant.participant_id);
			const lateMinutes = Math.min(index % 5, Math.max(0, meeting.duration - 1));
			const record: Attendance = {
				participant_id: participant.participant_id,
				name: participant.name,
				email: participant.email,
				join: start + lateMinutes * MINUTE_MS,
				leave: end,
				device: DEVICES[id % DEVICES.length],
				location: LOCATIONS[id % LOCATIONS.length],
				ip_address: `192.168.${Math.floor(id / 256) % 256}.${id % 256}`,
			};
			participant.attendance = record;
			return record;
		});
		const session: SessionRecord = {
			session_id: `SESSION_${this.nextId('session')}`,
			meeting_key: meeting.meeting_key,
			start,
			end,
			attendance,
			recording_id: null,
		};
		meeting.sessions.push(session);
		if (meeting.recording_enabled) {
			session.recording_id = this.recordSpan(meeting, session).recording_id;
		}
	}
}

/** Orders numbered IDs (`1000000002`, `REC_7000000010`) by number. */
const compareIds = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** The start a PUT asks for, which may not lie in the past. */
function newStart(current: number, startTime: string | undefined, now: number): number {
	const start = startTime === undefined ? current : dateMs(startTime);
	if (start < now) throw meetingPast(`start_time ${startTime} is in the past`);
	return start;
}

/** PUT semantics: each of these fields that the body names replaces the record's. */
function copyGiven<R, K extends keyof R>(
	record: R,
	input: Partial<Pick<R, K>>,
	fields: readonly K[],
): void {
	for (const field of fields) {
		const value = input[field];
		if (value !== undefined) record[field] = value as R[K];
	}
}

/** A meeting or webinar list: filtered on status and start date, sorted by start, then key. */
function listByStart<T extends { start: number }>(
	records: Iterable<T>,
	filter: DateFilter,
	statusOf: (record: T) => string,
	keyOf: (record: T) => string,
): T[] {
	return [...records]
		.filter(
			(record) =>
				(filter.status === undefined || statusOf(record) === filter.status) &&
				inRange(record.start, filter),
		)
		.sort((a, b) => a.start - b.start || compareIds(keyOf(a), keyOf(b)));
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

const inRange = (time: number, filter: DateFilter) =>
	(filter.from === undefined || time >= filter.from) &&
	(filter.to === undefined || time <= filter.to);

const webinarEnd = (webinar: WebinarRecord) => webinar.start + webinar.duration * MINUTE_MS;

export const webinarModified = (webinar: WebinarRecord, now: number) =>
	now >= webinarEnd(webinar) ? Math.max(webinar.modified, webinarEnd(webinar)) : webinar.modified;

function firstEnd(meeting: MeetingRecord): number {
	for (const start of occurrenceStarts(meeting.start, meeting.recurrence))
		return start + meeting.duration * MINUTE_MS;
	return Infinity;
}
