import type { INode } from 'n8n-workflow';

import { fail, fieldLabel, truncate } from '../../transport/pathIds';

/**
 * Zoho expects `YYYY-MM-DDTHH:mm:ssZ`. Accepts ISO 8601 strings (with offset, or
 * without one, then read in a time zone), Luxon DateTime and JS Date values from
 * expressions, and sends them as UTC.
 */
const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const DATE_FIX = 'Use an ISO 8601 date-time such as 2025-12-20T15:00:00Z, or pick a date in the date picker.';

/**
 * A checked date-time parameter: either an instant (the value had an offset, or was a
 * Date or Luxon DateTime), or a wall-clock time still to be read in a time zone.
 */
export type DateTimeInput =
	| { kind: 'instant'; epoch: number }
	| { kind: 'local'; wall: number; text: string };

/** Reads a date-time parameter and checks it is real, before any time zone is known. */
/** The wall-clock time of [year, month, day, hour, minute, second] as UTC ms, or undefined for 2025-02-30 or 24:00. */
function realWallTime([year, month, day, hour, minute, second]: number[]): number | undefined {
	const wall = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(wall);
	const sameDay = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
	return sameDay && hour <= 23 && minute <= 59 && second <= 59 ? wall : undefined;
}

export function parseDateTime(node: INode, itemIndex: number, field: string, value: unknown): DateTimeInput {
	const label = fieldLabel(field);
	let text: string;
	if (value instanceof Date) {
		text = value.toISOString();
	} else if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = String((value as { toISO: () => string }).toISO());
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		fail(node, itemIndex, `${label} is empty or not a date`, DATE_FIX);
	}
	const match = ISO_8601.exec(text);
	if (!match) {
		fail(node, itemIndex, `${label} "${truncate(text)}" is not an ISO 8601 date-time`, DATE_FIX);
	}
	const [, y, mo, d, h = '00', mi = '00', s = '00', offset] = match;
	const wall = realWallTime([y, mo, d, h, mi, s].map(Number));
	if (wall === undefined) fail(node, itemIndex, `${label} "${truncate(text)}" is not a real date`, DATE_FIX);
	if (!offset) return { kind: 'local', wall, text: isoWall(wall) };
	if (offset === 'Z') return { kind: 'instant', epoch: wall };
	const sign = offset.startsWith('-') ? -1 : 1;
	const digits = offset.replace(/[+\-:]/g, '');
	const [offsetHours, offsetMinutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
	// The pattern takes any two digits; +25:00 or +05:99 would shift the time silently.
	if (offsetHours > 23 || offsetMinutes > 59) {
		fail(node, itemIndex, `${label} "${truncate(text)}" has an impossible UTC offset`, DATE_FIX);
	}
	return { kind: 'instant', epoch: wall - sign * (offsetHours * 60 + offsetMinutes) * 60_000 };
}

/**
 * The instant of a parsed date-time, a wall-clock time read in `timezone`, as Zoho
 * wants it. A local time that the zone skips (clocks jumping forward) is refused with
 * the gap named; one that it passes twice (clocks going back) is the earlier instant.
 */
export function inTimezone(
	node: INode,
	itemIndex: number,
	field: string,
	input: DateTimeInput,
	timezone: string,
): string {
	if (input.kind === 'instant') return zohoTime(input.epoch);
	const epoch = wallToEpoch(timezone, input.wall);
	if (epoch === undefined) {
		const { from, to } = skippedWallTimes(timezone, input.wall);
		// "02:00 to 03:00" on the day itself; whole dates when the jump crosses midnight.
		const sameDay = from.slice(0, 10) === input.text.slice(0, 10) && to.slice(0, 10) === from.slice(0, 10);
		const [fromText, toText] = sameDay ? [from.slice(11, 16), to.slice(11, 16)] : [from.slice(0, 16), to.slice(0, 16)];
		fail(
			node,
			itemIndex,
			`${fieldLabel(field)} ${input.text} does not exist in ${timezone}: clocks jump from ${fromText} to ${toText}`,
			`Use a time before ${fromText} or from ${toText} on, or give the time with its UTC offset (such as ${input.text}Z).`,
		);
	}
	return zohoTime(epoch);
}

export function toZohoDateTime(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	timezone = 'UTC',
): string {
	return inTimezone(node, itemIndex, field, parseDateTime(node, itemIndex, field, value), timezone);
}

function zohoTime(epoch: number): string {
	return new Date(epoch).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A wall-clock time (held as the UTC instant with the same digits) as `YYYY-MM-DDTHH:mm:ss`. */
function isoWall(wall: number): string {
	return new Date(wall).toISOString().slice(0, 19);
}

/** An end (UTC, as toZohoDateTime gives it) on or after its start, else an error naming both. */
export function assertNotBefore(
	node: INode,
	itemIndex: number,
	endField: string,
	end: string,
	startField: string,
	start: string,
): void {
	if (end < start) {
		fail(
			node,
			itemIndex,
			`${fieldLabel(endField)} is before ${fieldLabel(startField)}`,
			`${fieldLabel(endField)} is ${end}, ${fieldLabel(startField)} is ${start}; set ${fieldLabel(endField)} to ${start} or later.`,
		);
	}
}

const DAY_MS = 86_400_000;

/**
 * One formatter per zone: building an Intl.DateTimeFormat costs far more than using one,
 * and a run of 200 creates reads the same zone 600 times. Zones are names ICU knows, so
 * the map stays small; it is emptied if expressions ever feed it too many spellings.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 1000;

/** Throws a RangeError for a zone ICU does not know. */
function formatterFor(timezone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timezone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone: timezone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		if (formatters.size >= MAX_FORMATTERS) formatters.clear();
		formatters.set(timezone, formatter);
	}
	return formatter;
}

/** The wall-clock time in `timezone` at `epoch`, held as the UTC instant with the same digits (also for the organization API's times, transport/dialects/organizationDates.ts). */
export function wallAt(timezone: string, epoch: number): number {
	const parts = formatterFor(timezone).formatToParts(new Date(epoch));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** Offset of `timezone` from UTC at the given instant, in milliseconds. */
function offsetAt(timezone: string, epoch: number): number {
	return wallAt(timezone, Math.floor(epoch / 1000) * 1000) - Math.floor(epoch / 1000) * 1000;
}

/**
 * The earliest instant whose wall-clock time in `timezone` is `wall`, or undefined when the
 * zone skips it. Reading the offset at the wall time taken as UTC is an hour off near a
 * change east of UTC; instead, the offsets a day either side are the
 * candidates (as Temporal's GetNamedTimeZoneEpochNanoseconds does), and each is checked by
 * formatting it back. Around a change both can fit (clocks went back: the earlier wins) or
 * neither (clocks jumped forward).
 */
function wallToEpoch(timezone: string, wall: number): number | undefined {
	const before = offsetAt(timezone, wall - DAY_MS);
	const after = offsetAt(timezone, wall + DAY_MS);
	const offsets = new Set([before, after]);
	let fits = [...offsets].map((offset) => wall - offset).filter((epoch) => wallAt(timezone, epoch) === wall);
	if (fits.length === 0 && before === after) {
		// Two changes within the two days that cancel out: take the offset where the time lands.
		const nearby = offsetAt(timezone, wall - before);
		fits = [wall - nearby].filter((epoch) => wallAt(timezone, epoch) === wall);
	}
	return fits.length ? Math.min(...fits) : undefined;
}

/** The wall-clock times either side of the jump that skips `wall` in `timezone`. */
function skippedWallTimes(timezone: string, wall: number): { from: string; to: string } {
	const before = offsetAt(timezone, wall - DAY_MS);
	const offsets = [before, offsetAt(timezone, wall + DAY_MS), offsetAt(timezone, wall - before)];
	// The change lies between the two readings of `wall`: find its second by bisection.
	let low = wall - Math.max(...offsets);
	let high = wall - Math.min(...offsets);
	const first = offsetAt(timezone, low);
	while (high - low > 1000) {
		const middle = low + Math.floor((high - low) / 2000) * 1000;
		if (offsetAt(timezone, middle) === first) low = middle;
		else high = middle;
	}
	return { from: isoWall(high + first), to: isoWall(high + offsetAt(timezone, high)) };
}

export function timezones(): string[] {
	return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

/** ICU lists canonical names only (Asia/Calcutta), yet accepts every IANA alias (Asia/Kolkata). */
export function isTimezone(zone: string): boolean {
	if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
	try {
		formatterFor(zone);
		return true;
	} catch {
		return false;
	}
}

export function assertTimezone(node: INode, itemIndex: number, field: string, value: unknown): string {
	if (typeof value === 'string' && isTimezone(value)) return value;
	fail(
		node,
		itemIndex,
		`${fieldLabel(field)} "${truncate(String(value))}" is not a known time zone`,
		'Pick a time zone from the list, or use an IANA name such as America/New_York.',
	);
}
