/** Response headers as n8n hands them over (axios lower-cases names; a proxy or a test may not). */
export type Headers = Record<string, unknown>;

/** One header as text, whatever the case of its name; the first value of a repeated header. */
export function headerOf(headers: Headers | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const first: unknown = Array.isArray(value) ? value[0] : value;
		return first === undefined || first === null ? undefined : String(first);
	}
	return undefined;
}

/**
 * The server's clock when it answered: its `Date` header (RFC 9110: `Sun, 06 Nov 1994
 * 08:49:37 GMT`) as epoch ms, or undefined when it sent none that reads as a time.
 */
export function answeredAt(headers: Headers | undefined): number | undefined {
	const value = headerOf(headers, 'date');
	const ms = value === undefined ? NaN : Date.parse(value);
	return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
