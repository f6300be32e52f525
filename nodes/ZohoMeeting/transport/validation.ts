import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Input checks that run before any request is sent. Each failure names the field as
 * the user sees it in the editor and says how to fix it.
 */

/** `meetingKey` → `Meeting Key`, `recordingId` → `Recording ID`. */
export function fieldLabel(name: string): string {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/^./, (c) => c.toUpperCase())
		.replace(/\bId\b/, 'ID');
}

function fail(node: INode, itemIndex: number, message: string, description: string): never {
	throw new NodeOperationError(node, message, { itemIndex, description });
}

const MAX_ID_LENGTH = 200;

/**
 * IDs are put into the URL path, so anything that could change which path is called
 * (a slash, a dot segment, percent-encoding, `?`, `#`, whitespace or control
 * characters) is refused rather than encoded: Zoho keys and IDs never contain them.
 */
const SAFE_ID = /^[A-Za-z0-9_\-.:@]+$/;

export function assertPathId(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const label = fieldLabel(field);
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
		return String(value);
	}
	if (typeof value !== 'string' || value.trim() === '') {
		fail(node, itemIndex, `${label} is empty`, `Enter the ${label}, or pick it from the list.`);
	}
	const id = value.trim();
	if (id.length > MAX_ID_LENGTH) {
		fail(
			node,
			itemIndex,
			`${label} is too long (${id.length} characters)`,
			`A ${label} has at most ${MAX_ID_LENGTH} characters; check that the expression yields the ID alone.`,
		);
	}
	if (!SAFE_ID.test(id) || id === '.' || id.includes('..')) {
		fail(
			node,
			itemIndex,
			`${label} "${truncate(id)}" is not a valid ID`,
			`A ${label} contains only letters, digits, "-", "_", "." and ":" (no "/", "..", "%", "?", "#" or spaces). Pick it from the list or copy it from Zoho Meeting.`,
		);
	}
	return id;
}

function truncate(text: string, max = 60): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Zoho expects `YYYY-MM-DDTHH:mm:ssZ`. Accepts ISO 8601 strings (with offset, or
 * without one, then read in `timezone`), Luxon DateTime and JS Date values from
 * expressions, and sends them as UTC.
 */
const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function toZohoDateTime(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	timezone = 'UTC',
): string {
	const label = fieldLabel(field);
	const fix = `Use an ISO 8601 date-time such as 2025-12-20T15:00:00Z, or pick a date in the date picker.`;
	let text: string;
	if (value instanceof Date) {
		text = value.toISOString();
	} else if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = String((value as { toISO: () => string }).toISO());
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		fail(node, itemIndex, `${label} is empty or not a date`, fix);
	}
	const match = ISO_8601.exec(text);
	if (!match) {
		fail(node, itemIndex, `${label} "${truncate(text)}" is not an ISO 8601 date-time`, fix);
	}
	const [, y, mo, d, h = '00', mi = '00', s = '00', offset] = match;
	const parts = [y, mo, d, h, mi, s].map(Number);
	const asUtc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
	const check = new Date(asUtc);
	if (
		check.getUTCFullYear() !== parts[0] ||
		check.getUTCMonth() !== parts[1] - 1 ||
		check.getUTCDate() !== parts[2] ||
		parts[3] > 23 ||
		parts[4] > 59 ||
		parts[5] > 59
	) {
		fail(node, itemIndex, `${label} "${truncate(text)}" is not a real date`, fix);
	}
	let epoch: number;
	if (offset === 'Z') {
		epoch = asUtc;
	} else if (offset) {
		const sign = offset.startsWith('-') ? -1 : 1;
		const digits = offset.replace(/[+\-:]/g, '');
		const [offsetHours, offsetMinutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
		// The pattern takes any two digits; +25:00 or +05:99 would shift the time silently.
		if (offsetHours > 23 || offsetMinutes > 59) {
			fail(node, itemIndex, `${label} "${truncate(text)}" has an impossible UTC offset`, fix);
		}
		epoch = asUtc - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
	} else {
		epoch = asUtc - zoneOffsetMinutes(timezone, asUtc) * 60_000;
	}
	return new Date(epoch).toISOString().replace(/\.\d{3}Z$/, 'Z');
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

/** Offset of `timezone` from UTC, in minutes, at the given instant. */
function zoneOffsetMinutes(timezone: string, epoch: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: timezone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(epoch));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((wall - epoch) / 60_000);
}

export function timezones(): string[] {
	return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

/** ICU lists canonical names only (Asia/Calcutta), yet accepts every IANA alias (Asia/Kolkata). */
function isTimezone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+\-]+)*$/.test(zone);
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

/**
 * Deliberately simple: one "@", no spaces, a dot in the domain, as Zoho checks. Each
 * side is a run of dot-separated parts, so a dot may not lead, trail or double
 * (`.jane@`, `jane.@`, `ja..ne@`, `@example..com`), which mail servers refuse.
 */
const EMAIL = /^[^\s@"(),:;<>[\]\\.]+(?:\.[^\s@"(),:;<>[\]\\.]+)*@(?:[^\s@"(),:;<>[\]\\.]+\.)+[A-Za-z]{2,}$/;

export function assertEmail(node: INode, itemIndex: number, field: string, value: unknown): string {
	const email = typeof value === 'string' ? value.trim() : '';
	if (email.length > 254 || !EMAIL.test(email)) {
		fail(
			node,
			itemIndex,
			`${fieldLabel(field)} "${truncate(String(value ?? ''))}" is not an email address`,
			'Enter an address such as jane.smith@example.com.',
		);
	}
	return email;
}

export function assertInteger(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	min: number,
	max: number,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		fail(
			node,
			itemIndex,
			`${fieldLabel(field)} must be a whole number from ${min} to ${max}`,
			`It is ${truncate(JSON.stringify(value) ?? String(value))}; enter a whole number from ${min} to ${max}.`,
		);
	}
	return number;
}

export function assertNonEmptyText(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	maxLength: number,
): string {
	const label = fieldLabel(field);
	if (typeof value !== 'string' || value.trim() === '') {
		fail(node, itemIndex, `${label} is empty`, `Enter a ${label}.`);
	}
	if (value.length > maxLength) {
		fail(
			node,
			itemIndex,
			`${label} is too long (${value.length} characters)`,
			`Shorten the ${label} to at most ${maxLength} characters.`,
		);
	}
	return value;
}
