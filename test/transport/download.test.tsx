import { Readable, Writable } from 'node:stream';

import type { IBinaryData, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { ZohoClient } from '../../nodes/ZohoMeeting/transport';
import { addressClassOf } from '../../nodes/ZohoMeeting/transport/addresses';
import { fileNameFromHeaders, safeFileName } from '../../nodes/ZohoMeeting/transport/fileNames';
import { ipv4HostForms, ipv6HostForms, LOCALHOST_FORMS, type Octets } from '../helpers/addressForms';

/**
 * Where a download may be redirected: the API answers 302 to a file host, and these
 * tests decide the file host. The API here is public (https://meeting.zoho.test), as for
 * a real Zoho account, so redirects into n8n's own network are refused.
 */
function redirectedTo(location: string, apiUrl = 'https://meeting.zoho.test', hops: Record<string, string> = {}) {
	const fetched: string[] = [];
	const ctx = {
		getNode: () => ({ name: 'Zoho Meeting', type: 'zohoMeeting', credentials: { zohoMeetingOAuth2Api: { id: 'dl' } } }),
		getCredentials: async () => ({ dataCenter: 'custom', apiUrl, accountsUrl: apiUrl, api: 'v2' }),
		helpers: {
			httpRequestWithAuthentication: async () => {
				throw Object.assign(new Error('Request failed with status code 302'), {
					response: { status: 302, headers: { location }, data: undefined },
				});
			},
			httpRequest: async (options: IHttpRequestOptions) => {
				fetched.push(options.url);
				if (hops[options.url]) {
					throw Object.assign(new Error('Request failed with status code 302'), {
						response: { status: 302, headers: { location: hops[options.url] }, data: undefined },
					});
				}
				return { statusCode: 200, headers: { 'content-type': 'video/mp4' }, body: Readable.from([Buffer.from('file')]) };
			},
			prepareBinaryData: async (body: Readable): Promise<IBinaryData> => {
				for await (const chunk of body) void chunk;
				return { data: '', mimeType: 'video/mp4', fileName: 'f.mp4' };
			},
		},
	} as unknown as IExecuteFunctions;
	const download = new ZohoClient(ctx).download(
		{ method: 'GET', path: '/recordings/{id}/download', pathParams: { id: 'REC_1' } },
		{ fileName: 'REC_1.mp4', mimeType: 'video/mp4' },
	);
	return { download, fetched };
}

describe('download redirects', () => {
	it.each([
		['http://127.0.0.1:8080/file.mp4', /a loopback address/],
		['http://localhost/file.mp4', /a loopback address/],
		['http://2130706433/file.mp4', /a loopback address/],
		['http://[::1]/file.mp4', /a loopback address/],
		['http://169.254.169.254/latest/meta-data/', /a link-local address/],
		['http://[fe80::1]/file.mp4', /a link-local address/],
		['https://10.1.2.3/file.mp4', /a private address/],
		['https://192.168.0.10/file.mp4', /a private address/],
		['https://172.20.0.1/file.mp4', /a private address/],
		['http://[::ffff:127.0.0.1]/file.mp4', /a loopback address/],
		['http://files.zoho.test/file.mp4', /without https/],
		['ftp://files.zoho.test/file.mp4', /which is not a web address/],
	])('refuses %s from a public API, fetching nothing', async (location, message) => {
		const { download, fetched } = redirectedTo(location);
		await expect(download).rejects.toThrow(message);
		expect(fetched).toEqual([]);
	});

	it('follows a public https file host without the token', async () => {
		const { download, fetched } = redirectedTo('https://files.zoho.test/signed/abc');
		await expect(download).resolves.toBeDefined();
		expect(fetched).toEqual(['https://files.zoho.test/signed/abc']);
	});

	it('lets an API on this machine (the sandbox, a Custom URL) redirect to another local port', async () => {
		const { download, fetched } = redirectedTo('http://127.0.0.1:4011/recordings/REC_1', 'http://127.0.0.1:4010');
		await expect(download).resolves.toBeDefined();
		expect(fetched).toEqual(['http://127.0.0.1:4011/recordings/REC_1']);
	});
});

describe('download redirects from a public API, generated', () => {
	const nonPublic: Array<[string, string[]]> = [
		['loopback', [...ipv4HostForms([127, 0, 0, 1]), ...ipv4HostForms([127, 53, 0, 9]), ...ipv4HostForms([0, 0, 0, 0]), ...ipv6HostForms([0, 0, 0, 0, 0, 0, 0, 1]), ...LOCALHOST_FORMS]],
		['link-local', [...ipv4HostForms([169, 254, 169, 254]), ...ipv4HostForms([169, 254, 1, 2]), ...ipv6HostForms([0xfe80, 0, 0, 0, 0, 0, 0, 1]), ...ipv6HostForms([0xfebf, 0xffff, 0, 0, 0, 0, 0, 0xa])]],
		['private', [10, 172, 192, 100].flatMap((first): string[] => ipv4HostForms(privateIn(first))).concat(ipv6HostForms([0xfd00, 0xabcd, 0, 0, 0, 0, 0, 1]), ipv6HostForms([0xfc00, 0, 0, 0, 0, 0, 0, 1]))],
	];
	const cases = nonPublic.flatMap(([kind, hosts]) => hosts.flatMap((host) => ['http', 'https'].map((scheme) => [`${scheme}://${host}/file.mp4`, kind])));

	it.each(cases)('refuses %s (a %s address), fetching nothing', async (location, kind) => {
		const { download, fetched } = redirectedTo(location);
		await expect(download).rejects.toThrow(`, a ${kind} address`);
		expect(fetched).toEqual([]);
	});

	const publicHosts = [...ipv4HostForms([8, 8, 4, 4]), ...ipv4HostForms([203, 0, 113, 7]), ...ipv6HostForms([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x42]), 'files.zoho.test', 'FILES.ZOHO.TEST.'];

	it.each(publicHosts)('follows https://%s/ without the token, and refuses it over plain http', async (host) => {
		const allowed = redirectedTo(`https://${host}/file.mp4`);
		await expect(allowed.download).resolves.toBeDefined();
		expect(allowed.fetched).toEqual([new URL(`https://${host}/file.mp4`).href]);

		const downgraded = redirectedTo(`http://${host}/file.mp4`);
		await expect(downgraded.download).rejects.toThrow(/without https$/);
		expect(downgraded.fetched).toEqual([]);
	});

	it.each(cases.filter(([location, kind]) => kind === 'private' && location.startsWith('https:')))('lets an API on a private address (Custom URL) redirect to %s', async (location) => {
		const { download, fetched } = redirectedTo(location, 'https://10.20.30.40');
		await expect(download).resolves.toBeDefined();
		expect(fetched).toHaveLength(1);
	});

	it.each([1, 2, 3, 4])('judges every hop of a chain: %i https hops, then plain http or a private host, is refused there', async (length) => {
		const hop = (n: number) => `https://cdn${n}.zoho.test/file.mp4`;
		for (const last of ['http://cdn-plain.zoho.test/file.mp4', 'https://192.168.1.20/file.mp4', 'https://[::ffff:169.254.169.254]/']) {
			const hops = Object.fromEntries(Array.from({ length }, (_, n) => [hop(n), n + 1 < length ? hop(n + 1) : last]));
			const { download, fetched } = redirectedTo(hop(0), 'https://meeting.zoho.test', hops);
			await expect(download).rejects.toThrow(/without https$|a private address$|a link-local address$/);
			expect(fetched).toEqual(Array.from({ length }, (_, n) => hop(n)));
		}
	});
});

/** An address in the private range that starts with `first` (10/8, 172.16/12, 192.168/16, 100.64/10). */
function privateIn(first: number): Octets {
	const second = { 10: 77, 172: 31, 192: 168, 100: 100 }[first] ?? 0;
	return [first, second, 3, 4];
}

describe('address classes', () => {
	it.each([
		['https://meeting.zoho.com', 'public'],
		['http://0x7f.1/', 'loopback'],
		['http://0177.0.0.1/', 'loopback'],
		['http://app.localhost/', 'loopback'],
		['http://100.64.0.1/', 'private'],
		['http://[fd00::1]/', 'private'],
		['http://8.8.8.8/', 'public'],
	])('%s is %s', (url, expected) => {
		expect(addressClassOf(new URL(url))).toBe(expected);
	});
});

describe('file names from servers', () => {
	it.each([
		['attachment; filename="../../etc/passwd"', '_.._etc_passwd'],
		['attachment; filename="a\\b.mp4"', 'a_b.mp4'],
		["attachment; filename*=UTF-8''%E0%A4%A; filename=\"plain.mp4\"", 'plain.mp4'],
		["attachment; filename*=UTF-8''%E0%A4%A", 'fallback.mp4'],
		["attachment; filename*=UTF-8''Sitzung%20%C3%BCber.mp4", 'Sitzung über.mp4'],
		['attachment; filename="tab\there.mp4"', 'tab_here.mp4'],
		['attachment; filename="..."', 'fallback.mp4'],
	])('%s gives %s', (disposition, expected) => {
		const name = fileNameFromHeaders({ 'content-disposition': disposition });
		expect(safeFileName(name ?? 'fallback.mp4', 'fallback.mp4')).toBe(expected);
	});

	it.each([
		['a C1 control character', 'rec\u0085ording.mp4', 'rec_ording.mp4'],
		['a right-to-left override', 'clip\u202E4pm.exe', 'clip_4pm.exe'],
		['a lone surrogate', 'a\uD800b.mp4', 'a_b.mp4'],
		['leading dots and spaces', ' . .hidden.mp4', 'hidden.mp4'],
	])('replaces %s', (_, name, expected) => {
		expect(safeFileName(name, 'fallback.mp4')).toBe(expected);
	});

	it('never splits an emoji when it shortens a name', () => {
		const name = safeFileName(`x${'🎬'.repeat(150)}`, 'f.mp4');
		expect(name.length).toBeLessThanOrEqual(200);
		expect(name).not.toMatch(/\p{Cs}/u);
	});

	it('gives a safe name for 5,000 random names drawn from hostile characters', () => {
		const pool = ['/', '\\', '.', ' ', '\t', '\u0000', '\u001f', '\u007f', '\u0085', '\u202e', '\u2066', '\uD83C', '\uDFAC', '🎬', 'é', 'a', 'Z', '9', '-', '.mp4'];
		let state = 7;
		const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const unsafe: string[] = [];
		for (let i = 0; i < 5000; i++) {
			const name = Array.from({ length: Math.floor(next() * 400) }, () => pool[Math.floor(next() * pool.length)]).join('');
			const safe = safeFileName(name, 'fallback.mp4');
			if (/^\.|[/\\\p{Cc}\p{Cs}\u202a-\u202e\u2066-\u2069]/u.test(safe) || safe.length === 0 || safe.length > 200) unsafe.push(safe);
		}
		expect(unsafe).toEqual([]);
	});

	it('keeps a long name to 200 characters with its extension', () => {
		const name = safeFileName(`${'x'.repeat(300)}.mp4`, 'f.mp4');
		expect(name).toHaveLength(200);
		expect(name.endsWith('.mp4')).toBe(true);
	});
});

/**
 * n8n's binary data store reads a download's stream as its version does: n8n 1.85 with
 * pipe(), n8n 1.1xx with a bare `data` listener (which does not resume a paused stream),
 * n8n 2.x by async iteration. Every byte must arrive whichever it is, also when the body
 * arrives in pieces after the reader is attached, as from a socket.
 */
describe("a download read by each of n8n's binary data readers", () => {
	const CHUNKS = ['first ', 'second ', 'third'];

	/** A body that delivers its chunks one by one on later timer ticks, as a socket does. */
	function socketLikeBody(): Readable {
		let next = 0;
		return new Readable({
			read() {
				setTimeout(() => this.push(next < CHUNKS.length ? Buffer.from(CHUNKS[next++]) : null), 5);
			},
		});
	}

	const readers: Record<string, (body: Readable) => Promise<Buffer>> = {
		'pipe() (n8n 1.85)': async (body) =>
			await new Promise((resolve, reject) => {
				const chunks: Buffer[] = [];
				const sink = new Writable({
					write(chunk: Buffer, _encoding, done) {
						chunks.push(chunk);
						done();
					},
				});
				sink.on('finish', () => resolve(Buffer.concat(chunks)));
				body.once('error', reject).pipe(sink);
			}),
		"a 'data' listener (n8n 1.1xx)": async (body) =>
			await new Promise((resolve, reject) => {
				const chunks: Buffer[] = [];
				body.on('data', (chunk: Buffer) => chunks.push(chunk));
				body.on('end', () => resolve(Buffer.concat(chunks)));
				body.once('error', reject);
			}),
		'async iteration (n8n 2.x)': async (body) => {
			const chunks: Buffer[] = [];
			for await (const chunk of body) chunks.push(chunk as Buffer);
			return Buffer.concat(chunks);
		},
	};

	it.each(Object.entries(readers))('receives every byte when n8n reads with %s', async (_name, read) => {
		let stored = '';
		const ctx = {
			getNode: () => ({ name: 'Zoho Meeting', type: 'zohoMeeting', credentials: { zohoMeetingOAuth2Api: { id: 'readers' } } }),
			getCredentials: async () => ({ dataCenter: 'custom', apiUrl: 'https://meeting.zoho.test', accountsUrl: 'https://meeting.zoho.test', api: 'v2' }),
			helpers: {
				httpRequestWithAuthentication: async () => ({ statusCode: 200, headers: { 'content-type': 'video/mp4' }, body: socketLikeBody() }),
				prepareBinaryData: async (body: Readable): Promise<IBinaryData> => {
					// An await first, as n8n's store does before it reads (a folder, a file type).
					await new Promise((resolve) => setTimeout(resolve, 20));
					stored = (await read(body)).toString();
					return { data: '', mimeType: 'video/mp4', fileName: 'f.mp4' };
				},
			},
		} as unknown as IExecuteFunctions;
		const download = new ZohoClient(ctx).download(
			{ method: 'GET', path: '/recordings/{id}/download', pathParams: { id: 'REC_1' } },
			{ fileName: 'REC_1.mp4', mimeType: 'video/mp4' },
		);
		const tooLong = new Promise((_, reject) => setTimeout(() => reject(new Error('the download never finished')), 5_000).unref());
		await Promise.race([download, tooLong]);
		expect(stored).toBe(CHUNKS.join(''));
	});
});
