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
