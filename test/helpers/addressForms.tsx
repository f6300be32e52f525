/**
 * The many ways to write one address in a URL. A hostile server that wants n8n to fetch
 * from its own network picks the form a filter forgets: WHATWG URL parsing (which the node
 * and n8n's HTTP client share) turns decimal, hex, octal, short, percent-encoded and
 * IPv4-mapped forms into the same host, and so must the node's judgement of it.
 */

export type Octets = readonly [number, number, number, number];

const hex = (value: number) => value.toString(16);

/** Host forms of one IPv4 address, each as it would stand in a URL. */
export function ipv4HostForms([a, b, c, d]: Octets): string[] {
	const number = a * 2 ** 24 + b * 2 ** 16 + c * 2 ** 8 + d;
	const dotted = `${a}.${b}.${c}.${d}`;
	return [
		dotted,
		`${dotted}.`,
		String(number),
		`0x${hex(number)}`,
		`0X${hex(number).toUpperCase()}`,
		[a, b, c, d].map((octet) => `0x${hex(octet)}`).join('.'),
		[a, b, c, d].map((octet) => `0${octet.toString(8)}`).join('.'),
		`0${number.toString(8)}`,
		`${a}.${b * 2 ** 16 + c * 2 ** 8 + d}`,
		`${a}.${b}.${c * 2 ** 8 + d}`,
		`0x${hex(a)}.${b}.0${c.toString(8)}.${d}`,
		[...dotted].map((char) => `%${hex(char.charCodeAt(0))}`).join(''),
		`[::ffff:${dotted}]`,
		`[::ffff:${hex(a * 256 + b)}:${hex(c * 256 + d)}]`,
		`[0:0:0:0:0:FFFF:${dotted}]`,
	];
}

/** Host forms of one IPv6 address given as eight 16-bit groups. */
export function ipv6HostForms(groups: readonly number[]): string[] {
	const full = groups.map(hex);
	const padded = groups.map((group) => hex(group).padStart(4, '0'));
	const forms = [`[${full.join(':')}]`, `[${padded.join(':').toUpperCase()}]`];
	// The longest run of zero groups written as '::'.
	const zeros = full.map((group) => group === '0');
	let [start, length] = [-1, 0];
	for (let i = 0; i < zeros.length; i++) {
		let run = 0;
		while (zeros[i + run]) run++;
		if (run > length) [start, length] = [i, run];
	}
	if (length > 1) forms.push(`[${full.slice(0, start).join(':')}::${full.slice(start + length).join(':')}]`);
	return forms;
}

/** Host forms of `localhost`. */
export const LOCALHOST_FORMS = ['localhost', 'LOCALHOST', 'LocalHost', 'localhost.', 'app.localhost', 'a.b.localhost.'];
