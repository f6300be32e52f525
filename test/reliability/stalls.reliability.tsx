import type { IncomingMessage, ServerResponse } from 'node:http';

import type { INodeParameters } from 'n8n-workflow';

import { readBinary, ZOHO_CREDENTIAL_TYPE } from '../harness';
import { trickle, useForeignServer } from '../helpers/foreignServer';
import { locator } from '../helpers/sandboxWorkflow';
import { count } from './ledger';
import { countAttempts, envelope, fastTransport, HostileApi, type HostileCase, inBatches, OPERATIONS, outcomeOf, outputOf, seeded } from './hostile';
import { useReliabilitySandbox } from './session';

/**
 * Servers that trickle, stall or never finish, generated for every operation: an API call
 * must end at its deadline for the whole exchange however the bytes dribble in (a GET is
 * tried four times, a create or an approval once, with the warning that it may have been
 * done); a download must end when no byte arrives for its idle time, yet a slow download
 * that keeps moving is not cut; a trigger poll must end too. Every run ends. The deadline
 * and the idle time are LIMIT_MS here instead of 60 s (hostile.ts, fastTransport).
 */
const zoho = useReliabilitySandbox();
const hostile = new HostileApi(useForeignServer(), zoho);

const LIMIT_MS = 600;
/** Cases run at once. */
const AT_ONCE = 24;

beforeEach(() => fastTransport(LIMIT_MS));

type Serve = (request: IncomingMessage, response: ServerResponse) => void;

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Runs `tick` every `everyMs` until the client hangs up. */
function every(request: IncomingMessage, everyMs: number, tick: () => void): void {
	const timer = setInterval(tick, everyMs);
	request.socket.on('close', () => clearInterval(timer));
}

/** Sends `body` in `pieces` pieces, one every `everyMs`, then ends (unless the client hung up). */
function dribble(headers: Record<string, string>, body: Buffer, pieces: number, everyMs: number, end = true): Serve {
	return (request, response) => {
		response.writeHead(200, headers);
		response.flushHeaders();
		const size = Math.ceil(body.length / pieces);
		let sent = 0;
		every(request, everyMs, () => {
			if (sent < body.length) {
				response.write(body.subarray(sent, sent + size));
				sent += size;
			} else if (end && !response.writableEnded) response.end();
		});
	};
}

/** Ways an answer can fail to arrive in time, each with how it is served. */
function stallingAnswers(body: string, random: ReturnType<typeof seeded>): Array<[string, Serve]> {
	const bytes = Buffer.from(body);
	const length = { ...JSON_HEADERS, 'Content-Length': String(bytes.length) };
	const trickleMs = random.pick([5, 30, 100, LIMIT_MS / 2]);
	return [
		['no answer at all', () => {}],
		['headers, then silence', (_, response) => (response.writeHead(200, length), response.flushHeaders())],
		['half the body, then silence', (_, response) => (response.writeHead(200, length), response.write(bytes.subarray(0, bytes.length / 2)))],
		[`a space every ${trickleMs} ms, forever`, trickle(JSON_HEADERS, trickleMs)],
		['the whole answer, one byte at a time, slower than the deadline', dribble(length, bytes, bytes.length, Math.ceil((LIMIT_MS * 3) / bytes.length))],
		[
			'the whole answer, after twice the deadline',
			(request, response) => {
				const timer = setTimeout(() => response.writeHead(200, length).end(bytes), LIMIT_MS * 2);
				request.socket.on('close', () => clearTimeout(timer));
			},
		],
		[`"102 Processing" every ${trickleMs} ms, forever`, (request, response) => every(request, trickleMs, () => response.writeProcessing())],
	];
}

const MEETING = { meeting_key: '1234567890', topic: 'Slow' };

/** Opens a hostile case whose every answer is served by `serve`. */
const caseServing = async (serve: Serve): Promise<HostileCase> => await hostile.open((request, response) => serve(request, response));

describe('API calls to a server that stalls or trickles', () => {
	it('end at the deadline on every operation: GETs, PUTs and DELETEs tried four times, creates and approvals once with a warning', async () => {
		const random = seeded(30);
		const attempts = countAttempts();
		const runs = OPERATIONS.flatMap((operation) =>
			stallingAnswers(envelope(MEETING), random).map(([behaviour, serve]) => async () => {
				const server = await caseServing(serve);
				const result = await hostile.run(server, operation.parameters);
				const tries = operation.once ? 1 : 4;
				const [sent, seen] = [server.attempts(attempts), server.requests().length];
				const error = result.error as { message?: string; description?: string } | undefined;
				const problems = [
					/^Zoho Meeting did not (finish answering|answer) in time/.test(error?.message ?? '') ? '' : `ended in ${error?.message ?? 'success'}`,
					sent === tries && seen <= sent ? '' : `sent ${sent} times (the server saw ${seen}), not ${tries}`,
					!operation.once || /may have carried out this request/.test(error?.description ?? '') ? '' : 'no warning that it may have been done',
				].filter(Boolean);
				if (problems.length === 0) count('stallCases');
				return problems.map((problem) => `${operation.name}, ${behaviour}: ${problem}`);
			}),
		);

		const problems = (await inBatches(runs, AT_ONCE)).flat();

		expect(problems).toEqual([]);
		expect(runs.length).toBeGreaterThanOrEqual(80);
	});

	it.each([
		['Meeting > Get', OPERATIONS[0]],
		['Meeting > Create', OPERATIONS[4]],
	])('%s: an answer that arrives in pieces well within the deadline is taken, and sent once', async (_, operation) => {
		const body = Buffer.from(envelope(MEETING));
		const server = await caseServing(dribble({ ...JSON_HEADERS, 'Content-Length': String(body.length) }, body, 5, LIMIT_MS / 20));

		const result = await hostile.run(server, operation.parameters);

		expect(outputOf(result)[0].json).toMatchObject(MEETING);
		expect(server.requests()).toHaveLength(1);
		count('stallCases');
	});
});

const FILE_SIZE = 1000;
const FILE = Buffer.alloc(FILE_SIZE, 'recording');
const FILE_HEADERS = { 'Content-Type': 'video/mp4', 'Content-Disposition': 'attachment; filename="slow.mp4"' };
const WITH_LENGTH = { ...FILE_HEADERS, 'Content-Length': String(FILE_SIZE) };

type DownloadEnd = { error: RegExp; description?: RegExp; tries: number } | { file: true };

/** Ways a file can stall or trickle, each with how its download must end. */
function stallingFiles(): Array<[string, Serve, DownloadEnd]> {
	const deadline = { error: /^Zoho Meeting did not finish answering in time/, tries: 4 };
	const cutShort = (after: number) => ({ error: /^The download was cut short$/, description: new RegExp(`no byte arrived for \\d+ s after ${after}\\b`), tries: 4 });
	return [
		['no answer at all', () => {}, deadline],
		['headers after twice the deadline', (request, response) => {
			const timer = setTimeout(() => response.writeHead(200, WITH_LENGTH).end(FILE), LIMIT_MS * 2);
			request.socket.on('close', () => clearTimeout(timer));
		}, deadline],
		['"102 Processing" forever', (request, response) => every(request, 50, () => response.writeProcessing()), deadline],
		['headers, then silence', (_, response) => (response.writeHead(200, WITH_LENGTH), response.flushHeaders()), cutShort(0)],
		['half the file, then silence', (_, response) => (response.writeHead(200, WITH_LENGTH), response.write(FILE.subarray(0, 500))), cutShort(500)],
		['ten bytes a while, then silence', dribble(WITH_LENGTH, FILE.subarray(0, 50), 5, LIMIT_MS / 5, false), cutShort(50)],
		[
			'600 of 1000 bytes, then the connection closes',
			(_, response) => {
				response.writeHead(200, WITH_LENGTH);
				response.write(FILE.subarray(0, 600), () => setTimeout(() => response.destroy(), 20));
			},
			{ error: /^The download was cut short$/, description: /announced 1000 bytes but the connection (closed after 600|broke off)/, tries: 4 },
		],
		['the whole file in 20 pieces over five idle periods', dribble(WITH_LENGTH, FILE, 20, LIMIT_MS / 4), { file: true }],
		[
			'64 KB every 10 ms without end, and no length (Max File Size 1 MB)',
			(request, response) => {
				response.writeHead(200, FILE_HEADERS);
				every(request, 10, () => response.write(Buffer.alloc(64 * 1024)));
			},
			{ error: /^The file is larger than Max File Size \(1 MB\)$/, tries: 1 },
		],
	];
}

const download: INodeParameters = { resource: 'recording', operation: 'download', recordingId: locator('id', 'REC_1'), maxFileSize: 1 };

/** Why a download's run did not end as expected, or nothing. */
async function judgeDownload(result: Awaited<ReturnType<HostileApi['run']>>, fileHost: HostileCase, end: DownloadEnd, attempts: string[]): Promise<string[]> {
	const tries = 'file' in end ? 1 : end.tries;
	const [sent, seen] = [fileHost.attempts(attempts), fileHost.requests().length];
	const problems: string[] = [];
	if (sent !== tries || seen > sent) problems.push(`fetched ${sent} times (the server saw ${seen}), not ${tries}`);
	if ('file' in end) {
		const [item] = outputOf(result);
		if (!item?.binary || !(await (await readBinary(item)).buffer()).equals(FILE)) problems.push(`no whole file: ${outcomeOf(item)}`);
		return problems;
	}
	const error = result.error as { message?: string; description?: string } | undefined;
	if (!end.error.test(error?.message ?? '') || !(end.description ?? /./).test(error?.description ?? '')) {
		problems.push(`ended in ${error?.message ?? 'success'} | ${error?.description ?? ''}`);
	}
	return problems;
}

describe('downloads from a server that stalls or trickles', () => {
	it('end when no byte arrives for the idle time or the headers miss the deadline, and a moving download is not cut: from the API itself', async () => {
		const attempts = countAttempts();
		const runs = stallingFiles().map(async ([behaviour, serve, end]) => {
			const server = await caseServing(serve);
			const problems = await judgeDownload(await hostile.run(server, download), server, end, attempts);
			if (problems.length === 0) count('stallCases');
			return problems.map((problem) => `${behaviour}: ${problem}`);
		});

		expect((await Promise.all(runs)).flat()).toEqual([]);
	});

	it('the same from a file host the API redirects to, which never gets the token', async () => {
		const attempts = countAttempts();
		const runs = stallingFiles().map(async ([behaviour, serve, end], index) => {
			const fileHost = await caseServing(serve);
			const id = `REC_S${index}`;
			await zoho.admin.injectFault({
				path: `^/api/v2/recordings/${id}/download$`,
				count: 10,
				fault: { type: 'status', status: 302, headers: { Location: `${fileHost.url}/file.mp4` } },
			});
			const result = await zoho.runZoho({ ...download, recordingId: locator('id', id) });
			const problems = await judgeDownload(result, fileHost, end, attempts);
			if (fileHost.requests().some((request) => request.authorization !== undefined)) problems.push('the file host got the token');
			if (problems.length === 0) count('stallCases');
			return problems.map((problem) => `${behaviour}: ${problem}`);
		});

		expect((await Promise.all(runs)).flat()).toEqual([]);
	});
});

describe('trigger polls against a server that stalls or trickles', () => {
	it.each(['recordingAvailable', 'meetingCompleted'])('%s: every poll ends with the deadline error, and a later poll runs', async (event) => {
		const random = seeded(40);
		const runs = stallingAnswers(envelope([]), random).map(async ([behaviour, serve]) => {
			// Polls of one node never overlap (the trigger skips a tick while one runs): one node id per case.
			let healthy = false;
			const server = await hostile.open((request, response) =>
				healthy ? response.writeHead(200, JSON_HEADERS).end(envelope([], { pagination: { has_more: false } })) : serve(request, response),
			);
			const staticData = {};
			const node = { id: server.credential.id, credentials: { [ZOHO_CREDENTIAL_TYPE]: server.credential } };
			const failed = await zoho.poll({ event }, staticData, node).then(
				() => undefined,
				(error: Error) => error.message,
			);
			healthy = true;
			const later = await zoho.poll({ event }, staticData, node).then(
				() => 'ran',
				(error: Error) => error.message,
			);
			const problems = [
				/^Zoho Meeting did not (finish answering|answer) in time/.test(failed ?? '') ? '' : `the poll ended in ${failed ?? 'success'}`,
				later === 'ran' ? '' : `the next poll failed: ${later}`,
			].filter(Boolean);
			if (problems.length === 0) count('stallCases');
			return problems.map((problem) => `${behaviour}: ${problem}`);
		});

		expect((await Promise.all(runs)).flat()).toEqual([]);
	});
});
