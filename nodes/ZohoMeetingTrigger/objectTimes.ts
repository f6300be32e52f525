import type { IDataObject } from 'n8n-workflow';

/** An API time as epoch ms: ISO 8601 as the API writes it, or epoch seconds or ms. */
export function timeMs(value: unknown): number | undefined {
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value <= 0) return undefined;
		// Below 10^11 a number can only be seconds (10^11 ms is 1973, 10^11 s the year 5138).
		return value < 1e11 ? value * 1000 : value;
	}
	if (typeof value !== 'string' || value === '') return undefined;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : undefined;
}

/** A `Date` response header (RFC 9110: `Sun, 06 Nov 1994 08:49:37 GMT`) as epoch ms. */
export function headerTimeMs(value: string | undefined): number | undefined {
	const ms = value === undefined ? NaN : Date.parse(value);
	return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

export const isoTime = (ms: number) => new Date(ms).toISOString();

/** The object's ID as text, or undefined when it has none to deduplicate by. */
export function idOf(object: IDataObject, idField: string): string | undefined {
	const id = object[idField];
	if (typeof id === 'string' && id !== '') return id;
	if (typeof id === 'number' && Number.isFinite(id)) return String(id);
	return undefined;
}

/**
 * Whether the object's own times (`fields`, e.g. `created_time`, `modified_time`) show
 * that it changed after `instantMs`. A meeting is modified when it completes or is
 * cancelled (the sandbox models it so, sandbox/store.tsx), a recording is created when its
 * meeting ends, a registration carries `registered_time`, so most objects that became
 * eligible after the instant say so. A recording created earlier that finished processing
 * after it does not: it carries no time of becoming available (docs/trigger.md, "What it
 * cannot cover").
 */
export function changedAfter(object: IDataObject, instantMs: number, fields: readonly string[]): boolean {
	return latestTime(object, fields) > instantMs;
}

/** The latest of the object's times in `fields`, epoch ms; -Infinity when it has none. */
export function latestTime(object: IDataObject, fields: readonly string[]): number {
	return Math.max(-Infinity, ...fields.map((field) => timeMs(object[field]) ?? -Infinity));
}
