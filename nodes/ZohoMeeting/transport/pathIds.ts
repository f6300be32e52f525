import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Checks of values before any request is sent. Each failure names the field as the user
 * sees it in the editor and says how to fix it; the parameter parsing of the actions
 * (actions/shared/parameters.ts, dates.ts) reports its failures the same way.
 */

/** `meetingKey` → `Meeting Key`, `recordingId` → `Recording ID`. */
export function fieldLabel(name: string): string {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/^./, (c) => c.toUpperCase())
		.replace(/\bId\b/, 'ID');
}

export function fail(node: INode, itemIndex: number, message: string, description: string): never {
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

export function truncate(text: string, max = 60): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
