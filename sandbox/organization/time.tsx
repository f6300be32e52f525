/**
 * Zoho's organization API writes times as wall-clock text in a meeting's time zone:
 * `Jun 19, 2020 07:00 PM` in a request (create-a-meeting.html), the same with the zone's
 * abbreviation in an answer (`Jun 19, 2020 07:00 PM IST`), and `2023-08-18T10:46:28 IST`
 * in a recording (recording-api/get-specific-recording.html). Durations are milliseconds.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** `Jun 19, 2020 07:00 PM`; Zoho's SDK pages also send the day unpadded (`Jan 4, 2024`). */
const ZOHO_DATE_TIME = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}) ([AP]M)$/;

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one costs far more than using it. */
function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

function wallClockAt(ms: number, timeZone: string): WallClock {
	const parts = Object.fromEntries(
		wallClockFormatter(timeZone)
			.formatToParts(ms)
			.map((part) => [part.type, Number(part.value)]),
	);
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
	};
}

const asUtc = (wall: WallClock) =>
	Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

/** The zone's offset from UTC at an instant, in ms: `19800000` for Asia/Calcutta. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
	const whole = Math.floor(ms / 1000) * 1000;
	return asUtc(wallClockAt(whole, timeZone)) - whole;
}

/**
 * The instant a wall-clock time in a zone stands for. Around a change of offset it reads
 * the time as java.time does (Zoho's servers run on Java): a time the clocks skipped is
 * moved later by the gap, a time they passed twice is the earlier of the two.
 */
export function instantOf(wall: WallClock, timeZone: string): number {
	const local = asUtc(wall);
	const before = zoneOffsetMs(local - DAY_MS, timeZone);
	const after = zoneOffsetMs(local + DAY_MS, timeZone);
	const candidates = [local - before, local - after].filter(
		(ms) => zoneOffsetMs(ms, timeZone) === local - ms,
	);
	if (candidates.length > 0) return Math.min(...candidates);
	return local - before;
}

/** Parses `Jun 19, 2020 07:00 PM` as a time in `timeZone`; undefined if it is not one. */
export function parseZohoDateTime(text: string, timeZone: string): number | undefined {
	const match = ZOHO_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, monthName, day, year, hour, minute, meridiem] = match;
	const month = MONTHS.indexOf(monthName) + 1;
	const hour12 = Number(hour);
	const wall = {
		year: Number(year),
		month,
		day: Number(day),
		hour: (hour12 % 12) + (meridiem === 'PM' ? 12 : 0),
		minute: Number(minute),
		second: 0,
	};
	const calendar = new Date(Date.UTC(wall.year, month - 1, wall.day));
	const valid =
		month > 0 &&
		hour12 >= 1 &&
		hour12 <= 12 &&
		wall.minute <= 59 &&
		calendar.getUTCMonth() === month - 1 &&
		calendar.getUTCDate() === wall.day;
	return valid ? instantOf(wall, timeZone) : undefined;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `Jun 19, 2020 07:00 PM`, with ` IST` (the zone's abbreviation) when `withZone`. */
export function formatZohoDateTime(ms: number, timeZone: string, withZone = true): string {
	const wall = wallClockAt(ms, timeZone);
	const text = `${MONTHS[wall.month - 1]} ${pad(wall.day)}, ${wall.year} ${clockText(wall)}`;
	return withZone ? `${text} ${zoneAbbreviation(ms, timeZone)}` : text;
}

/** `02:20 PM`: the participant report's `inAndOutTime` is two of these. */
export function formatClock(ms: number, timeZone: string): string {
	return clockText(wallClockAt(ms, timeZone));
}

function clockText(wall: WallClock): string {
	const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
	return `${pad(hour12)}:${pad(wall.minute)} ${wall.hour < 12 ? 'AM' : 'PM'}`;
}

/** `2023-08-18T10:46:28 IST`: a recording's `startTime` and `endTime`. */
export function formatRecordingTime(ms: number, timeZone: string): string {
	const wall = wallClockAt(ms, timeZone);
	return (
		`${wall.year}-${pad(wall.month)}-${pad(wall.day)}T` +
		`${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)} ${zoneAbbreviation(ms, timeZone)}`
	);
}

/**
 * The zone's short name as Zoho prints it (`IST`, `PDT`, `CEST`), where one of these
 * English locales knows one; `GMT+5:45` otherwise. Abbreviations are ambiguous (IST is
 * India, Israel and Ireland), so a client must read the time in the `timezone` field.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-IN', 'en-GB', 'en-AU'];

const abbreviationFormatters = new Map<string, Intl.DateTimeFormat[]>();

export function zoneAbbreviation(ms: number, timeZone: string): string {
	let locales = abbreviationFormatters.get(timeZone);
	if (!locales) {
		locales = ABBREVIATION_LOCALES.map(
			(locale) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }),
		);
		abbreviationFormatters.set(timeZone, locales);
	}
	const names = locales.map(
		(formatter) => formatter.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value,
	);
	return names.find((name) => name && !/^GMT[+-]/.test(name)) ?? names[0] ?? 'UTC';
}

/** Whole minutes as Zoho's milliseconds, and back. */
export const minutesToMs = (minutes: number) => minutes * MINUTE_MS;
export const msToMinutes = (ms: number) => ms / MINUTE_MS;

/** The start and end of the calendar day an instant falls on, in a zone. */
export function dayAround(ms: number, timeZone: string): { start: number; end: number } {
	const wall = wallClockAt(ms, timeZone);
	const midnight = { ...wall, hour: 0, minute: 0, second: 0 };
	const next = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
	return {
		start: instantOf(midnight, timeZone),
		end: instantOf(
			{
				...midnight,
				year: next.getUTCFullYear(),
				month: next.getUTCMonth() + 1,
				day: next.getUTCDate(),
			},
			timeZone,
		),
	};
}
