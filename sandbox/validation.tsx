import { ApiError, invalidParameter, isPlainObject } from './http';

/**
 * The request bodies of the spec, written as data so that each route states its body
 * with the spec's field names, and every rejection names the field the way a user
 * would find it: `settings.enable_waiting_room`, `participants[0].email`.
 */
export type Field =
	| { kind: 'string'; required?: boolean; maxLength?: number }
	| { kind: 'enum'; required?: boolean; values: readonly string[] }
	| { kind: 'integer'; required?: boolean; min: number; max: number }
	| { kind: 'boolean'; required?: boolean }
	| { kind: 'dateTime'; required?: boolean }
	| { kind: 'timezone'; required?: boolean }
	| { kind: 'email'; required?: boolean }
	| { kind: 'object'; required?: boolean; fields: Schema }
	| { kind: 'array'; required?: boolean; items: Field; minItems?: number; maxItems: number };

export type Schema = Readonly<Record<string, Field>>;

/**
 * Throws the first problem found. With `partial` (a PUT that changes only what it names)
 * top-level fields are optional; nested objects such as a replaced recurrence stay whole.
 */
export function validateBody(body: unknown, schema: Schema, partial = false): void {
	checkObject(body ?? {}, schema, '', partial);
}

function checkObject(value: unknown, schema: Schema, path: string, partial: boolean): void {
	if (!isPlainObject(value)) throw wrongType(path || 'body', 'a JSON object');
	// Unknown names first: a misspelt field should be reported as such, not as the
	// required field it was meant to be.
	for (const name of Object.keys(value)) {
		if (!Object.prototype.hasOwnProperty.call(schema, name)) {
			throw invalidParameter(`Unknown field: ${joinPath(path, name)}`);
		}
	}
	for (const [name, field] of Object.entries(schema)) {
		const fieldPath = joinPath(path, name);
		if (value[name] === undefined) {
			if (field.required && !partial) {
				throw invalidParameter(`Missing required field: ${fieldPath}`);
			}
			continue;
		}
		checkField(value[name], field, fieldPath);
	}
}

function checkField(value: unknown, field: Field, path: string): void {
	switch (field.kind) {
		case 'string':
			if (typeof value !== 'string') throw wrongType(path, 'a string');
			// Characters as code points, as the node counts them: an emoji is one, not two
			// (never more than UTF-16 units, so only a long string is counted again).
			if (
				field.maxLength !== undefined &&
				value.length > field.maxLength &&
				Array.from(value).length > field.maxLength
			) {
				throw wrongType(path, `a string of at most ${field.maxLength} characters`);
			}
			return;
		case 'enum':
			if (typeof value !== 'string' || !field.values.includes(value)) {
				throw wrongType(path, `one of ${field.values.join(', ')}`);
			}
			return;
		case 'integer':
			if (
				!Number.isInteger(value) ||
				(value as number) < field.min ||
				(value as number) > field.max
			) {
				throw wrongType(path, `an integer from ${field.min} to ${field.max}`);
			}
			return;
		case 'boolean':
			if (typeof value !== 'boolean') throw wrongType(path, 'true or false');
			return;
		case 'dateTime':
			if (typeof value !== 'string' || parseIsoDate(value) === undefined) throw badDate(path);
			return;
		case 'timezone':
			if (typeof value !== 'string' || !isTimeZone(value)) {
				throw wrongType(path, 'an IANA time zone such as America/New_York');
			}
			return;
		case 'email':
			if (typeof value !== 'string' || !EMAIL.test(value)) {
				throw wrongType(path, 'an email address');
			}
			return;
		case 'object':
			checkObject(value, field.fields, path, false);
			return;
		case 'array':
			checkArray(value, field, path);
			return;
	}
}

function checkArray(value: unknown, field: Extract<Field, { kind: 'array' }>, path: string): void {
	const min = field.minItems ?? 0;
	if (!Array.isArray(value) || value.length < min || value.length > field.maxItems) {
		throw wrongType(path, `an array of ${min} to ${field.maxItems} items`);
	}
	value.forEach((item, index) => checkField(item, field.items, `${path}[${index}]`));
}

const joinPath = (path: string, name: string) => (path ? `${path}.${name}` : name);

const wrongType = (path: string, expected: string) =>
	invalidParameter(`Invalid value for ${path}: expected ${expected}`);

export const badDate = (path: string) =>
	new ApiError(
		'INVALID_DATE_FORMAT',
		`Invalid date for ${path}: expected ISO 8601, such as 2025-12-20T15:00:00Z`,
	);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// `Intl.supportedValuesOf` lists canonical zones only, and not `UTC` itself. ICU's
// canonical names are the old ones (Asia/Calcutta), so a current IANA name such as
// Asia/Kolkata is accepted when ICU resolves it to a listed zone.
const TIME_ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

export function isTimeZone(name: string): boolean {
	if (TIME_ZONES.has(name)) return true;
	try {
		return TIME_ZONES.has(
			new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone,
		);
	} catch {
		return false;
	}
}

const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface ParsedDate {
	ms: number;
	/** `2025-12-15` rather than a date-time: a `to_date` of that kind includes the whole day. */
	dateOnly: boolean;
}

/**
 * ISO 8601 calendar dates and date-times. A date-time without an offset is read as UTC
 * (Python's `datetime.isoformat()` in the spec's analytics example sends those).
 */
export function parseIsoDate(text: string): ParsedDate | undefined {
	const match = ISO_8601.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', offset] =
		match;
	const fields = [year, month, day, hour, minute, second].map(Number);
	const utc = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
	const check = new Date(utc);
	// Date.UTC rolls 2025-02-30 over to March; a real calendar date survives the round trip.
	if (
		check.getUTCMonth() !== fields[1] - 1 ||
		check.getUTCDate() !== fields[2] ||
		fields[3] > 23 ||
		fields[4] > 59 ||
		fields[5] > 59
	) {
		return undefined;
	}
	const millis = Math.floor(Number(`0.${fraction}`) * 1000);
	return { ms: utc + millis - offsetMinutes(offset) * 60_000, dateOnly: match[4] === undefined };
}

function offsetMinutes(offset: string | undefined): number {
	if (!offset || offset === 'Z') return 0;
	const digits = offset.replace(':', '');
	const sign = digits.startsWith('-') ? -1 : 1;
	return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/** Parses a date the validator has already accepted. */
export function dateMs(text: string): number {
	const parsed = parseIsoDate(text);
	if (!parsed) throw badDate(text);
	return parsed.ms;
}
