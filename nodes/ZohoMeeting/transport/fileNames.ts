import { headerOf, type Headers } from './headers';

const MAX_FILE_NAME_LENGTH = 200;

/**
 * A file name that cannot climb out of a folder or break a file system: path separators
 * and control characters become `_`, leading dots go, and the name is kept to 200
 * characters (the extension kept). Names come from servers and from API fields, which
 * a hostile or broken server controls.
 */
export function safeFileName(name: string, fallback: string): string {
	let cleaned = [...name]
		.map((char) => (char === '/' || char === '\\' || (char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f' ? '_' : char))
		.join('')
		.trim()
		.replace(/^\.+/, '');
	if (cleaned.length > MAX_FILE_NAME_LENGTH) {
		const extension = /\.[A-Za-z0-9]{1,8}$/.exec(cleaned)?.[0] ?? '';
		cleaned = cleaned.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
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
