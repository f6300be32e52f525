import { headerOf, type Headers } from './headers';

const MAX_FILE_NAME_LENGTH = 200;

/**
 * What a file name may not hold: path separators; control characters, C1 ones included
 * (U+0085 is a line break to some systems); the bidirectional overrides and isolates that
 * make `clip\u202E4pm.exe` display as `clipexe.mp4`; and halves of a UTF-16 surrogate pair,
 * which no file system can encode.
 */
const UNSAFE_CHARACTERS = /[/\\\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/gu;

/** The first `length` UTF-16 units of `text`, one fewer if that would split a surrogate pair. */
function cut(text: string, length: number): string {
	const kept = text.slice(0, length);
	return /[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept;
}

/**
 * A file name that cannot climb out of a folder or break a file system: unsafe characters
 * become `_`, leading dots and spaces go, and the name is kept to 200 characters (the
 * extension kept). Names come from servers and from API fields, which a hostile or broken
 * server controls.
 */
export function safeFileName(name: string, fallback: string): string {
	let cleaned = name.replace(UNSAFE_CHARACTERS, '_').trim().replace(/^[.\s]+/, '');
	if (cleaned.length > MAX_FILE_NAME_LENGTH) {
		const extension = /\.[A-Za-z0-9]{1,8}$/.exec(cleaned)?.[0] ?? '';
		cleaned = cut(cleaned, MAX_FILE_NAME_LENGTH - extension.length) + extension;
	}
	return cleaned === '' || cleaned === fallback ? fallback : cleaned;
}

function decodeExtended(value: string): string | undefined {
	// RFC 5987: charset'language'percent-encoded; only UTF-8 and ASCII are read.
	const match = /^(?:UTF-8|US-ASCII)?'[^']*'(.*)$/i.exec(value.trim().replace(/^"|"$/g, ''));
	const encoded = match ? match[1] : value.trim();
	try {
		return decodeURIComponent(encoded);
	} catch {
		return undefined;
	}
}

/** The file name a Content-Disposition header gives (`filename*` first), or undefined. */
export function fileNameFromHeaders(headers: Headers): string | undefined {
	const disposition = headerOf(headers, 'content-disposition');
	if (!disposition) return undefined;
	const extended = /filename\*\s*=\s*([^;]+)/i.exec(disposition);
	const decoded = extended ? decodeExtended(extended[1]) : undefined;
	if (decoded) return decoded;
	// A malformed `filename*` falls back to the plain `filename`, as browsers do.
	return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
}
