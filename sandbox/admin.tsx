import type { FaultRequest, FaultRule } from './faults';
import { AdminInputError, ApiError, type Exchange, isPlainObject, parseJsonBody } from './http';
import { PLAN_NAMES } from './plans';
import type { RateLimits } from './rateLimit';
import type { RequestLogEntry, RequestOrigin } from './requestLog';
import {
	MEETING_CREATE_FIELDS,
	MEETING_STATUSES,
	meetingWithParticipants,
} from './routes/meetings';
import { participantObject } from './routes/participants';
import { recordingObject } from './routes/recordings';
import { registrationObject } from './routes/registrations';
import { WEBINAR_CREATE_FIELDS, WEBINAR_STATUSES, webinarObject } from './routes/webinars';
import {
	API_NAMES,
	formatTime,
	limitsOfPlan,
	type MeetingInput,
	type MeetingRecord,
	ORGANIZATION_VARIANT_VALUES,
	type OrganizationVariants,
	type SandboxConfig,
	type WebinarInput,
	type WebinarRecord,
} from './model';
import type { SandboxRuntime } from './runtime';
import type { Store } from './store';
import {
	ALL_SCOPES,
	type AccessType,
	type IssuedTokens,
	parseScopes,
	SANDBOX_ORGANIZATION,
	SANDBOX_USER,
} from './tokens';
import { dateMs, parseIsoDate, type Schema, validateBody } from './validation';

/**
 * The admin API (`/__admin/...`): how tests set the stage and look behind it. It is not
 * part of what the sandbox simulates, so it has no auth, no rate limit, no faults and no
 * log entries, and it answers plain JSON (`{ error }` on a bad request), not Zoho's envelope.
 */

export const ADMIN_PREFIX = '/__admin';

export interface ClockState {
	/** The virtual now, in the spec's timestamp format. */
	now: string;
	nowMs: number;
	offsetSeconds: number;
}

export type ConfigPatch = Partial<Omit<SandboxConfig, 'limits' | 'organization'>> & {
	limits?: Partial<RateLimits>;
	organization?: Partial<OrganizationVariants>;
};

export type ResetOptions = ConfigPatch & { revokeTokens?: boolean };

export interface StateSnapshot {
	meetings: number;
	participants: number;
	sessions: number;
	recordings: number;
	webinars: number;
	registrations: number;
	accessTokens: number;
	refreshTokens: number;
	requests: number;
	faults: number;
	clock: ClockState;
	config: SandboxConfig;
	/** The one user and organization, with the IDs the organization API uses. */
	account: { email: string; name: string; zsoid: number; zuid: number };
}

export interface IssueTokensRequest {
	/** Comma-separated or an array; default: every scope. */
	scope?: string | string[];
	/** `offline` (the default) also issues a refresh token. */
	accessType?: AccessType;
}

export type TokenPair = IssuedTokens & { scope: string[] };

export type SeedMeeting = MeetingInput & {
	status?: (typeof MEETING_STATUSES)[number];
	/** Another user of the organization as its presenter (default: the account's user). */
	presenter?: { email: string; name?: string };
};
export interface SeedParticipant {
	meeting_key?: string;
	email?: string;
	name?: string;
}
export interface SeedRecording {
	meeting_key?: string;
	topic?: string;
	start_time?: string;
	duration?: number;
	file_size?: number;
	status?: 'available' | 'processing';
	password_protected?: boolean;
}
export type SeedWebinar = WebinarInput & { status?: (typeof WEBINAR_STATUSES)[number] };
export interface SeedRegistration {
	webinar_key?: string;
	email?: string;
	name?: string;
	status?: 'pending' | 'approved';
	registered_time?: string;
}

/** A count of default objects, or partial objects; every field has a default. */
export interface SeedRequest {
	meetings?: number | SeedMeeting[];
	participants?: number | SeedParticipant[];
	recordings?: number | SeedRecording[];
	webinars?: number | SeedWebinar[];
	registrations?: number | SeedRegistration[];
}

export interface SeedResult {
	meetings: ReturnType<typeof meetingWithParticipants>[];
	participants: ReturnType<typeof participantObject>[];
	recordings: ReturnType<typeof recordingObject>[];
	webinars: ReturnType<typeof webinarObject>[];
	registrations: ReturnType<typeof registrationObject>[];
}

type AdminHandler = (runtime: SandboxRuntime, body: unknown, exchange: Exchange) => unknown;

/** `undefined` from a handler is answered 204. */
const ADMIN_ROUTES: Record<string, AdminHandler> = {
	'POST /reset': reset,
	'GET /state': state,
	'POST /seed': (runtime, body) => seed(runtime.store, body),
	'GET /clock': ({ store }) => clockState(store),
	'POST /clock/advance': advanceClock,
	'POST /clock/set': setClock,
	'GET /config': ({ store }) => store.config,
	'PATCH /config': (runtime, body) => configure(runtime, body),
	// Shorthands for the two settings tests change most.
	'PUT /plan': (runtime, body) => {
		if (!isPlainObject(body) || body.plan === undefined) {
			throw new AdminInputError('Expected { plan }');
		}
		return configure(runtime, { plan: body.plan });
	},
	'PUT /limits': (runtime, body) => configure(runtime, { limits: body }),
	'PUT /api': (runtime, body) => {
		if (!isPlainObject(body) || body.api === undefined) throw new AdminInputError('Expected { api }');
		return configure(runtime, { api: body.api });
	},
	'POST /oauth/tokens': issueTokens,
	'POST /oauth/expire': ({ store }) => ({ expired: store.tokens.expireAccessTokens() }),
	'POST /oauth/revoke-refresh': revokeRefreshTokens,
	'GET /faults': ({ faults }): FaultRule[] => faults.list(),
	'POST /faults': ({ faults }, body): FaultRule => faults.add(body as FaultRequest),
	'DELETE /faults': ({ faults }) => faults.clear(),
	'GET /requests': ({ log }, _, exchange): RequestLogEntry[] =>
		log.list((exchange.query.get('origin') as RequestOrigin | null) ?? undefined),
	'DELETE /requests': ({ log }) => log.clear(),
};

export function handleAdmin(exchange: Exchange, runtime: SandboxRuntime): void {
	const handler = ADMIN_ROUTES[`${exchange.method} ${exchange.path.slice(ADMIN_PREFIX.length)}`];
	if (!handler) {
		exchange.sendJson(404, { error: `No admin endpoint ${exchange.method} ${exchange.path}` });
		return;
	}
	try {
		const result = handler(runtime, parseJsonBody(exchange.rawBody), exchange);
		if (result === undefined) exchange.send(204, {}, '');
		else exchange.sendJson(200, result);
	} catch (error) {
		// The store's own errors (an unknown meeting_key in a seed, say) are bad input here.
		if (error instanceof AdminInputError || error instanceof ApiError) {
			exchange.sendJson(400, { error: error.message });
			return;
		}
		throw error;
	}
}

// ----- Reset, state, clock, configuration -----

function reset(runtime: SandboxRuntime, body: unknown): SandboxConfig {
	const { revokeTokens, ...patch } = (body ?? {}) as ResetOptions;
	// Checked first: a bad option must not leave a half-reset sandbox behind.
	validateAdmin(patch, CONFIG_FIELDS, 'config');
	runtime.store.reset();
	runtime.faults.clear();
	runtime.log.clear();
	runtime.rateLimiter.reset();
	runtime.cdn.reset();
	if (revokeTokens) runtime.store.tokens.clear();
	return configure(runtime, patch);
}

function state({ store, log, faults }: SandboxRuntime): StateSnapshot {
	store.settle();
	return {
		...store.counts(),
		requests: log.size,
		faults: faults.list().length,
		clock: clockState(store),
		config: store.config,
		account: { ...SANDBOX_USER, ...SANDBOX_ORGANIZATION },
	};
}

function clockState(store: Store): ClockState {
	const nowMs = store.now();
	return { now: formatTime(nowMs), nowMs, offsetSeconds: store.clock.offsetSeconds };
}

function advanceClock({ store }: SandboxRuntime, body: unknown): ClockState {
	const seconds = isPlainObject(body) ? body.seconds : undefined;
	if (typeof seconds !== 'number' || !(seconds >= 0)) {
		throw new AdminInputError(
			'Expected { seconds } with a number of seconds to move forward (not back)',
		);
	}
	store.clock.advance(seconds);
	store.settle();
	return clockState(store);
}

/** Moving the clock back would un-happen sessions and recordings, so it only goes forward. */
function setClock({ store }: SandboxRuntime, body: unknown): ClockState {
	const time = isPlainObject(body) ? body.time : undefined;
	const target = typeof time === 'string' ? parseIsoDate(time)?.ms : undefined;
	if (target === undefined) {
		throw new AdminInputError('Expected { time } with an ISO 8601 date-time');
	}
	if (target < store.now()) {
		throw new AdminInputError(`Cannot set the clock back to ${time as string}`);
	}
	store.clock.set(target);
	store.settle();
	return clockState(store);
}

const CONFIG_FIELDS: Schema = {
	plan: { kind: 'enum', values: PLAN_NAMES },
	limits: {
		kind: 'object',
		fields: {
			perWindow: { kind: 'integer', min: 1, max: 1e9 },
			perDay: { kind: 'integer', min: 1, max: 1e9 },
			windowSeconds: { kind: 'integer', min: 1, max: 86_400 },
		},
	},
	tokenTtlSeconds: { kind: 'integer', min: 1, max: 1e8 },
	autoApprove: { kind: 'boolean' },
	recordingProcessingSeconds: { kind: 'integer', min: 0, max: 1e8 },
	recordingBytesPerMinute: { kind: 'integer', min: 0, max: 1e10 },
	downloadMode: { kind: 'enum', values: ['direct', 'redirect'] },
	latencyMs: { kind: 'integer', min: 0, max: 600_000 },
	api: { kind: 'enum', values: API_NAMES },
	organization: {
		kind: 'object',
		fields: Object.fromEntries(
			Object.entries(ORGANIZATION_VARIANT_VALUES).map(([name, values]) => [
				name,
				{ kind: 'enum', values },
			]),
		),
	},
};

/**
 * A plan brings its own limits; `limits` in the same patch then override them. `limits`
 * and `organization` change only the fields they name.
 */
function configure({ store, rateLimiter }: SandboxRuntime, body: unknown): SandboxConfig {
	validateAdmin(body, CONFIG_FIELDS, 'config');
	const { plan, limits, organization, ...rest } = (body ?? {}) as ConfigPatch;
	const config = store.config;
	Object.assign(config, rest);
	if (organization) config.organization = { ...config.organization, ...organization };
	if (plan) {
		config.plan = plan;
		config.limits = limitsOfPlan(plan, config.limits.windowSeconds);
	}
	if (limits) config.limits = { ...config.limits, ...limits };
	// New limits start from a clean slate, so a test sees exactly the limits it set.
	if (plan || limits) rateLimiter.reset();
	return config;
}

// ----- OAuth shortcuts for headless tests -----

const TOKEN_REQUEST_FIELDS: Schema = {
	scope: { kind: 'string' },
	accessType: { kind: 'enum', values: ['online', 'offline'] },
};

function issueTokens({ store, client }: SandboxRuntime, body: unknown): TokenPair {
	const request = (body ?? {}) as IssueTokensRequest;
	// The schema language has no unions: an array of scopes is checked as the list it stands for.
	const scopeText = Array.isArray(request.scope) ? request.scope.join(',') : request.scope;
	validateAdmin({ ...request, scope: scopeText }, TOKEN_REQUEST_FIELDS, 'body');
	const scope = scopeText === undefined ? [...ALL_SCOPES] : parseScopes(scopeText);
	const offline = (request.accessType ?? 'offline') === 'offline';
	const issued = store.tokens.issue(
		client.clientId,
		scope,
		store.config.tokenTtlSeconds,
		store.baseUrl,
		offline,
	);
	return { ...issued, scope };
}

function revokeRefreshTokens({ store }: SandboxRuntime, body: unknown) {
	const token = isPlainObject(body) ? body.refresh_token : undefined;
	if (token !== undefined && typeof token !== 'string') {
		throw new AdminInputError('refresh_token must be a string');
	}
	return { revoked: store.tokens.revokeRefreshTokens(token) };
}

// ----- Seeding -----

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const SEED_SCHEMAS = {
	meetings: {
		...MEETING_CREATE_FIELDS,
		status: { kind: 'enum', values: MEETING_STATUSES },
		presenter: { kind: 'object', fields: { email: { kind: 'email', required: true }, name: { kind: 'string' } } },
	},
	participants: {
		meeting_key: { kind: 'string' },
		email: { kind: 'email' },
		name: { kind: 'string' },
	},
	recordings: {
		meeting_key: { kind: 'string' },
		topic: { kind: 'string' },
		start_time: { kind: 'dateTime' },
		duration: { kind: 'integer', min: 1, max: 1440 },
		file_size: { kind: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER },
		status: { kind: 'enum', values: ['available', 'processing'] },
		password_protected: { kind: 'boolean' },
	},
	webinars: { ...WEBINAR_CREATE_FIELDS, status: { kind: 'enum', values: WEBINAR_STATUSES } },
	registrations: {
		webinar_key: { kind: 'string' },
		email: { kind: 'email' },
		name: { kind: 'string' },
		status: { kind: 'enum', values: ['pending', 'approved'] },
		registered_time: { kind: 'dateTime' },
	},
} satisfies Record<keyof SeedRequest, Schema>;

/**
 * Creates what the request lists, in an order where each kind can lean on the ones
 * before: participants join the first seeded meeting, registrations the first seeded
 * webinar, unless they name another. Returns everything created, as the API shows it.
 */
function seed(store: Store, body: unknown): SeedResult {
	if (!isPlainObject(body)) {
		throw new AdminInputError('Expected a JSON object such as { "meetings": 3 }');
	}
	for (const name of Object.keys(body)) {
		if (!(name in SEED_SCHEMAS)) throw new AdminInputError(`Unknown seed kind: ${name}`);
	}
	const seeds = Object.fromEntries(
		Object.entries(SEED_SCHEMAS).map(([kind, schema]) => [
			kind,
			seedEntries(body[kind], kind, schema),
		]),
	) as unknown as SeedLists;
	store.settle();
	const mark = store.mark();
	try {
		return createSeeds(store, seeds);
	} catch (error) {
		store.discardSince(mark);
		throw error;
	}
}

/** A seed request with every kind as a list of partial objects. */
type SeedLists = { [K in keyof SeedRequest]-?: Extract<SeedRequest[K], unknown[]> };

function createSeeds(store: Store, seeds: SeedLists): SeedResult {
	const meetings = seedMeetings(store, seeds.meetings);
	const participants = seedParticipants(store, seeds.participants, meetings[0]);
	const webinars = seedWebinars(store, seeds.webinars);
	const registrations = seedRegistrations(store, seeds.registrations, webinars[0]);
	const recordings = seedRecordings(store, seeds.recordings);
	return {
		meetings: meetings.map((meeting) => meetingWithParticipants(store, meeting)),
		participants: participants.map(participantObject),
		recordings: recordings.map((recording) => recordingObject(store, recording)),
		webinars: webinars.map((webinar) => webinarObject(store, webinar)),
		registrations: registrations.map(registrationObject),
	};
}

function seedEntries(value: unknown, kind: string, schema: Schema): Record<string, unknown>[] {
	if (value === undefined) return [];
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1_000_000) {
		return Array.from({ length: value }, () => ({}));
	}
	if (!Array.isArray(value)) {
		throw new AdminInputError(`${kind} must be a count or an array of partial objects`);
	}
	value.forEach((entry, index) => validateAdmin(entry, schema, `${kind}[${index}]`));
	return value as Record<string, unknown>[];
}

/**
 * A seed's start: the one it names, or upcoming ones an hour apart from tomorrow, or
 * past ones an hour apart ending before yesterday.
 */
function seedStart(
	startTime: string | undefined,
	past: boolean,
	index: number,
	count: number,
	now: number,
) {
	if (startTime !== undefined) return { start: dateMs(startTime) };
	return {
		start: past ? now - DAY_MS - (count - index) * HOUR_MS : now + DAY_MS + index * HOUR_MS,
	};
}

function seedMeetings(store: Store, seeds: SeedMeeting[]): MeetingRecord[] {
	const now = store.now();
	const meetings = seeds.map(({ status, presenter, ...input }, index) => {
		const meeting = store.createMeeting(
			{ topic: `Seeded meeting ${index + 1}`, ...input },
			seedStart(input.start_time, status === 'completed', index, seeds.length, now),
		);
		if (presenter) meeting.presenter = { email: presenter.email, name: presenter.name ?? presenter.email.split('@')[0] };
		if (status === 'cancelled') store.markCancelled(meeting);
		return meeting;
	});
	store.settle();
	seeds.forEach(({ status }, index) =>
		checkStatus('meetings', index, status, store.meetingStatus(meetings[index])),
	);
	return meetings;
}

/** A seed's `status` is what its times must produce on the clock; it is not forced. */
function checkStatus(
	kind: string,
	index: number,
	wanted: string | undefined,
	actual: string,
): void {
	if (wanted && wanted !== actual) {
		throw new AdminInputError(
			`${kind}[${index}]: its start_time and duration make it ${actual}, not ${wanted}`,
		);
	}
}

function seedParticipants(store: Store, seeds: SeedParticipant[], firstSeeded?: MeetingRecord) {
	return seeds.map((entry, index) => {
		const meeting = entry.meeting_key
			? store.findMeeting(entry.meeting_key)
			: (firstSeeded ?? store.listMeetings({})[0]);
		if (!meeting) {
			throw new AdminInputError(`participants[${index}]: there is no meeting to add it to`);
		}
		const n = meeting.participants.length + 1;
		const [participant] = store.inviteParticipants(meeting, [
			{
				email: entry.email ?? `participant${n}@example.com`,
				name: entry.name ?? `Participant ${n}`,
			},
		]);
		return participant;
	});
}

function seedWebinars(store: Store, seeds: SeedWebinar[]): WebinarRecord[] {
	const now = store.now();
	return seeds.map(({ status, ...input }, index) => {
		const webinar = store.createWebinar(
			{ topic: `Seeded webinar ${index + 1}`, ...input },
			seedStart(input.start_time, status === 'completed', index, seeds.length, now),
		);
		checkStatus('webinars', index, status, store.webinarStatus(webinar));
		return webinar;
	});
}

function seedRegistrations(store: Store, seeds: SeedRegistration[], firstSeeded?: WebinarRecord) {
	return seeds.map((entry, index) => {
		const webinar = entry.webinar_key
			? store.findWebinar(entry.webinar_key)
			: (firstSeeded ?? store.listWebinars({})[0]);
		if (!webinar) {
			throw new AdminInputError(`registrations[${index}]: there is no webinar to register for`);
		}
		const n = webinar.registrations.size + 1;
		return store.addRegistration(webinar, {
			email: entry.email ?? `registrant${n}@example.com`,
			name: entry.name ?? `Registrant ${n}`,
			approved: entry.status === 'approved',
			registered: entry.registered_time === undefined ? undefined : dateMs(entry.registered_time),
		});
	});
}

/**
 * A recording of a meeting that has happened. Without a `meeting_key`, each gets a past
 * meeting of its own, which the clock then completes like any other; `status` defaults
 * to `available`.
 */
function seedRecordings(store: Store, seeds: SeedRecording[]) {
	const now = store.now();
	const sources = seeds.map((entry, index) => {
		if (entry.meeting_key !== undefined) {
			return { entry, meeting: store.findMeeting(entry.meeting_key), own: false };
		}
		const meeting = store.createMeeting(
			{
				topic: entry.topic ?? `Seeded recording ${index + 1}`,
				duration: entry.duration ?? 30,
				recording_enabled: true,
			},
			seedStart(entry.start_time, true, index, seeds.length, now),
		);
		return { entry, meeting, own: true };
	});
	store.settle();
	return sources.map(({ entry, meeting, own }, index) => {
		const start = entry.start_time === undefined ? meeting.start : dateMs(entry.start_time);
		const recording = own
			? store.recordings.get(meeting.sessions[0]?.recording_id ?? '')
			: store.recordSpan(meeting, {
					start,
					end: start + (entry.duration ?? meeting.duration) * 60_000,
				});
		if (!recording) {
			throw new AdminInputError(`recordings[${index}]: a recording needs a start_time in the past`);
		}
		recording.topic = entry.topic ?? recording.topic;
		recording.file_size = entry.file_size ?? recording.file_size;
		recording.password_protected = entry.password_protected ?? recording.password_protected;
		recording.availableAt =
			entry.status === 'processing'
				? now + (store.config.recordingProcessingSeconds || 300) * 1000
				: Math.min(recording.availableAt, now);
		return recording;
	});
}

/** The validator's rejection, worded for the admin API and prefixed with where it was. */
function validateAdmin(value: unknown, schema: Schema, where: string): void {
	try {
		validateBody(value, schema, true);
	} catch (error) {
		if (error instanceof ApiError) throw new AdminInputError(`${where}: ${error.message}`);
		throw error;
	}
}
