import { readBinary } from '../harness';
import { useForeignServer } from '../helpers/foreignServer';
import { locator } from '../helpers/sandboxWorkflow';
import { count } from './ledger';
import { envelope, HostileApi, itemOf, outcomeOf, outputOf, seeded } from './hostile';
import { useReliabilitySandbox } from './session';

/**
 * File names a hostile or broken server hands a recording download, generated: through
 * Content-Disposition (path traversal, every control character, bidirectional overrides,
 * RFC 5987 `filename*` forms valid and malformed, very long names, odd parameters) and,
 * when it gives none, through the recording's `meeting_key` and `start_time`. The stored
 * name must always be safe (no '/', '\', control character or bidirectional override, no
 * leading dot, no broken UTF-16, at most 200 characters), a good name must come through
 * unchanged, and the download must never fail because of a name.
 */
const zoho = useReliabilitySandbox();
const hostile = new HostileApi(useForeignServer(), zoho);

interface NameCase {
	label: string;
	/** The Content-Disposition header as a JavaScript string; non-Latin-1 text goes as UTF-8 bytes. */
	disposition?: string;
	/** The recording's details, read when the header names no file. */
	details?: Record<string, unknown>;
	/** The stored name when the given one is already safe. */
	keeps?: string;
}

const encoded = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
const utf8Percent = (codePoint: number) => [...Buffer.from(String.fromCodePoint(codePoint))].map(hex).join('');

const TRAVERSALS = [
	'../../etc/passwd',
	'..\\..\\windows\\win.ini',
	'/etc/passwd',
	'\\\\server\\share\\x.mp4',
	'C:\\Users\\Public\\x.mp4',
	'./.././x.mp4',
	'....//....//x.mp4',
	'..',
	'.',
	'...',
	'.bashrc',
	'. .hidden.mp4',
	' ../x.mp4 ',
	'a/../../b.mp4',
	'%2e%2e%2fetc%2fpasswd',
];

/** Code points that reorder how a name displays, or separate lines. */
const FORMAT_CHARACTERS = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];

const GOOD_NAMES = ['Sitzung über Q3.mp4', '会议记录 2025.mp4', 'запись встречи.mp4', '🎥 demo day.mp4', 'Cafe\u0301 review.mp4', 'مراجعة.mp4', 'a b+c=d&e.mp4'];

function traversalCases(): NameCase[] {
	return TRAVERSALS.flatMap((name) => [
		{ label: `filename="${name}"`, disposition: `attachment; filename="${name}"` },
		{ label: `filename*=UTF-8''${name}`, disposition: `attachment; filename*=UTF-8''${encoded(name)}` },
		{ label: `both, ${name}`, disposition: `attachment; filename="safe.mp4"; filename*=UTF-8''${encoded(name)}` },
	]);
}

function controlCases(): NameCase[] {
	const controls = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];
	return [
		...controls.map((cp) => ({ label: `U+${cp.toString(16).padStart(4, '0')} in filename*`, disposition: `attachment; filename*=UTF-8''rec${utf8Percent(cp)}ording.mp4` })),
		...FORMAT_CHARACTERS.map((cp) => ({ label: `U+${cp.toString(16)} in filename*`, disposition: `attachment; filename*=UTF-8''rec${utf8Percent(cp)}4pm.exe.mp4` })),
		{ label: 'a raw tab in filename', disposition: 'attachment; filename="tab\there.mp4"' },
		{ label: 'lone surrogate bytes', disposition: "attachment; filename*=UTF-8''a%ED%A0%80b.mp4; filename=\"fallback ok.mp4\"" },
	];
}

function rfc5987Cases(): NameCase[] {
	const valid = GOOD_NAMES.flatMap((name) => [
		{ label: `UTF-8 ${name}`, disposition: `attachment; filename*=UTF-8''${encoded(name)}`, keeps: name },
		{ label: `utf-8 with a language, ${name}`, disposition: `attachment; filename*=utf-8'de-DE'${encoded(name)}`, keeps: name },
		{ label: `quoted value, ${name}`, disposition: `attachment; filename*="UTF-8''${encoded(name)}"`, keeps: name },
		{ label: `after a plain filename, ${name}`, disposition: `attachment; filename="plain.mp4"; filename*=UTF-8''${encoded(name)}`, keeps: name },
	]);
	const malformed = ["UTF-8''%E0%A4%A", "UTF-8''%", "UTF-8''%zz", "UTF-8''%C3%28", "UTF-8''%FF%FE", "''abc.mp4", 'abc%20def.mp4', "UTF-8'abc.mp4", "UTF-8'''abc.mp4", '', "ISO-8859-1''%E4rger.mp4", "KOI8-R''%F0%D2%C9.mp4", "UTF-8''%00%00"].flatMap((value) => [
		{ label: `filename*=${value}`, disposition: `attachment; filename*=${value}` },
		{ label: `filename*=${value} with a plain filename`, disposition: `attachment; filename*=${value}; filename="plain.mp4"`, keeps: value === '' || /^UTF-8''%(E0|$|zz|C3|FF)/.test(value) ? 'plain.mp4' : undefined },
	]);
	return [...valid, ...malformed];
}

function longCases(): NameCase[] {
	const random = seeded(60);
	const cjk = () => String.fromCodePoint(random.int(0x4e00, 0x9fff));
	const lengths = [150, 195, 196, 199, 200, 201, 255, 1000, 4000];
	return [
		...lengths.map((length) => ({ label: `${length} ASCII + .mp4`, disposition: `attachment; filename="${'r'.repeat(length)}.mp4"`, keeps: length + 4 <= 200 ? `${'r'.repeat(length)}.mp4` : undefined })),
		...[98, 99, 100, 101, 150, 300].map((count) => ({ label: `${count} emoji + .mp4`, disposition: `attachment; filename*=UTF-8''${encoded(`${'🎬'.repeat(count)}.mp4`)}` })),
		...[99, 197, 198, 199, 400].map((count) => ({ label: `x + ${count} emoji`, disposition: `attachment; filename*=UTF-8''${encoded(`x${'🎬'.repeat(count)}`)}` })),
		{ label: '300 CJK', disposition: `attachment; filename*=UTF-8''${encoded(Array.from({ length: 300 }, cjk).join(''))}` },
		{ label: '500 ASCII, a long extension', disposition: `attachment; filename="${'r'.repeat(500)}.mp4-backup-copy"` },
		{ label: '300 ASCII, no extension', disposition: `attachment; filename="${'r'.repeat(300)}"` },
		{ label: '300 combining accents', disposition: `attachment; filename*=UTF-8''${encoded(`e${'\u0301'.repeat(300)}.mp4`)}` },
	];
}

function oddHeaderCases(): NameCase[] {
	return [
		{ label: 'attachment alone', disposition: 'attachment' },
		{ label: 'empty filename', disposition: 'attachment; filename=""' },
		{ label: 'filename= and nothing', disposition: 'inline; filename=' },
		{ label: 'upper-case parameter', disposition: 'attachment; FILENAME="LOUD.MP4"', keeps: 'LOUD.MP4' },
		{ label: 'spaces around =', disposition: 'attachment; filename = "spaced.mp4"', keeps: 'spaced.mp4' },
		{ label: 'a ; inside quotes', disposition: 'attachment; filename="a;b.mp4"' },
		{ label: 'an escaped quote', disposition: 'attachment; filename="a\\"b.mp4"' },
		{ label: 'two filenames', disposition: 'attachment; filename="first.mp4"; filename="../second.mp4"' },
		{ label: 'unquoted', disposition: 'attachment; filename=bare.mp4', keeps: 'bare.mp4' },
		{ label: 'raw UTF-8 bytes', disposition: 'attachment; filename="Sitzung über.mp4"' },
		{ label: 'the fallback name itself', disposition: 'attachment; filename="REC_SELF.mp4"' },
		{ label: 'an 8 KB header', disposition: `attachment; filename="${'../'.repeat(2700)}x.mp4"` },
	];
}

function detailCases(): NameCase[] {
	const keys: unknown[] = ['../../etc', 'a/b', 'a\\b', '\u0000', 'x\ny', '.hidden', '..', ' ', 'k'.repeat(500), '🎬'.repeat(120), 'rec\u202Ecod', '\ud800', 12345, true, { key: 1 }, ['a'], null, ''];
	const starts: unknown[] = ['2025-01-01T10:00:00Z', '../../', '\r\n', 's'.repeat(300), '', null, 1735725600000, '\u0085\u009f'];
	const random = seeded(61);
	return keys.map((key) => ({ label: `meeting_key ${JSON.stringify(key)}`, details: { meeting_key: key, start_time: random.pick(starts) } }))
		.concat(starts.map((start) => ({ label: `start_time ${JSON.stringify(start)}`, details: { meeting_key: random.pick(keys), start_time: start } })));
}

/** Why a stored name is unsafe, or undefined. */
function unsafe(name: unknown): string | undefined {
	if (typeof name !== 'string' || name === '') return 'no name';
	if (/[/\\]/.test(name)) return 'a path separator';
	if (/\p{Cc}/u.test(name)) return 'a control character';
	if (/[\u202a-\u202e\u2066-\u2069]/.test(name)) return 'a bidirectional override';
	if (name.startsWith('.')) return 'a leading dot';
	if (/\p{Cs}/u.test(name)) return 'broken UTF-16';
	if (name.length > 200) return `${name.length} characters`;
	return undefined;
}

const FILE = Buffer.from('a recording, whatever its name');

describe('file names from a hostile server', () => {
	it('are always stored safely, good names unchanged, and never fail a download', async () => {
		const cases = [...traversalCases(), ...controlCases(), ...rfc5987Cases(), ...longCases(), ...oddHeaderCases(), ...detailCases()];
		const ids = cases.map((_, index) => (cases[index].label === 'the fallback name itself' ? 'REC_SELF' : `REC_${index}`));
		const byId = new Map(ids.map((id, index) => [id, cases[index]]));
		const server = await hostile.open((_, response, path) => {
			const [, id, download] = /^\/api\/v2\/recordings\/([^/]+)(\/download)?$/.exec(path) ?? [];
			const named = byId.get(id);
			if (!named) {
				response.writeHead(404).end();
				return;
			}
			if (!download) {
				response.writeHead(200, { 'Content-Type': 'application/json' }).end(envelope({ recording_id: id, ...named.details }));
				return;
			}
			// Header values travel as bytes: text beyond Latin-1 goes as its UTF-8 bytes, as a server would send it.
			const disposition = named.disposition === undefined ? undefined : Buffer.from(named.disposition).toString('latin1');
			response.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': String(FILE.length), ...(disposition === undefined ? {} : { 'Content-Disposition': disposition }) });
			response.end(FILE);
		});

		const result = await hostile.run(
			server,
			{ resource: 'recording', operation: 'download', recordingId: locator('id', '={{ $json.id }}') },
			{ items: ids.map((id) => ({ id })), continueOnFail: true },
		);

		const items = outputOf(result);
		const problems: string[] = [];
		for (const [index, { label, keeps }] of cases.entries()) {
			const item = itemOf(items, index);
			const name = item?.json.file_name;
			let why: string | undefined;
			if (!item?.binary) why = `the download failed: ${outcomeOf(item)}`;
			else if (item.binary.data.fileName !== name) why = `stored as ${JSON.stringify(item.binary.data.fileName)}`;
			else if (!(await (await readBinary(item)).buffer()).equals(FILE)) why = 'the bytes differ';
			else why = unsafe(name) ?? (keeps !== undefined && name !== keeps ? 'a good name was changed' : undefined);
			if (why === undefined) count('fileNameCases');
			else problems.push(`${label}: ${why} (${JSON.stringify(name)})`);
		}
		expect(problems).toEqual([]);
		expect(cases.length).toBeGreaterThanOrEqual(230);
	});
});
