import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertTimezone, toZohoDateTime } from '../../../nodes/ZohoMeeting/actions/shared/dates';
import {
	assertBoolean,
	assertEmail,
	assertInteger,
	assertNonEmptyText,
} from '../../../nodes/ZohoMeeting/actions/shared/parameters';
import { assertPathId, fieldLabel } from '../../../nodes/ZohoMeeting/transport/pathIds';
import { sweepZones } from '../../helpers/timezoneSweep';

const node = { name: 'Zoho Meeting', type: 'zohoMeeting' } as INode;

function errorOf(run: () => unknown): NodeOperationError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected a NodeOperationError');
}

describe('fieldLabel', () => {
	it.each([
		['meetingKey', 'Meeting Key'],
		['recordingId', 'Recording ID'],
		['startTime', 'Start Time'],
	])('%s reads as %s', (name, label) => expect(fieldLabel(name)).toBe(label));
});

describe('assertPathId', () => {
	it('accepts Zoho keys and IDs as they are', () => {
		expect(assertPathId(node, 0, 'meetingKey', '1234567890')).toBe('1234567890');
		expect(assertPathId(node, 0, 'recordingId', 'REC_1234567890')).toBe('REC_1234567890');
		expect(assertPathId(node, 0, 'sessionId', ' SESSION_1 ')).toBe('SESSION_1');
		expect(assertPathId(node, 0, 'meetingKey', 42)).toBe('42');
	});

	it.each(['a/b', '..', '../settings', '%2e%2e', '12?x=1', '12#frag', 'a b', '', '   ', 'x'.repeat(201), '\u0000'])(
		'refuses %j, naming the field, with the item index',
		(value) => {
			const error = errorOf(() => assertPathId(node, 3, 'meetingKey', value));
			expect(error.message).toMatch(/^Meeting Key/);
			expect(error.description).toBeTruthy();
			expect(error.context.itemIndex).toBe(3);
		},
	);

	it('refuses non-string values from expressions', () => {
		expect(errorOf(() => assertPathId(node, 0, 'webinarKey', { a: 1 })).message).toBe('Webinar Key is empty');
		expect(errorOf(() => assertPathId(node, 0, 'webinarKey', -1)).message).toBe('Webinar Key is empty');
	});
});

describe('toZohoDateTime', () => {
	it('sends UTC without milliseconds', () => {
		expect(toZohoDateTime(node, 0, 'startTime', '2025-12-20T15:00:00Z')).toBe('2025-12-20T15:00:00Z');
		expect(toZohoDateTime(node, 0, 'startTime', '2025-12-20T15:00:00.123Z')).toBe('2025-12-20T15:00:00Z');
	});

	it('applies an explicit offset', () => {
		expect(toZohoDateTime(node, 0, 'startTime', '2025-12-20T10:00:00-05:00')).toBe('2025-12-20T15:00:00Z');
		expect(toZohoDateTime(node, 0, 'startTime', '2025-12-20T20:30:00+0530')).toBe('2025-12-20T15:00:00Z');
	});

	it('reads a time without an offset in the given zone, daylight saving included', () => {
		expect(toZohoDateTime(node, 0, 'startTime', '2025-12-20T10:00:00', 'America/New_York')).toBe('2025-12-20T15:00:00Z');
		expect(toZohoDateTime(node, 0, 'startTime', '2025-07-20T10:00:00', 'America/New_York')).toBe('2025-07-20T14:00:00Z');
		expect(toZohoDateTime(node, 0, 'startTime', '2025-12-20', 'UTC')).toBe('2025-12-20T00:00:00Z');
	});

	it.each([
		// The three times issue 10 found an hour off: east of UTC, the day before a change.
		['2025-10-04T20:00:00', 'Australia/Sydney', '2025-10-04T10:00:00Z'],
		['2025-10-26T01:30:00', 'Europe/Berlin', '2025-10-25T23:30:00Z'],
		['2025-09-27T22:00:00', 'Pacific/Auckland', '2025-09-27T10:00:00Z'],
		// Shown twice when clocks go back: the earlier instant.
		['2025-10-26T02:30:00', 'Europe/Berlin', '2025-10-26T00:30:00Z'],
		['2025-11-02T01:30:00', 'America/New_York', '2025-11-02T05:30:00Z'],
		['2025-04-06T01:45:00', 'Australia/Lord_Howe', '2025-04-05T14:45:00Z'],
		// Right after a change, and a zone known by its current name only.
		['2025-03-30T03:00:00', 'Europe/Berlin', '2025-03-30T01:00:00Z'],
		['2025-06-01T09:00:00', 'Asia/Kolkata', '2025-06-01T03:30:00Z'],
	])('reads %s in %s as %s', (local, zone, utc) => {
		expect(toZohoDateTime(node, 0, 'startTime', local, zone)).toBe(utc);
	});

	it.each([
		['2025-03-30T02:30:00', 'Europe/Berlin', 'clocks jump from 02:00 to 03:00'],
		['2025-03-09T02:00:00', 'America/New_York', 'clocks jump from 02:00 to 03:00'],
		['2025-09-28T03:00:00', 'Pacific/Chatham', 'clocks jump from 02:45 to 03:45'],
		['2011-12-30T09:00:00', 'Pacific/Apia', 'clocks jump from 2011-12-30T00:00 to 2011-12-31T00:00'],
	])('refuses %s in %s, which the clocks skip, naming the zone and the jump', (local, zone, jump) => {
		const error = errorOf(() => toZohoDateTime(node, 2, 'startTime', local, zone));
		expect(error.message).toBe(`Start Time ${local} does not exist in ${zone}: ${jump}`);
		expect(error.description).toMatch(/^Use a time before /);
		expect(error.context.itemIndex).toBe(2);
	});

	it('is exact around every offset change of zones with odd rules, 2024 to 2026', () => {
		// Half-hour and 45-minute offsets, a half-hour change, the southern hemisphere,
		// Morocco's change for Ramadan, and a zone without changes; the full sweep of every
		// zone from 2020 to 2035 is in test/reliability/timezones.reliability.tsx.
		const zones = [
			'Europe/Berlin',
			'America/New_York',
			'Australia/Sydney',
			'Pacific/Auckland',
			'Australia/Lord_Howe',
			'Pacific/Chatham',
			'America/St_Johns',
			'America/Santiago',
			'Africa/Casablanca',
			'Asia/Kolkata',
		];
		const sweep = sweepZones(zones, 2024, 2026);
		expect(sweep.problems).toEqual([]);
		expect(sweep.transitions).toBeGreaterThan(50);
	});

	it('takes Date and Luxon-like values from expressions', () => {
		expect(toZohoDateTime(node, 0, 'startTime', new Date('2025-12-20T15:00:00Z'))).toBe('2025-12-20T15:00:00Z');
		expect(toZohoDateTime(node, 0, 'startTime', { toISO: () => '2025-12-20T16:00:00.000+01:00' })).toBe(
			'2025-12-20T15:00:00Z',
		);
	});

	it.each(['20/12/2025', 'tomorrow', '2025-13-01T00:00:00Z', '2025-02-30T10:00:00Z', '2025-12-20T24:00:00Z', '', 12345, null])(
		'refuses %j, naming the field',
		(value) => {
			const error = errorOf(() => toZohoDateTime(node, 1, 'startTime', value));
			expect(error.message).toMatch(/^Start Time/);
			expect(error.description).toMatch(/ISO 8601/);
			expect(error.context.itemIndex).toBe(1);
		},
	);
});

describe('assertEmail / assertInteger / assertTimezone', () => {
	it('accepts ordinary addresses and refuses malformed ones', () => {
		expect(assertEmail(node, 0, 'email', ' jane@example.com ')).toBe('jane@example.com');
		for (const bad of ['jane', 'jane@', '@example.com', 'jane@example', 'a b@example.com', 'jane@@example.com']) {
			expect(errorOf(() => assertEmail(node, 0, 'email', bad)).message).toMatch(/is not an email address/);
		}
	});

	it('accepts internationalized and punycode top-level domains', () => {
		for (const email of ['user@example.xn--p1ai', 'user@пример.рф', 'nutzer@bücher.de', 'user@example.भारत', 'JANE@EXAMPLE.COM']) {
			expect(assertEmail(node, 0, 'email', email)).toBe(email);
		}
		for (const bad of ['user@example.xn--', 'user@example.рф1', 'user@example.123', 'user@example.p', 'user@пример.р']) {
			expect(errorOf(() => assertEmail(node, 0, 'email', bad)).message).toMatch(/is not an email address/);
		}
	});

	it('reads whole numbers given as decimal text, and no other text', () => {
		for (const [text, number] of [[' 12 ', 12], ['12', 12], ['+12', 12], ['012', 12], ['12.0', 12], ['\t1440\n', 1440]] as const) {
			expect(assertInteger(node, 0, 'duration', text, 1, 1440)).toBe(number);
		}
		for (const bad of ['1e3', '0x10', '0b11', '0o7', '12abc', '', ' ', 'Infinity', '-Infinity', '1,000', '1_000', '12.5', '１２', '- 12', '.5']) {
			const error = errorOf(() => assertInteger(node, 0, 'duration', bad, 1, 1440));
			expect(error.message).toBe('Duration must be a whole number from 1 to 1440');
			expect(error.description).toContain(JSON.stringify(bad));
		}
	});

	it('reads true/false, 1/0 and their text as meant, and refuses anything else', () => {
		for (const value of [true, 1, 'true', ' TRUE ', 'True', '1', ' 1 ']) {
			expect(assertBoolean(node, 0, 'recordingEnabled', value)).toBe(true);
		}
		for (const value of [false, 0, 'false', 'FALSE', ' False\n', '0']) {
			expect(assertBoolean(node, 0, 'recordingEnabled', value)).toBe(false);
		}
		for (const bad of ['yes', 'no', 'on', 'off', '', ' ', 't', 'f', '2', 2, -1, 0.5, 'truee', 'null', null, {}, [], ['true']]) {
			const error = errorOf(() => assertBoolean(node, 4, 'recordingEnabled', bad));
			expect(error.message).toBe('Recording Enabled must be true or false');
			expect(error.description).toContain(JSON.stringify(bad));
			expect(error.context.itemIndex).toBe(4);
		}
	});

	it('counts text length in code points, so an emoji is one character', () => {
		const emoji = '📅'.repeat(200);
		expect(assertNonEmptyText(node, 0, 'topic', emoji, 200)).toBe(emoji);
		expect(errorOf(() => assertNonEmptyText(node, 0, 'topic', `${emoji}x`, 200)).message).toBe(
			'Topic is too long (201 characters)',
		);
	});

	it('keeps numbers within the range and says which range', () => {
		expect(assertInteger(node, 0, 'duration', 45, 1, 1440)).toBe(45);
		expect(assertInteger(node, 0, 'duration', '45', 1, 1440)).toBe(45);
		for (const bad of [0, -5, 1441, 2.5, 'forty', null, NaN]) {
			expect(errorOf(() => assertInteger(node, 0, 'duration', bad, 1, 1440)).message).toBe(
				'Duration must be a whole number from 1 to 1440',
			);
		}
	});

	it('accepts IANA zones only', () => {
		expect(assertTimezone(node, 0, 'timezone', 'America/New_York')).toBe('America/New_York');
		expect(assertTimezone(node, 0, 'timezone', 'UTC')).toBe('UTC');
		expect(errorOf(() => assertTimezone(node, 0, 'timezone', 'Mars/Olympus')).message).toMatch(
			/^Timezone "Mars\/Olympus" is not a known time zone/,
		);
	});
});
