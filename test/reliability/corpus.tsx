import type { INodeParameters } from 'n8n-workflow';

import type { RequestLogEntry } from '../../sandbox/requestLog';
import { locator } from '../helpers/sandboxWorkflow';

/**
 * Bad parameter values for every operation, generated from a few families of bad
 * values crossed with every field they can reach. Each group is one field of one
 * operation: its values go in as items, and the field reads `{{ $json.value }}`, so a
 * value of the wrong type arrives exactly as an expression would deliver it.
 */
export interface BadInputGroup {
	/** `resource.operation` (or `trigger` for the Zoho Meeting Trigger). */
	operation: string;
	/** What the error must name: the field as the editor labels it (case-insensitive). */
	field: string;
	/** True when the value goes into the request path, where it must not reach the sandbox. */
	pathKey: boolean;
	/** The operation's parameters, with `{{ $json.value }}` where the bad value goes. */
	parameters: INodeParameters;
	values: unknown[];
}

const VALUE = '={{ $json.value }}';
const TEN_KB = 'x'.repeat(10 * 1024);
const FUTURE = '2099-06-01T10:00:00Z';

/** Types an expression can produce where a string, number or date belongs. */
const WRONG_TYPES: unknown[] = [true, {}, { value: 1 }, [], ['a']];

/** Values that would change the request path, or are no ID at all. */
const BAD_KEYS: unknown[] = [
	'',
	'   ',
	'/',
	'.',
	'..',
	'../settings',
	'..\\settings',
	'1/../../settings',
	'a/b',
	'/1',
	'1/',
	'%2e%2e',
	'%2E%2E%2Fsettings',
	'%2F',
	'%',
	'%00',
	'1?status=cancelled',
	'?',
	'1#fragment',
	'#',
	'1 2',
	'1\t2',
	'1\n2',
	'1\r\n2',
	'\u00001',
	'１２３',
	'ключ',
	'<script>',
	"1';--",
	'1;2',
	'1&page=2',
	'1=2',
	'1,2',
	'"1"',
	'*',
	'~1',
	'1|2',
	'1\\2',
	TEN_KB,
	null,
	false,
	-1,
	1.5,
	2 ** 53,
	...WRONG_TYPES,
];

/** Not ISO 8601, impossible, or not a date at all. */
const BAD_DATES: unknown[] = [
	'',
	'   ',
	'tomorrow',
	'next Monday',
	'2025',
	'2025-12',
	'20/12/2025',
	'12/20/2025 10:00',
	'2025/12/20 10:00',
	'2025-12-20T10',
	'2025-12-20T1000',
	'2025-13-01T10:00:00Z',
	'2025-00-10T10:00:00Z',
	'2025-02-30T10:00:00Z',
	'2026-02-29T10:00:00Z',
	'2025-04-31T10:00:00Z',
	'2025-12-32T10:00:00Z',
	'2025-12-00T10:00:00Z',
	'2025-12-20T24:00:00Z',
	'2025-12-20T25:00:00Z',
	'2025-12-20T10:60:00Z',
	'2025-12-20T10:00:60Z',
	'2025-12-20T10:00:00+25:00',
	'2025-12-20T10:00:00+05:99',
	'2025-12-20T10:00:00ZZ',
	'2025-12-20T10:00:00 PST',
	'2025-12-20T10:00:00Z and more',
	'T10:00:00Z',
	'+275760-09-13T00:00:00Z',
	'１９９９-01-01T00:00:00Z',
	TEN_KB,
	null,
	1734703200000,
	{ toISO: 'not a function' },
	...WRONG_TYPES,
];

/**
 * Local times that do not exist in Europe/Berlin: the hour its clocks skip on the last
 * Sunday of March, 2026 to 2035, at its first second, its middle and its last second.
 */
const SKIPPED_IN_BERLIN: string[] = Array.from({ length: 10 }, (_, index) => 2026 + index).flatMap((year) => {
	const lastOfMarch = new Date(Date.UTC(year, 2, 31));
	const day = 31 - lastOfMarch.getUTCDay();
	return ['02:00:00', '02:30:00', '02:59:59'].map((time) => `${year}-03-${day}T${time}`);
});

/** An optional date left empty is no filter; anything else that is not a date is an error. */
const BAD_OPTIONAL_DATES = BAD_DATES.filter((value) => value !== '' && value !== null);

/** Meeting links that are no URL, or whose key would change the request path. */
const BAD_MEETING_URLS: unknown[] = [
	'',
	'not a link',
	'meeting.zoho.com/join?key=1',
	'https://',
	'https://meeting.zoho.com/join?key=..',
	'https://meeting.zoho.com/join?key=%2e%2e',
	'https://meeting.zoho.com/join?key=..%2Fsettings',
	'https://meeting.zoho.com/join?key=1%2F..%2F..%2Fsettings',
	'https://meeting.zoho.com/join?key=a/b',
	'https://meeting.zoho.com/join?key=1%3Fstatus%3Dcancelled',
	'https://meeting.zoho.com/join?key=1%23x',
	'https://meeting.zoho.com/join?key=1%20OR%201',
	'https://meeting.zoho.com/join?key=%00',
	'https://meeting.zoho.com/join?key=%25',
	`https://meeting.zoho.com/join?key=${'1'.repeat(10 * 1024)}`,
	'https://meeting.zoho.com/join?meetingKey=..%2F..',
	null,
	42.5,
	...WRONG_TYPES,
];

/** Not whole numbers in the field's range. */
function badIntegers(min: number, max: number): unknown[] {
	return [
		min - 1,
		min - 100,
		max + 1,
		max * 1000,
		1e21,
		min + 0.5,
		'',
		'   ',
		'abc',
		'60 minutes',
		'NaN',
		'Infinity',
		'-Infinity',
		// Text that Number() reads as a number, though no one writes a count so.
		'1e1',
		`${min}e0`,
		'0x10',
		'0b11',
		'0o7',
		'1_0',
		'1,000',
		`${min}.5`,
		'１２',
		'- 12',
		`${min}abc`,
		String(max + 1),
		null,
		...WRONG_TYPES,
	];
}

/** Neither true/false, 1/0 nor their text: what a spreadsheet or a webhook might say instead. */
const BAD_BOOLEANS: unknown[] = [
	'',
	'   ',
	'yes',
	'no',
	'Y',
	'N',
	'on',
	'off',
	't',
	'f',
	'truee',
	'fals',
	'true false',
	'null',
	'undefined',
	'2',
	'-1',
	'1.0',
	'０',
	2,
	-1,
	0.5,
	null,
	{},
	{ value: true },
	[],
	['true'],
];

const BAD_EMAILS: unknown[] = [
	'',
	'   ',
	'plainaddress',
	'@example.com',
	'jane@',
	'jane@example',
	'jane@example.c',
	'jane@example.123',
	'jane smith@example.com',
	'jane@exam ple.com',
	'jane@@example.com',
	'jane@example..com',
	'.jane@example.com',
	'jane.@example.com',
	'ja..ne@example.com',
	'jane@.example.com',
	'jane@example.com.',
	'<jane@example.com>',
	'"jane"@example.com',
	'jane,bob@example.com',
	'jane;bob@example.com',
	'mailto:jane@example.com',
	`${'j'.repeat(250)}@example.com`,
	TEN_KB,
	null,
	42,
	...WRONG_TYPES,
];

const BAD_TIMEZONES: unknown[] = [
	'Mars/Olympus_Mons',
	'Europe/Atlantis',
	'GMT+5',
	'UTC+01:00',
	'+05:30',
	'Eastern',
	'New York',
	'America/New York',
	'../../etc/passwd',
	'America/',
	'/UTC',
	'Europe//Berlin',
	TEN_KB,
	42,
	...WRONG_TYPES,
];

/** Empty or too long for a text field of at most `max` characters. */
const badText = (max: number): unknown[] => ['', '   ', '\n\t', 'x'.repeat(max + 1), TEN_KB, null, 42, ...WRONG_TYPES];
/** For optional text, an empty value means "not set" and is no error. */
const tooLong = (max: number): unknown[] => ['x'.repeat(max + 1), TEN_KB];

const key = (name: string) => ({ [name]: locator('id', VALUE) });
const meeting = { meetingKey: locator('id', '1000000001') };
const webinar = { webinarKey: locator('id', '2000000001') };
const someone = { participants: { participant: [{ email: 'jane.smith@example.com', name: 'Jane Smith' }] } };
const schedule = { topic: 'Quarterly Review', startTime: FUTURE, duration: 30, timezone: 'UTC' };

type Ops = Record<string, INodeParameters>;
const isSet = (value: unknown) => value !== null && !(typeof value === 'string' && value.trim() === '');

const op = (operation: string, parameters: INodeParameters = {}): INodeParameters => {
	const [resource, name] = operation.split('.');
	return { resource, operation: name, ...parameters };
};

function groups(
	field: string,
	values: unknown[],
	operations: Ops,
	pathKey = false,
): BadInputGroup[] {
	return Object.entries(operations).map(([operation, parameters]) => ({
		operation,
		field,
		pathKey,
		parameters: operation === 'trigger' ? parameters : op(operation, parameters),
		values,
	}));
}

/** Every field of every operation that takes a value a user or an expression can get wrong. */
export function badInputCorpus(): BadInputGroup[] {
	const meetingKeyOps: Ops = {
		'meeting.get': key('meetingKey'),
		'meeting.update': { ...key('meetingKey'), updateFields: { topic: 'New topic' } },
		'meeting.cancel': key('meetingKey'),
		'participant.add': { ...key('meetingKey'), ...someone },
		'participant.getAll': { ...key('meetingKey'), returnAll: true },
		'participant.remove': { ...key('meetingKey'), participantId: '3000000001' },
		'session.get': { ...key('meetingKey'), sessionId: 'SES_1' },
		'session.getAll': { ...key('meetingKey'), returnAll: true },
		'report.get': key('meetingKey'),
	};
	const urlKeyOps: Ops = { 'meeting.get': { meetingKey: locator('url', VALUE) } };
	const webinarKeyOps: Ops = {
		'webinar.get': key('webinarKey'),
		'webinar.update': { ...key('webinarKey'), updateFields: { topic: 'New topic' } },
		'webinar.delete': key('webinarKey'),
		'registration.getAll': { ...key('webinarKey'), returnAll: true },
		'registration.approve': { ...key('webinarKey'), registrationId: 'REG_1' },
	};
	const recordingIdOps: Ops = {
		'recording.get': key('recordingId'),
		'recording.download': { ...key('recordingId'), binaryPropertyName: 'data' },
		'recording.delete': key('recordingId'),
	};
	const startTimeOps: Ops = {
		'meeting.create': { ...schedule, startTime: VALUE },
		'webinar.create': { ...schedule, startTime: VALUE },
		'meeting.update': { ...meeting, updateFields: { startTime: VALUE } },
		'webinar.update': { ...webinar, updateFields: { startTime: VALUE } },
	};
	const listOps = (filters: (value: string) => INodeParameters): Ops => ({
		'meeting.getAll': { returnAll: true, filters: filters(VALUE) },
		'webinar.getAll': { returnAll: true, filters: filters(VALUE) },
		'recording.getAll': { returnAll: true, filters: filters(VALUE) },
	});
	const durationOps: Ops = {
		'meeting.create': { ...schedule, duration: VALUE },
		'webinar.create': { ...schedule, duration: VALUE },
		'meeting.update': { ...meeting, updateFields: { duration: VALUE } },
		'webinar.update': { ...webinar, updateFields: { duration: VALUE } },
	};
	const limitOps: Ops = {
		'meeting.getAll': { returnAll: false, limit: VALUE },
		'webinar.getAll': { returnAll: false, limit: VALUE },
		'recording.getAll': { returnAll: false, limit: VALUE },
		'participant.getAll': { ...meeting, returnAll: false, limit: VALUE },
		'session.getAll': { ...meeting, returnAll: false, limit: VALUE },
		'registration.getAll': { ...webinar, returnAll: false, limit: VALUE },
	};
	const emailOps: Ops = {
		'participant.add': { ...meeting, participants: { participant: [{ email: VALUE, name: 'Jane' }] } },
		'meeting.create': {
			...schedule,
			additionalFields: { participants: { participant: [{ email: VALUE }] } },
		},
	};
	const timezoneOps: Ops = {
		'meeting.create': { ...schedule, timezone: VALUE },
		'webinar.create': { ...schedule, timezone: VALUE },
		'meeting.update': { ...meeting, updateFields: { timezone: VALUE } },
		'webinar.update': { ...webinar, updateFields: { timezone: VALUE } },
		'settings.update': { updateFields: { defaultTimezone: VALUE } },
	};
	const topicOps: Ops = {
		'meeting.create': { ...schedule, topic: VALUE },
		'webinar.create': { ...schedule, topic: VALUE },
	};
	const idOps = (name: string, operations: Ops) => groups(name, BAD_KEYS, operations, true);
	/** From Date later than To Date: the end of the range before its start. */
	const reversedRanges = [
		['2025-12-20T10:00:00Z', '2025-12-20T09:59:59Z'],
		['2025-12-21', '2025-12-20'],
		['2026-01-01T00:00:00+01:00', '2025-12-31T22:00:00Z'],
		['2025-12-20T10:00:00', '2025-12-20T09:00:00'],
	].map(([from, to]) => ({ from, to }));
	return [
		...idOps('Meeting Key', meetingKeyOps),
		...groups('Meeting', BAD_MEETING_URLS, urlKeyOps, true),
		...idOps('Webinar Key', webinarKeyOps),
		...idOps('Recording ID', recordingIdOps),
		...idOps('Participant ID', { 'participant.remove': { ...meeting, participantId: VALUE } }),
		...idOps('Session ID', { 'session.get': { ...meeting, sessionId: VALUE } }),
		...idOps('Registration ID', { 'registration.approve': { ...webinar, registrationId: VALUE } }),
		...groups('Start Time', BAD_DATES, startTimeOps),
		...groups('Start Time', SKIPPED_IN_BERLIN, {
			'meeting.create': { ...schedule, startTime: VALUE, timezone: 'Europe/Berlin' },
			'webinar.create': { ...schedule, startTime: VALUE, timezone: 'Europe/Berlin' },
			'meeting.update': { ...meeting, updateFields: { startTime: VALUE, timezone: 'Europe/Berlin' } },
			'webinar.update': { ...webinar, updateFields: { startTime: VALUE, timezone: 'Europe/Berlin' } },
		}),
		...groups('End Date', SKIPPED_IN_BERLIN, {
			'meeting.create': {
				...schedule,
				startTime: '2026-01-01T10:00:00Z',
				timezone: 'Europe/Berlin',
				additionalFields: { recurrence: { rule: { type: 'daily', endDate: VALUE } } },
			},
		}),
		...groups('From Date', BAD_OPTIONAL_DATES, listOps((value) => ({ fromDate: value }))),
		...groups('To Date', BAD_OPTIONAL_DATES, listOps((value) => ({ toDate: value }))),
		...groups(
			'From Date',
			reversedRanges,
			listOps(() => ({ fromDate: '={{ $json.value.from }}', toDate: '={{ $json.value.to }}' })),
		),
		// Get Statistics needs both ends of its range: an empty one is an error too.
		...groups('From Date', BAD_DATES, { 'meeting.getStatistics': { fromDate: VALUE, toDate: FUTURE } }),
		...groups('To Date', BAD_DATES, { 'meeting.getStatistics': { fromDate: '2025-01-01T00:00:00Z', toDate: VALUE } }),
		...groups('From Date', reversedRanges, {
			'meeting.getStatistics': { fromDate: '={{ $json.value.from }}', toDate: '={{ $json.value.to }}' },
		}),
		// Yes/no fields that shape the output, not the request (so not among booleanFields).
		...groups('Item per Participant', BAD_BOOLEANS, { 'report.get': { ...meeting, options: { itemPerParticipant: VALUE } } }),
		...groups('Simplify', BAD_BOOLEANS, {
			'meeting.get': { ...meeting, simplify: VALUE },
			'meeting.getAll': { returnAll: true, simplify: VALUE },
			'recording.get': { recordingId: locator('id', 'REC_1'), simplify: VALUE },
			'recording.getAll': { returnAll: true, simplify: VALUE },
			'webinar.get': { ...webinar, simplify: VALUE },
			'webinar.getAll': { returnAll: true, simplify: VALUE },
			'session.get': { ...meeting, sessionId: 'SESSION_1', simplify: VALUE },
			'session.getAll': { ...meeting, returnAll: true, simplify: VALUE },
			'participant.getAll': { ...meeting, returnAll: true, simplify: VALUE },
		}),
		// Recording > Get Many's own filters (the node applies them): an empty Meeting Key is no filter.
		...groups('Meeting Key', BAD_KEYS.filter((value) => value !== ''), {
			'recording.getAll': { returnAll: true, filters: { meetingKey: VALUE } },
		}),
		...groups('Status', ['', 'ready', 'Available', ' available', 'processing ', 1, ...WRONG_TYPES], {
			'recording.getAll': { returnAll: true, filters: { status: VALUE } },
		}),
		...groups('End Date', BAD_OPTIONAL_DATES, {
			'meeting.create': { ...schedule, additionalFields: { recurrence: { rule: { type: 'weekly', endDate: VALUE } } } },
		}),
		...groups('End Date', ['2099-05-31T10:00:00Z', '2099-06-01T09:59:59Z', '2020-01-01T00:00:00Z'], {
			'meeting.create': { ...schedule, additionalFields: { recurrence: { rule: { type: 'daily', endDate: VALUE } } } },
		}),
		...groups('Duration', badIntegers(1, 1440), durationOps),
		...groups('Limit', badIntegers(1, 100_000), limitOps),
		...groups('Participant Limit', badIntegers(1, 1000), {
			'meeting.create': { ...schedule, additionalFields: { participantLimit: VALUE } },
		}),
		...groups('Max Attendees', badIntegers(1, 10_000), {
			'webinar.create': { ...schedule, additionalFields: { maxAttendees: VALUE } },
		}),
		// An empty Every means every 1 day, week or month.
		...groups('Repeat Interval', badIntegers(1, 99).filter((value) => value !== null), {
			'meeting.create': {
				...schedule,
				additionalFields: { recurrence: { rule: { type: 'weekly', repeatInterval: VALUE } } },
			},
		}),
		...groups('Default Meeting Duration', badIntegers(1, 1440), {
			'settings.update': { updateFields: { defaultMeetingDuration: VALUE } },
		}),
		...Object.entries(booleanFields(meeting, webinar)).flatMap(([field, operations]) => groups(field, BAD_BOOLEANS, operations)),
		...groups('Email', BAD_EMAILS, emailOps),
		...groups('Timezone', BAD_TIMEZONES, timezoneOps),
		...groups('Topic', badText(200), topicOps),
		...groups('Agenda', [...tooLong(2000), ...WRONG_TYPES], {
			'meeting.create': { ...schedule, additionalFields: { agenda: VALUE } },
		}),
		...groups('Password', [...tooLong(32), ...WRONG_TYPES], {
			'meeting.create': { ...schedule, additionalFields: { password: VALUE } },
		}),
		...groups('Description', [...tooLong(5000), ...WRONG_TYPES], {
			'webinar.create': { ...schedule, additionalFields: { description: VALUE } },
		}),
		...groups('Put Output File in Field', ['', '   '], {
			'recording.download': { recordingId: locator('id', 'REC_1'), binaryPropertyName: VALUE },
		}),
		...groups('Participants', [[], null], {
			'participant.add': { ...meeting, participants: { participant: VALUE } },
		}),
		...groups('Update Fields', [{}], {
			'meeting.update': { ...meeting, updateFields: VALUE },
			'webinar.update': { ...webinar, updateFields: VALUE },
			'settings.update': { updateFields: VALUE },
		}),
		...groups('Look-Back Window', badIntegers(1, 2160), {
			trigger: { event: 'meetingCompleted', options: { lookBackWindow: VALUE } },
		}),
		// The trigger's optional fields: empty text or no value at all means "not set".
		...groups('Presenter Email', BAD_EMAILS.filter(isSet), {
			trigger: { event: 'recordingAvailable', filters: { presenter: VALUE } },
		}),
		...groups('Topic Contains', [true, {}, ['a']], { trigger: { event: 'meetingScheduled', filters: { topic: VALUE } } }),
		...groups('Webinar Key', BAD_KEYS.filter(isSet), { trigger: { event: 'newRegistration', webinarKey: locator('id', VALUE) } }),
		...groups('Put Output File in Field', ['', '   '], {
			trigger: { event: 'recordingAvailable', options: { downloadRecording: true, binaryPropertyName: VALUE } },
		}),
		...groups('Max File Size', badIntegers(0, 1_000_000), {
			trigger: { event: 'recordingAvailable', options: { downloadRecording: true, maxFileSize: VALUE } },
		}),
	];
}

/**
 * Every yes/no parameter of every operation, by its label, with `{{ $json.value }}` in it;
 * the operations that act on a meeting or a webinar take the key parameters given.
 */
function booleanFields(meetingKey: INodeParameters, webinarKey: INodeParameters): Record<string, Ops> {
	const fields: Record<string, Ops> = {};
	const meetingSettings = [
		'Recording Enabled',
		'Allow Participant Screen Share',
		'Mute Participants on Entry',
		'Enable Waiting Room',
		'Allow Recording',
	];
	for (const label of meetingSettings) {
		const name = parameterName(label);
		fields[label] = {
			'meeting.create': { ...schedule, additionalFields: { [name]: VALUE } },
			'meeting.update': { ...meetingKey, updateFields: { [name]: VALUE } },
		};
	}
	for (const label of ['Registration Required', 'Allow Questions', 'Allow Polls', 'Record Webinar']) {
		const name = parameterName(label);
		fields[label] = {
			'webinar.create': { ...schedule, additionalFields: { [name]: VALUE } },
			'webinar.update': { ...webinarKey, updateFields: { [name]: VALUE } },
		};
	}
	for (const label of ['Auto Recording', 'Waiting Room Enabled']) {
		fields[label] = { 'settings.update': { updateFields: { [parameterName(label)]: VALUE } } };
	}
	fields['Notify Participants'] = { 'meeting.cancel': { ...meetingKey, notifyParticipants: VALUE } };
	fields['Send Invitation'] = {
		'participant.add': {
			...meetingKey,
			participants: { participant: [{ email: '={{ "guest" + $itemIndex + "@example.com" }}', sendInvitation: VALUE }] },
		},
	};
	fields['Return All'] = {
		'meeting.getAll': { returnAll: VALUE, limit: 7 },
		'webinar.getAll': { returnAll: VALUE, limit: 7 },
		'recording.getAll': { returnAll: VALUE, limit: 7 },
		'participant.getAll': { ...meetingKey, returnAll: VALUE, limit: 7 },
		'session.getAll': { ...meetingKey, returnAll: VALUE, limit: 7 },
		'registration.getAll': { ...webinarKey, returnAll: VALUE, limit: 7 },
	};
	return fields;
}

/** `Mute Participants on Entry` → `muteParticipantsOnEntry`. */
function parameterName(label: string): string {
	const [first, ...rest] = label.split(' ');
	return [first.toLowerCase(), ...rest.map((word) => word[0].toUpperCase() + word.slice(1))].join('');
}

/** What the request the sandbox saw carries for a value read as meant. */
export type SentRequest = Pick<RequestLogEntry, 'method' | 'path' | 'query' | 'body'>;

/**
 * Values of the right meaning in the wrong type, as expressions fed by spreadsheets and
 * webhooks deliver them ("false", " 12 "): for every yes/no and whole-number parameter,
 * the request must carry what the text means. Each group runs as one workflow, one item
 * per case, one request per item in item order.
 */
export interface TextTypedGroup {
	operation: string;
	field: string;
	parameters: INodeParameters;
	/** What the operation acts on: one seeded object per item, its key in `$json.key`. */
	needs?: 'meeting' | 'webinar';
	cases: Array<{ value: unknown; means: boolean | number }>;
	/** The value as the request carries it, to compare with what the case means. */
	sent: (request: SentRequest) => unknown;
}

/** true/false, 1/0 and their text in the spellings people and tools use. */
const BOOLEAN_CASES: Array<{ value: unknown; means: boolean }> = [
	...[true, 'true', 'TRUE', 'True', ' true ', '\ttrue\n', '1', ' 1 ', 1].map((value) => ({ value, means: true })),
	...[false, 'false', 'FALSE', 'False', ' false ', '\tfalse\n', '0', ' 0 ', 0].map((value) => ({ value, means: false })),
];

/** One whole number in range written the ways text carries it, and the range's ends as text. */
export function integerCases(min: number, max: number): Array<{ value: unknown; means: number }> {
	const n = Math.min(max, Math.max(min, 12));
	return [
		...[n, String(n), ` ${n} `, `\t${n}\n`, `+${n}`, `0${n}`, `${n}.0`, `${n}.00`].map((value) => ({ value, means: n })),
		{ value: String(min), means: min },
		{ value: ` ${max} `, means: max },
	];
}

const path = (...keys: string[]) => (request: SentRequest) =>
	keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], request.body);

/** The key of the object seeded for the item. */
const SEEDED_KEY = locator('id', '={{ $json.key }}');

export function textTypedCorpus(): TextTypedGroup[] {
	const meetingKey = { meetingKey: SEEDED_KEY };
	const webinarKey = { webinarKey: SEEDED_KEY };
	const apiName = (label: string) => label.toLowerCase().replace(/ /g, '_');
	const result: TextTypedGroup[] = [];
	const add = (field: string, operations: Ops, cases: TextTypedGroup['cases'], sent: TextTypedGroup['sent']) => {
		for (const [operation, parameters] of Object.entries(operations)) {
			const needs =
				parameters.meetingKey === SEEDED_KEY ? 'meeting' : parameters.webinarKey === SEEDED_KEY ? 'webinar' : undefined;
			result.push({ operation, field, parameters: op(operation, parameters), needs, cases, sent });
		}
	};
	/** Where each yes/no field lands; the others are the meeting's or webinar's `settings.<name>`. */
	const sentAt: Record<string, TextTypedGroup['sent']> = {
		'Recording Enabled': path('recording_enabled'),
		'Registration Required': path('registration_required'),
		'Auto Recording': path('auto_recording'),
		'Waiting Room Enabled': path('waiting_room_enabled'),
		'Send Invitation': path('participants', '0', 'send_invitation'),
		'Notify Participants': (request) => request.query.notify_participants === 'true',
		// Return All pages 100 at a time, else per_page is the Limit (7).
		'Return All': (request) => request.query.per_page === '100',
	};
	for (const [field, operations] of Object.entries(booleanFields(meetingKey, webinarKey))) {
		add(field, operations, BOOLEAN_CASES, sentAt[field] ?? path('settings', apiName(field)));
	}
	add(
		'Duration',
		{
			'meeting.create': { ...schedule, duration: VALUE },
			'webinar.create': { ...schedule, duration: VALUE },
			'meeting.update': { ...meetingKey, updateFields: { duration: VALUE } },
			'webinar.update': { ...webinarKey, updateFields: { duration: VALUE } },
		},
		integerCases(1, 1440),
		path('duration'),
	);
	// The plan's ceiling (100 on the sandbox's default plan) is lower than the field's.
	add(
		'Participant Limit',
		{
			'meeting.create': { ...schedule, additionalFields: { participantLimit: VALUE } },
			'meeting.update': { ...meetingKey, updateFields: { participantLimit: VALUE } },
		},
		integerCases(1, 100),
		path('participant_limit'),
	);
	add(
		'Max Attendees',
		{
			'webinar.create': { ...schedule, additionalFields: { maxAttendees: VALUE } },
			'webinar.update': { ...webinarKey, updateFields: { maxAttendees: VALUE } },
		},
		integerCases(1, 10_000),
		path('max_attendees'),
	);
	add(
		'Repeat Interval',
		{
			'meeting.create': {
				...schedule,
				additionalFields: { recurrence: { rule: { type: 'weekly', repeatInterval: VALUE } } },
			},
		},
		integerCases(1, 99),
		path('recurrence', 'repeat_interval'),
	);
	add(
		'Default Meeting Duration',
		{ 'settings.update': { updateFields: { defaultMeetingDuration: VALUE } } },
		integerCases(1, 1440),
		path('default_meeting_duration'),
	);
	// A page holds at most 100, so a larger limit shows as per_page=100.
	add(
		'Limit',
		{
			'meeting.getAll': { returnAll: false, limit: VALUE },
			'webinar.getAll': { returnAll: false, limit: VALUE },
			'recording.getAll': { returnAll: false, limit: VALUE },
			'participant.getAll': { ...meetingKey, returnAll: false, limit: VALUE },
			'session.getAll': { ...meetingKey, returnAll: false, limit: VALUE },
			'registration.getAll': { ...webinarKey, returnAll: false, limit: VALUE },
		},
		integerCases(1, 100),
		(request) => Number(request.query.per_page),
	);
	return result;
}
