import { NodeOperationError } from 'n8n-workflow';

import { toZohoDateTime, wallAt } from '../../actions/shared/dates';
import type { DialectContext } from './dialect';

/**
 * Times in Zoho's organization API: wall-clock text in the meeting's time zone, to the
 * minute, `Jun 19, 2020 07:00 PM` in a request (create-a-meeting.html) and with the zone's
 * abbreviation in an answer (`Jun 19, 2020 07:00 PM IST`, or without it after an edit);
 * epoch milliseconds in the participant report and a recording's `startTimeMillis`;
 * durations in milliseconds. The contract's are ISO 8601 UTC and minutes.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MINUTE_MS = 60_000;
/** `Jun 19, 2020 07:00 PM`, the day padded or not (Zoho's SDK pages write `Jan 4, 2024`), then perhaps a zone. */
const ZOHO_TIME = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}) ([AP]M)(?: (\S+))?$/;
const GMT_OFFSET = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** The contract's `2025-12-15T14:00:00Z` of an instant. */
export const isoOf = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Epoch milliseconds as a number or a string of digits (Zoho writes both), as the contract's time. */
export function isoOfEpoch(value: unknown): string | undefined {
	const ms = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	return typeof ms === 'number' && Number.isSafeInteger(ms) && ms > 0 ? isoOf(ms) : undefined;
}

/** The wall-clock parts of an instant in a zone, from the node's cached formatters. */
function wallClock(ms: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', number> {
	const wall = new Date(wallAt(timeZone, ms));
	return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() };
}

/** `YYYY-MM-DDTHH:mm:00`, a time without an offset, as the node's parameter parsing reads it. */
const localIso = (w: { year: number; month: number; day: number; hour: number; minute: number }) =>
	`${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:00`;

/**
 * The request's `startTime` of a contract time (`2030-06-19T13:30:00Z`) in `timeZone`:
 * `Jun 19, 2030 07:00 PM`, to the minute (Zoho's times have no seconds). Zoho reads the
 * text back in the zone; a time the zone passes twice (clocks going back) would be read
 * as the earlier one, so the later one is refused rather than moved an hour.
 */
export function zohoTimeOf(iso: string, timeZone: string, context: DialectContext): string {
	const ms = Math.floor(Date.parse(iso) / MINUTE_MS) * MINUTE_MS;
	const wall = wallClock(ms, timeZone);
	const local = localIso(wall);
	if (toZohoDateTime(context.node, context.itemIndex, 'startTime', local, timeZone) !== isoOf(ms)) {
		throw new NodeOperationError(context.node, `Start Time ${isoOf(ms)} falls in the hour that ${timeZone} passes twice`, {
			itemIndex: context.itemIndex,
			description: `Zoho's organization API takes a start time as wall-clock text (${local.slice(11, 16)} on ${local.slice(0, 10)}), which in ${timeZone} means the first of the two; pick a time outside that hour, or another Timezone.`,
		});
	}
	const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
	return `${MONTHS[wall.month - 1]} ${pad(wall.day)}, ${wall.year} ${pad(hour12)}:${pad(wall.minute)} ${wall.hour < 12 ? 'AM' : 'PM'}`;
}

/** The offset of a zone written as `GMT+5:45` or `UTC` in minutes, or undefined for a name like `IST`. */
function offsetOfAbbreviation(zone: string | undefined): number | undefined {
	const match = zone === undefined ? null : GMT_OFFSET.exec(zone);
	if (!match) return undefined;
	const [, sign, hours = '0', minutes = '0'] = match;
	return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * The contract's time of an answer's `Jun 19, 2020 07:00 PM IST`, read in the record's
 * `timezone` (abbreviations are ambiguous: IST is India, Israel and Ireland); without a
 * zone that the node knows, only a `GMT+5:30`-style abbreviation is read. Undefined when
 * the text is no such time.
 */
export function isoOfZohoTime(text: unknown, timeZone: unknown, context: DialectContext): string | undefined {
	const match = typeof text === 'string' ? ZOHO_TIME.exec(text.trim()) : null;
	if (!match) return undefined;
	const [, monthName, day, year, hour, minute, meridiem, abbreviation] = match;
	const month = MONTHS.indexOf(monthName) + 1;
	const hour24 = (Number(hour) % 12) + (meridiem === 'PM' ? 12 : 0);
	if (month === 0 || Number(hour) < 1 || Number(hour) > 12) return undefined;
	const local = localIso({ year: Number(year), month, day: Number(day), hour: hour24, minute: Number(minute) });
	try {
		if (typeof timeZone === 'string' && timeZone !== '') {
			return toZohoDateTime(context.node, context.itemIndex, 'startTime', local, timeZone);
		}
		const offset = offsetOfAbbreviation(abbreviation);
		const asUtc = Date.parse(`${local}Z`);
		const real = Number.isFinite(asUtc) && new Date(asUtc).toISOString().startsWith(local);
		return offset === undefined || !real ? undefined : isoOf(asUtc - offset * MINUTE_MS);
	} catch {
		// Not a real date, or a zone ICU does not know: the answer's own text stays beside it.
		return undefined;
	}
}

/** Minutes of Zoho's milliseconds, to the nearest minute. */
export function minutesOf(ms: unknown): number | undefined {
	const value = typeof ms === 'string' && /^\d+$/.test(ms.trim()) ? Number(ms) : ms;
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value / MINUTE_MS) : undefined;
}

export const msOfMinutes = (minutes: number) => minutes * MINUTE_MS;
