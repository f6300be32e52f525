import { Readable } from 'node:stream';

import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { ZohoClient } from '../../nodes/ZohoMeeting/transport/client';
import { readBinary } from '../harness';
import { ipv4HostForms, ipv6HostForms, LOCALHOST_FORMS, type Octets } from '../helpers/addressForms';
import { useForeignServer } from '../helpers/foreignServer';
import { locator } from '../helpers/sandboxWorkflow';
import { count } from './ledger';
import { itemOf, OPERATIONS, outcomeOf, outputOf, seeded } from './hostile';
import { useReliabilitySandbox } from './session';

/**
 * Redirects a hostile or misconfigured server answers with, generated: every status
 * (301, 302, 303, 307, 308) on every HTTP method the node uses, to other ports, other
 * names of this machine, https/http, relative and protocol-relative Locations, non-web
 * schemes, empty and unparsable ones. An API call follows none of them: nothing reaches
 * the foreign server and the error names where it pointed. A recording download follows
 * web redirects without the token (the API here is the sandbox on loopback, so loopback,
 * private and link-local file hosts are allowed; a public API refusing them is generated in
 * test/transport/download.test.tsx) and refuses non-web schemes, endless chains and loops.
 */
const zoho = useReliabilitySandbox();
/** On '::', so that the IPv6 and IPv4-mapped ways of writing loopback reach it too. */
const foreign = useForeignServer('::');

const STATUSES = [301, 302, 303, 307, 308] as const;

const port = (url: string) => new URL(url).port;

interface ApiTarget {
	/** The Location header; undefined for none at all. */
	location?: string;
	/** How the error must name the target. */
	names: string;
}

/** Locations an API call may be redirected to, each with how the error names it. */
function apiTargets(): ApiTarget[] {
	const sandbox = new URL(zoho.sandbox.url);
	const [sp, fp] = [sandbox.port, port(foreign.url)];
	const self = sandbox.origin;
	return [
		{ location: `${foreign.url}/steal`, names: `http://localhost:${fp}` },
		{ location: `http://127.0.0.1:${fp}/steal`, names: `http://127.0.0.1:${fp}` },
		{ location: `http://[::1]:${fp}/steal`, names: `http://[::1]:${fp}` },
		{ location: `http://[::ffff:127.0.0.1]:${fp}/steal`, names: `http://[::ffff:7f00:1]:${fp}` },
		{ location: `http://2130706433:${fp}/steal`, names: `http://127.0.0.1:${fp}` },
		{ location: `HTTP://LOCALHOST:${fp}/steal`, names: `http://localhost:${fp}` },
		{ location: `http://user:secret@localhost:${fp}/steal`, names: `http://localhost:${fp}` },
		// The sandbox itself under another name, or over https: another origin all the same.
		{ location: `http://localhost:${sp}/api/v2/meetings`, names: `http://localhost:${sp}` },
		{ location: `https://127.0.0.1:${sp}/api/v2/meetings`, names: `https://127.0.0.1:${sp}` },
		{ location: `//localhost:${fp}/steal`, names: `http://localhost:${fp}` },
		{ location: `\t//127.0.0.1:${fp}/steal `, names: `http://127.0.0.1:${fp}` },
		// Relative Locations stay on the API's origin, and are still not followed.
		{ location: '/api/v2/meetings/1', names: self },
		{ location: '../../steal?x=1', names: self },
		{ location: '?page=2', names: self },
		{ location: 'http://169.254.169.254/latest/meta-data/', names: 'http://169.254.169.254' },
		{ location: 'https://accounts.zoho.com/oauth/v2/token', names: 'https://accounts.zoho.com' },
		{ location: `ftp://localhost:${fp}/steal`, names: `ftp://localhost:${fp}` },
		{ location: `ws://localhost:${fp}/steal`, names: `ws://localhost:${fp}` },
		{ location: 'javascript:alert(document.cookie)', names: 'a javascript: address' },
		{ location: 'file:///etc/passwd', names: 'a file: address' },
		{ location: 'data:text/html,<script>alert(1)</script>', names: 'a data: address' },
		{ location: 'mailto:someone@example.com', names: 'a mailto: address' },
		{ location: '', names: 'no address' },
		{ location: '   ', names: 'no address' },
		{ location: undefined, names: 'no address' },
		{ location: `http://[::1:${fp}/steal`, names: 'an unreadable address' },
		{ location: 'http://exa mple.com/steal', names: 'an unreadable address' },
		{ location: 'http://%zz/steal', names: 'an unreadable address' },
		{ location: 'http://1.2.3.4.5/steal', names: 'an unreadable address' },
	];
}

/** The first operation of each method gets every status with every target; the others every target with one status. */
function redirectCases(operation: (typeof OPERATIONS)[number], targets: ApiTarget[]) {
	const exhaustive = OPERATIONS.find((candidate) => candidate.method === operation.method) === operation;
	const offset = OPERATIONS.indexOf(operation);
	return exhaustive
		? STATUSES.flatMap((status) => targets.map((target) => ({ status, ...target })))
		: targets.map((target, index) => ({ status: STATUSES[(index + offset) % STATUSES.length], ...target }));
}

const redirectError = (status: number, names: string) =>
	`Zoho Meeting redirected the request to ${names} (HTTP ${status}); it was not followed`;

describe('API calls answered with a redirect', () => {
	it.each(OPERATIONS.map((operation) => [operation.name, operation.method, operation] as const))(
		'%s (%s): no redirect is followed, for any status or target; the error names the target',
		async (_name, method, operation) => {
			const cases = redirectCases(operation, apiTargets());
			await Promise.all(
				cases.map(async ({ status, location }) => {
					const headers: Record<string, string> = location === undefined ? {} : { Location: location };
					await zoho.admin.injectFault({ method, path: operation.path, fault: { type: 'status', status, headers } });
				}),
			);

			// Items run in parallel, so the i-th fault may meet any item: each expected error must
			// turn up exactly once among them.
			const result = await zoho.runZoho(operation.parameters, { items: cases.map(() => ({})), continueOnFail: true });

			const expected = cases.map(({ status, names }) => redirectError(status, names));
			const problems: string[] = [];
			for (const item of outputOf(result)) {
				const error = item.error as { message?: string; description?: string } | undefined;
				const at = expected.indexOf(error?.message ?? '');
				const names = /redirected the request to (.*) \(HTTP/.exec(error?.message ?? '')?.[1];
				if (at === -1 || !error?.description?.includes(`nothing was sent to ${names}`)) problems.push(outcomeOf(item));
				else {
					expected.splice(at, 1);
					count('redirectCases');
				}
			}
			expect(problems).toEqual([]);
			expect(expected).toEqual([]);
			const sent = await zoho.admin.requests('api');
			expect(sent.filter((request) => request.method === method)).toHaveLength(cases.length);
			expect(sent).toHaveLength(cases.length);
			expect(foreign.requests).toEqual([]);
		},
	);
});

const FILE_BYTES = 1000;
const fileBytes = (name: string) => Buffer.alloc(FILE_BYTES, name);

/** What a download redirected to a target must end in. */
type Expected = { file: 'foreign' | 'elsewhere' } | { refused: RegExp };

interface DownloadTarget {
	label: string;
	/** The Location of the API's answer; undefined for none. */
	location?: string;
	expected: Expected;
}

/** The foreign server's answers: a file at /file/<name>, and hops of redirect chains at /hop/<chain>/<n>. */
function serveFilesAndChains(chains: Map<string, string[]>) {
	foreign.answerWith((request, response) => {
		const [, kind, name, hop] = (request.url ?? '').split('?')[0].split('/');
		if (kind === 'file') {
			response.writeHead(200, {
				'Content-Type': 'video/mp4',
				'Content-Length': String(FILE_BYTES),
				'Content-Disposition': `attachment; filename="${name}.mp4"`,
			});
			response.end(fileBytes(name));
			return;
		}
		const next = kind === 'hop' ? chains.get(name)?.[Number(hop)] : undefined;
		if (next === undefined) {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(seeded(Number(hop) + name.length).pick(STATUSES), { Location: next }).end();
	});
}

/**
 * A file host that is not on this machine gets no real request from the test: the
 * transport's last step, sending, is answered here with a small file instead. The node's
 * judgement of the target happens before that step, which is what these cases look at.
 */
function answerElsewhere(foreignPort: string): string[] {
	const fetched: string[] = [];
	const send = ZohoClient.prototype.send;
	jest
		.spyOn(ZohoClient.prototype, 'send')
		.mockImplementation(async function (this: ZohoClient, options: IHttpRequestOptions, signal, authenticated) {
			const url = new URL(options.url);
			const local = url.port === foreignPort && ['127.0.0.1', 'localhost', '[::1]', '[::ffff:7f00:1]'].includes(url.hostname);
			if (authenticated || local) return await send.call(this, options, signal, authenticated);
			fetched.push(url.href);
			const name = `elsewhere-${fetched.length}`;
			return {
				statusCode: 200,
				headers: { 'content-type': 'video/mp4', 'content-length': String(FILE_BYTES), 'content-disposition': `attachment; filename="${name}.mp4"` },
				body: Readable.from([fileBytes(name)]),
			};
		});
	return fetched;
}

/** Every form of every address class, as the target of a download from the sandbox (a loopback API). */
function addressTargets(): DownloadTarget[] {
	const fp = port(foreign.url);
	const local = (host: string) => ({ label: host, location: `http://${host}:${fp}/file/${encodeURIComponent(host)}`, expected: { file: 'foreign' } as const });
	const elsewhere = (host: string, scheme = 'http') => ({ label: host, location: `${scheme}://${host}/file/x`, expected: { file: 'elsewhere' } as const });
	const random = seeded(10);
	const sample = (first: number, second: [number, number]): Octets => [first, random.int(...second), random.int(0, 255), random.int(1, 254)];
	const ipv4: Octets[] = [
		[169, 254, 169, 254],
		sample(169, [254, 254]),
		sample(10, [0, 255]),
		sample(172, [16, 31]),
		sample(192, [168, 168]),
		sample(100, [64, 127]),
		[0, 0, 0, 0],
		sample(127, [0, 255]),
		[8, 8, 8, 8],
		sample(93, [0, 255]),
	];
	const group = () => random.int(0, 0xffff);
	const ipv6 = [
		[0xfe80, 0, 0, 0, 0, 0, 0, 1],
		[random.int(0xfe80, 0xfebf), 0, 0, 0, group(), group(), group(), group()],
		[0xfc00, 0, 0, 0, 0, 0, 0, 1],
		[random.int(0xfd00, 0xfdff), group(), 0, 0, 0, 0, 0, group()],
		[0x2001, 0xdb8, 0, 0, 0, 0, 0, group()],
		[0, 0, 0, 0, 0, 0, 0, 0],
	];
	return [
		...ipv4HostForms([127, 0, 0, 1]).map(local),
		...ipv6HostForms([0, 0, 0, 0, 0, 0, 0, 1]).map(local),
		...LOCALHOST_FORMS.filter((host) => !host.includes('.')).map(local),
		{ label: 'protocol-relative', location: `//localhost:${fp}/file/relative`, expected: { file: 'foreign' } },
		...ipv4.flatMap((octets) => ipv4HostForms(octets).map((host) => elsewhere(host))),
		...ipv6.flatMap((groups) => ipv6HostForms(groups).map((host) => elsewhere(host))),
		...LOCALHOST_FORMS.filter((host) => host.includes('.')).map((host) => elsewhere(host)),
		elsewhere('files.zoho.test', 'https'),
		elsewhere('files.zoho.test:8443', 'https'),
	];
}

/** Non-web schemes, and Locations that point nowhere. */
function refusedTargets(): DownloadTarget[] {
	const fp = port(foreign.url);
	const notWeb = (location: string, scheme: string) => ({
		label: location,
		location,
		expected: { refused: new RegExp(`^Zoho Meeting redirected the download to ${scheme}, which is not a web address$`) },
	});
	return [
		notWeb('javascript:alert(1)', 'javascript:'),
		notWeb('file:///etc/passwd', 'file:'),
		notWeb('FILE://localhost/etc/passwd', 'file:'),
		notWeb('data:video/mp4;base64,AAAA', 'data:'),
		notWeb(`ftp://localhost:${fp}/file/x`, 'ftp:'),
		notWeb(`ws://localhost:${fp}/file/x`, 'ws:'),
		notWeb(`wss://localhost:${fp}/file/x`, 'wss:'),
		notWeb('gopher://localhost:70/_GET', 'gopher:'),
		notWeb('about:blank', 'about:'),
		notWeb(`blob:http://localhost:${fp}/0d3f`, 'blob:'),
		notWeb('mailto:a@example.com', 'mailto:'),
		{ label: 'empty', location: '', expected: { refused: /^Zoho Meeting redirected the download nowhere$/ } },
		{ label: 'absent', location: undefined, expected: { refused: /^Zoho Meeting redirected the download nowhere$/ } },
		{ label: 'unparsable IPv6', location: 'http://[::1/file/x', expected: { refused: /unreadable address$/ } },
		{ label: 'space in host', location: 'http://exa mple.com/file/x', expected: { refused: /unreadable address$/ } },
		{ label: 'five-part IPv4', location: 'http://1.2.3.4.5/file/x', expected: { refused: /unreadable address$/ } },
	];
}

/** How a hop of a chain points at the next one. */
const HOP_FORMS: ReadonlyArray<(fp: string, path: string) => string> = [
	(fp, path) => `http://127.0.0.1:${fp}${path}`,
	(fp, path) => `http://localhost:${fp}${path}`,
	(fp, path) => `http://[::1]:${fp}${path}`,
	(fp, path) => `//localhost:${fp}${path}`,
	(_, path) => path,
	(_, path) => `../..${path}?again=1`,
];

/** At most this many targets are fetched for one download (transport/download.ts). */
const MAX_FETCHES = 5;

/**
 * Redirect chains on the foreign server, generated: n hops before the file, each written
 * in a random form; loops; a chain that ends on a non-web scheme. The API's redirect is the
 * first hop, so a chain of up to four more hops is followed and a longer one refused.
 */
function chainTargets(chains: Map<string, string[]>): Array<DownloadTarget & { fetches: number }> {
	const fp = port(foreign.url);
	const random = seeded(20);
	const hopPath = (chain: string, hop: number) => `/hop/${chain}/${hop}`;
	const targets: Array<DownloadTarget & { fetches: number }> = [];
	for (let length = 0; length <= 7; length++) {
		for (let variant = 0; variant < 3; variant++) {
			const chain = `chain${length}x${variant}`;
			const hops = Array.from({ length }, (_, hop) =>
				random.pick(HOP_FORMS)(fp, hop + 1 < length ? hopPath(chain, hop + 1) : `/file/${chain}`),
			);
			chains.set(chain, hops);
			const followed = length + 1 <= MAX_FETCHES;
			targets.push({
				label: `${length} more hops (${hops.join(' → ')})`,
				location: length === 0 ? `http://localhost:${fp}/file/${chain}` : `http://localhost:${fp}${hopPath(chain, 0)}`,
				expected: followed ? { file: 'foreign' } : { refused: /^Too many redirects while downloading$/ },
				fetches: followed ? length + 1 : MAX_FETCHES,
			});
		}
	}
	chains.set('self', [`/hop/self/0`]);
	chains.set('pingpong', [`http://127.0.0.1:${fp}/hop/pingpong/1`, `//localhost:${fp}/hop/pingpong/0`]);
	chains.set('toScheme', [`http://[::1]:${fp}/hop/toScheme/1`, 'javascript:alert(1)']);
	targets.push(
		{ label: 'a loop onto itself', location: `http://localhost:${fp}/hop/self/0`, expected: { refused: /^Too many redirects/ }, fetches: MAX_FETCHES },
		{ label: 'a loop of two', location: `http://localhost:${fp}/hop/pingpong/0`, expected: { refused: /^Too many redirects/ }, fetches: MAX_FETCHES },
		{ label: 'a chain ending on javascript:', location: `http://localhost:${fp}/hop/toScheme/0`, expected: { refused: /which is not a web address$/ }, fetches: 2 },
	);
	return targets;
}

const downloadOf = (id: string) => ({ resource: 'recording', operation: 'download', recordingId: locator('id', id) });

/**
 * Downloads one recording per target, each answered by the API (the sandbox) with a
 * redirect there; returns the problems found.
 */
async function downloadThrough(targets: DownloadTarget[], fetched: string[]): Promise<string[]> {
	const random = seeded(targets.length);
	const ids = targets.map((_, index) => `REC_T${index}`);
	await Promise.all(
		targets.map(async ({ location }, index) => {
			const headers: Record<string, string> = location === undefined ? {} : { Location: location };
			const status = random.pick(STATUSES);
			await zoho.admin.injectFault({ path: `^/api/v2/recordings/${ids[index]}/download$`, fault: { type: 'status', status, headers } });
		}),
	);

	const result = await zoho.runZoho(downloadOf('={{ $json.id }}'), {
		items: ids.map((id): IDataObject => ({ id })),
		continueOnFail: true,
	});

	const items = outputOf(result);
	const problems: string[] = [];
	for (const [index, { label, expected }] of targets.entries()) {
		const item = itemOf(items, index);
		const binary = item?.binary?.data;
		let why: string | undefined;
		if ('refused' in expected) {
			if (!item?.error || !expected.refused.test(item.error.message)) why = `should be refused: ${outcomeOf(item)}`;
		} else if (!binary) {
			why = `should be downloaded: ${outcomeOf(item)}`;
		} else {
			const name = String(binary.fileName).replace(/\.mp4$/, '');
			const fromForeign = !name.startsWith('elsewhere-');
			if (fromForeign !== (expected.file === 'foreign')) why = `fetched from the wrong place: ${name}`;
			else if (!(await (await readBinary(item)).buffer()).equals(fileBytes(name))) why = 'the file differs from what was served';
		}
		if (why) problems.push(`${label}: ${why}`);
		else count('redirectCases');
	}
	const tokenBearers = foreign.requests.filter((request) => request.authorization !== undefined);
	if (tokenBearers.length > 0) problems.push(`the token went to ${tokenBearers.map((request) => request.path).join(', ')}`);
	if (fetched.length !== targets.filter(({ expected }) => 'file' in expected && expected.file === 'elsewhere').length) {
		problems.push(`fetched elsewhere: ${fetched.join(', ')}`);
	}
	return problems;
}

describe('recording downloads answered with a redirect, from an API on this machine', () => {
	it('follows every way of writing a loopback, private, link-local or public host, without the token', async () => {
		const fetched = answerElsewhere(port(foreign.url));
		serveFilesAndChains(new Map());
		const targets = addressTargets();

		const problems = await downloadThrough(targets, fetched);

		expect(problems).toEqual([]);
		expect(targets.length).toBeGreaterThan(190);
	});

	it('refuses non-web schemes and Locations that point nowhere, fetching nothing', async () => {
		const fetched = answerElsewhere(port(foreign.url));
		serveFilesAndChains(new Map());

		const problems = await downloadThrough(refusedTargets(), fetched);

		expect(problems).toEqual([]);
		expect(foreign.requests).toEqual([]);
	});

	it('follows chains of up to five targets in any form, and ends longer chains and loops with a clear error', async () => {
		const fetched = answerElsewhere(port(foreign.url));
		const chains = new Map<string, string[]>();
		const targets = chainTargets(chains);
		serveFilesAndChains(chains);

		const problems = await downloadThrough(targets, fetched);

		for (const { label, location, fetches } of targets) {
			const chain = /\/(?:hop|file)\/([^/]+)/.exec(location ?? '')?.[1];
			const seen = foreign.requests.filter((request) => request.path.includes(`/${chain}`)).length;
			if (seen !== fetches) problems.push(`${label}: the foreign server saw ${seen} requests, not ${fetches}`);
		}
		expect(problems).toEqual([]);
	});

	it('takes the token back only to the API itself when a file host redirects there', async () => {
		const { recordings } = await zoho.admin.seed({ recordings: [{ file_size: 4000 }] });
		const id = recordings[0].recording_id;
		const back = `${zoho.sandbox.url}/api/v2/recordings/${id}/download`;
		serveFilesAndChains(new Map([['back', [back]]]));
		await zoho.admin.injectFault({
			path: `^/api/v2/recordings/${id}/download$`,
			fault: { type: 'status', status: 302, headers: { Location: `${foreign.url}/hop/back/0` } },
		});

		const result = await zoho.runZoho(downloadOf(id));

		expect(outputOf(result)[0].json.file_size).toBe(4000);
		expect(foreign.requests.map((request) => [request.path, request.authorization])).toEqual([['/hop/back/0', undefined]]);
		const api = await zoho.admin.requests('api');
		expect(api.map((request) => [request.status, request.hadAuthorization])).toEqual([
			[302, true],
			[200, true],
		]);
		count('redirectCases');
	});
});
