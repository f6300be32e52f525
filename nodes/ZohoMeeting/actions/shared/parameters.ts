import type { INode } from 'n8n-workflow';

import { fail, fieldLabel, truncate } from '../../transport/pathIds';

/**
 * Deliberately simple: one "@", no spaces, a dot in the domain, as Zoho checks. Each
 * side is a run of dot-separated parts, so a dot may not lead, trail or double
 * (`.jane@`, `jane.@`, `ja..ne@`, `@example..com`), which mail servers refuse. The last
 * part is a top-level domain: letters of any script (`.com`, `.рф`, `.भारत`) or its
 * punycode form (`.xn--p1ai`); digits alone (`@example.123`) are an IP address typo.
 */
const EMAIL =
	/^[^\s@"(),:;<>[\]\\.]+(?:\.[^\s@"(),:;<>[\]\\.]+)*@(?:[^\s@"(),:;<>[\]\\.]+\.)+(?:xn--[a-z0-9-]+|\p{L}[\p{L}\p{M}]+)$/iu;

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

const show = (value: unknown) => truncate(JSON.stringify(value) ?? String(value));

/**
 * Numbers written as text, as spreadsheets and webhooks deliver them: decimal digits with
 * an optional sign and fraction, spaces around them ignored (" 12 ", "+12", "12.0").
 * JavaScript's Number() would also take "1e3", "0x10", "0b11", "Infinity" and read ""
 * as 0; none of those is how a person writes a duration or a limit, so they are refused.
 */
const DECIMAL_TEXT = /^[+-]?\d+(?:\.\d+)?$/;

/** The one reading of a whole-number parameter: a number, or decimal text; within min..max. */
export function assertInteger(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	min: number,
	max: number,
): number {
	const text = typeof value === 'string' ? value.trim() : undefined;
	const number = text !== undefined ? (DECIMAL_TEXT.test(text) ? Number(text) : NaN) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		fail(
			node,
			itemIndex,
			`${fieldLabel(field)} must be a whole number from ${min} to ${max}`,
			`It is ${show(value)}; enter a whole number from ${min} to ${max} (digits only, such as 30).`,
		);
	}
	return number;
}

const TRUE_TEXT: readonly string[] = ['true', '1'];
const FALSE_TEXT: readonly string[] = ['false', '0'];

/**
 * The one reading of a yes/no parameter. An expression fed by a spreadsheet or a webhook
 * yields text, and `Boolean("false")` is true: true/false, 1/0 and
 * their text (any case, spaces ignored) are read as meant, anything else is refused.
 */
export function assertBoolean(node: INode, itemIndex: number, field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text !== undefined && TRUE_TEXT.includes(text)) return true;
	if (text !== undefined && FALSE_TEXT.includes(text)) return false;
	fail(
		node,
		itemIndex,
		`${fieldLabel(field)} must be true or false`,
		`It is ${show(value)}; use true or false (1 and 0, and the same as text, also work).`,
	);
}

/**
 * Lengths count characters as Unicode code points, so an emoji or a CJK character outside
 * the Basic Multilingual Plane counts once (UTF-16 `length` counts it twice). A character
 * built from several code points (a flag, a family emoji) still counts as each of them.
 */
function characterCount(text: string): number {
	return Array.from(text).length;
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
	const length = characterCount(value);
	if (length > maxLength) {
		fail(
			node,
			itemIndex,
			`${label} is too long (${length} characters)`,
			`Shorten the ${label} to at most ${maxLength} characters.`,
		);
	}
	return value;
}
