/**
 * Where a download may be redirected to. A file host is another origin and gets no
 * token, but a hostile or broken server could still point n8n at something only n8n
 * can reach (its own loopback, a cloud metadata address, the private network). Judged
 * by the literal address and `localhost` only: community nodes may not import Node's
 * `dns` module, so a host name is not resolved here (n8n's own SSRF protection, where an
 * admin turns it on, also checks resolved addresses).
 */

export type AddressClass = 'public' | 'loopback' | 'link-local' | 'private';

function ipv4Class(host: string): AddressClass | undefined {
	const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	if (!match) return undefined;
	const [a, b] = [Number(match[1]), Number(match[2])];
	if (a === 127 || a === 0) return 'loopback';
	if (a === 169 && b === 254) return 'link-local';
	if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) {
		return 'private';
	}
	return 'public';
}

function ipv6Class(host: string): AddressClass | undefined {
	if (!host.includes(':')) return undefined;
	const address = host.toLowerCase();
	// The URL parser writes an IPv4-mapped address as ::ffff:7f00:1.
	const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
	if (mapped) {
		const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
		return ipv4Class(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
	}
	if (address === '::1' || address === '::') return 'loopback';
	if (/^fe[89ab][0-9a-f]:/.test(address)) return 'link-local';
	if (/^f[cd][0-9a-f]{2}:/.test(address)) return 'private';
	return 'public';
}

/** The class of a URL's host; the URL parser has already normalised 2130706433 or 0x7f.1 to 127.0.0.1. */
export function addressClassOf(url: URL): AddressClass {
	const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
	return ipv4Class(host) ?? ipv6Class(host) ?? 'public';
}
