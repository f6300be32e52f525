import type { INodeParameters } from 'n8n-workflow';

import type { Fault, FaultRequest } from '../../sandbox/faults';
import { recordingChunk } from '../../sandbox/recordingBytes';
import { readBinary } from '../harness';
import { locator, SANDBOX_CREDENTIAL, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';
import { DIALECTS, type Wire } from './dialects';
import { count } from './ledger';
import { type ReliabilitySandbox, sideEffect, TEST_REQUEST_TIMEOUT_MS, useReliabilitySandbox } from './session';

/**
 * What a Zoho hiccup does to a real workflow, fault by fault, through the sandbox's fault
 * injection. Each fault has one defined outcome: retried and succeeded, or a clear error
 * naming the cause, and never a create sent twice. The transport's waits run 20 times
 * faster and requests time out after TEST_REQUEST_TIMEOUT_MS (session.ts). Every case runs
 * in both dialects (dialects.tsx), each against a sandbox of its own.
 */
const survived = () => count('faultsSurvived');
const getMeetings: INodeParameters = { resource: 'meeting', operation: 'getAll', returnAll: true };
const createMeeting: INodeParameters = {
	resource: 'meeting',
	operation: 'create',
	topic: 'Board Meeting',
	startTime: '2099-03-01T09:00:00Z',
	duration: 60,
	timezone: 'UTC',
};

/** The helpers of one dialect's cases, on its sandbox. */
function helpersOf(zoho: ReliabilitySandbox) {
	return {
		async inject(...faults: FaultRequest[]): Promise<void> {
			for (const fault of faults) await zoho.admin.injectFault(fault);
		},
		/** Statuses the API answered (null: no answer), in order. */
		async statuses(): Promise<Array<number | null>> {
			return (await zoho.admin.requests('api')).map((request) => request.status);
		},
		async meetingsInSandbox(): Promise<number> {
			return (await zoho.admin.state()).meetings;
		},
	};
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** A fault on the list request of a read, armed `times` times in a row. */
interface ReadFault {
	fault: Fault;
	times: number;
}

describe.each(DIALECTS)('%s dialect', (api, wire: Wire) => {
	const zoho = useReliabilitySandbox({ fastPolicy: true, api });
	const { inject, statuses, meetingsInSandbox } = helpersOf(zoho);
	const LIST_MEETINGS = { method: 'GET', path: wire.meetings };
	const CREATE_MEETING = { method: 'POST', path: wire.meetings };

	describe('a read (Get Many) meeting a fault', () => {
		const retried: Array<[string, ReadFault, Array<number | null> | number]> = [
			['a burst of 503s', { fault: { type: 'status', status: 503 }, times: 3 }, [503, 503, 503, 200]],
			[
				'a storm of 429s with reset headers',
				{ fault: { type: 'status', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 1 }, times: 4 },
				[429, 429, 429, 429, 200],
			],
			[
				'a storm of bare 429s, without any reset header',
				{ fault: { type: 'status', status: 429, body: 'Too Many Requests' }, times: 4 },
				[429, 429, 429, 429, 200],
			],
			// The slow answer still arrives, after the node gave up on it: only the count is certain.
			['an answer slower than the request timeout', { fault: { type: 'delay', ms: TEST_REQUEST_TIMEOUT_MS * 3 }, times: 1 }, 2],
			['connection resets', { fault: { type: 'reset' }, times: 2 }, [null, null, 200]],
			['malformed JSON', { fault: { type: 'malformedJson' }, times: 1 }, [200, 200]],
			["a proxy's HTML error page", { fault: { type: 'html', status: 502 }, times: 1 }, [502, 200]],
			['an HTML page with status 200 (a captive portal)', { fault: { type: 'html', status: 200 }, times: 1 }, [200, 200]],
			['an answer cut off mid-body', { fault: { type: 'truncate', bytes: 40 }, times: 1 }, [200, 200]],
		];

		it.each(retried)('%s: retried, and it succeeds', async (_, { fault, times }, requests) => {
			await zoho.admin.seed({ meetings: 3 });
			await inject({ ...LIST_MEETINGS, count: times, fault });
			const result = await zoho.runZoho(getMeetings);
			expect(result.error).toBeUndefined();
			expect(result.output(ZOHO_NODE_NAME)).toHaveLength(3);
			if (typeof requests === 'number') expect(await zoho.admin.requests('api')).toHaveLength(requests);
			else expect(await statuses()).toEqual(requests);
			survived();
		});

		const failing: Array<[string, ReadFault, { message: string; description: RegExp }, number]> = [
			[
				'a 5xx burst longer than the retries',
				{ fault: { type: 'status', status: 500 }, times: 10 },
				{ message: 'INTERNAL_ERROR: Server error', description: /try again later/ },
				4,
			],
			[
				'a 429 storm that outlasts the tries',
				{ fault: { type: 'status', status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 1 }, times: 10 },
				{
					message: 'RATE_LIMIT_EXCEEDED: Rate limit exceeded',
					description: /^The rate-limit window resets at \d{4}-\d\d-\d\dT[\d:.]+Z\. /,
				},
				6,
			],
			[
				'no answer at all',
				{ fault: { type: 'hang' }, times: 4 },
				{ message: 'Zoho Meeting did not finish answering in time (no complete answer within 60 s)', description: /^Check the network/ },
				4,
			],
			[
				'connection resets every time',
				{ fault: { type: 'reset' }, times: 4 },
				{ message: 'Could not reach Zoho Meeting (ECONNRESET)', description: /^Check the network/ },
				4,
			],
			[
				'malformed JSON every time',
				{ fault: { type: 'malformedJson' }, times: 10 },
				{
					message: 'Zoho Meeting answered HTTP 200 with an unexpected response (application/json)',
					description: /something other than the API's JSON; try again later/,
				},
				4,
			],
			[
				'an HTML error page every time',
				{ fault: { type: 'html', status: 503 }, times: 10 },
				{
					message: 'Zoho Meeting answered HTTP 503 with an unexpected response (text/html)',
					description: /^Zoho Meeting \(or a proxy in front of it\) failed; try again later\.$/,
				},
				4,
			],
			[
				'answers cut off every time',
				{ fault: { type: 'truncate', bytes: 40 }, times: 10 },
				{
					message: "Zoho Meeting's answer broke off before its end (stream has been aborted)",
					description: /^Check the network/,
				},
				4,
			],
		];

		it.each(failing)('%s: a NodeApiError naming the cause', async (_, { fault, times }, error, requests) => {
			await zoho.admin.seed({ meetings: 1 });
			await inject({ ...LIST_MEETINGS, count: times, fault });
			const result = await zoho.runZoho(getMeetings);
			expect(result.error).toMatchObject({
				name: 'NodeApiError',
				message: error.message,
				description: expect.stringMatching(error.description),
			});
			// The answer's body (an HTML page, broken JSON) is named, never pasted into the error.
			expect(JSON.stringify(result.error)).not.toMatch(/<html|meeting_key/);
			expect(await zoho.admin.requests('api')).toHaveLength(requests);
			survived();
		});

		it('updates and cancels (PUT, DELETE) are retried too: they are idempotent', async () => {
			const { meetings } = await zoho.admin.seed({ meetings: 2 });
			const [first, second] = meetings.map((meeting) => locator('id', meeting.meeting_key));
			await inject(
				{ method: 'PUT', count: 2, fault: { type: 'status', status: 502 } },
				{ method: 'DELETE', count: 2, fault: { type: 'status', status: 504 } },
			);
			const updated = await zoho.runZoho({
				resource: 'meeting',
				operation: 'update',
				meetingKey: first,
				updateFields: { topic: 'Moved' },
			});
			const cancelled = await zoho.runZoho({ resource: 'meeting', operation: 'cancel', meetingKey: second });
			expect(updated.output(ZOHO_NODE_NAME)[0].json.topic).toBe('Moved');
			expect(cancelled.output(ZOHO_NODE_NAME)[0].json).toEqual({
				success: true,
				meetingKey: second.value,
				notifiedParticipants: true,
			});
			expect(await statuses()).toEqual([502, 502, 200, 504, 504, 204]);
			survived();
		});
	});

	describe('a create (POST) meeting a fault is never sent twice', () => {
		const DUPLICATE_WARNING = /not sent again \(a second create would make a duplicate\)\. Check Zoho Meeting/;
		const cases: Array<[string, Fault, { message: string; description: RegExp }, number]> = [
			[
				'a 500 answer',
				{ type: 'status', status: 500 },
				{ message: 'INTERNAL_ERROR: Server error', description: /try again later/ },
				0,
			],
			[
				'an answer slower than the request timeout (the meeting is made late)',
				{ type: 'delay', ms: TEST_REQUEST_TIMEOUT_MS * 2 },
				{ message: 'Zoho Meeting did not finish answering in time (no complete answer within 60 s)', description: DUPLICATE_WARNING },
				1,
			],
			[
				'a connection reset before Zoho read it',
				{ type: 'reset' },
				{ message: 'Could not reach Zoho Meeting (ECONNRESET)', description: DUPLICATE_WARNING },
				0,
			],
			[
				'an answer lost after Zoho made the meeting',
				{ type: 'lostResponse' },
				{ message: 'Could not reach Zoho Meeting (ECONNRESET)', description: DUPLICATE_WARNING },
				1,
			],
			[
				'an answer cut off mid-body after Zoho made the meeting',
				{ type: 'truncate', bytes: 40 },
				{ message: "Zoho Meeting's answer broke off before its end (stream has been aborted)", description: DUPLICATE_WARNING },
				1,
			],
			[
				'a 201 with malformed JSON',
				{ type: 'malformedJson', status: 201 },
				{
					message: 'Zoho Meeting answered HTTP 201 with an unexpected response (application/json)',
					description: DUPLICATE_WARNING,
				},
				0,
			],
		];

		it.each(cases)('%s: one POST, a clear error', async (_, fault, error, meetingsAfter) => {
			await inject({ ...CREATE_MEETING, fault });
			const result = await zoho.runZoho(createMeeting);
			expect(result.error).toMatchObject({ message: error.message, description: expect.stringMatching(error.description) });
			// A slow create completes in the sandbox after the node gave up on it.
			if (fault.type === 'delay') await sleep(fault.ms);
			expect(await zoho.admin.requests('api')).toHaveLength(1);
			expect(await meetingsInSandbox()).toBe(meetingsAfter);
			survived();
		});

		it('a create refused with 429 is sent again (Zoho did not do it) and exists once', async () => {
			await inject({ ...CREATE_MEETING, count: 2, fault: { type: 'status', status: 429, retryAfterSeconds: 1 } });
			const result = await zoho.runZoho(createMeeting);
			expect(result.output(ZOHO_NODE_NAME)[0].json.topic).toBe('Board Meeting');
			expect(await statuses()).toEqual([429, 429, 201]);
			expect(await meetingsInSandbox()).toBe(1);
			survived();
		});

		// The organization API adds participants only when a meeting is created (Participant > Add is not offered).
		if (api === 'v2') {
			it('participants added with a lost answer are added once', async () => {
				const { meetings } = await zoho.admin.seed({ meetings: 1 });
				await inject({ method: 'POST', path: '/participants$', fault: { type: 'lostResponse' } });
				const result = await zoho.runZoho({
					resource: 'participant',
					operation: 'add',
					meetingKey: locator('id', meetings[0].meeting_key),
					participants: { participant: [{ email: 'jane.smith@example.com', name: 'Jane Smith' }] },
				});
				expect(result.error?.description).toMatch(DUPLICATE_WARNING);
				expect(await zoho.admin.requests('api')).toHaveLength(1);
				const stored = zoho.sandbox.state.findMeeting(meetings[0].meeting_key).participants;
				expect(stored.map((participant) => participant.email)).toEqual(['jane.smith@example.com']);
				survived();
			});
		}
	});

	describe('recording downloads', () => {
		const FILE_SIZE = 300_000;
		const download = (recordingId: string): INodeParameters => ({
			resource: 'recording',
			operation: 'download',
			recordingId: locator('id', recordingId),
		});

		async function seedRecording(): Promise<string> {
			const { recordings } = await zoho.admin.seed({ recordings: [{ file_size: FILE_SIZE }] });
			return wire.recordingId(recordings[0].recording_id);
		}

		async function expectWholeFile(result: Awaited<ReturnType<typeof zoho.runZoho>>) {
			const [item] = result.output(ZOHO_NODE_NAME);
			const file = await readBinary(item);
			expect(file.size).toBe(FILE_SIZE);
			const [recording] = zoho.sandbox.state.recordings.values();
			expect((await file.buffer()).equals(recordingChunk(recording.recording_id, 0, FILE_SIZE))).toBe(true);
		}

		it('a download cut short is downloaded again, whole', async () => {
			const id = await seedRecording();
			await inject({ path: wire.recordingFile, fault: { type: 'truncate', bytes: 100_000 } });
			const result = await zoho.runZoho(download(id));
			await expectWholeFile(result);
			// Each try asks for the file anew (in the organization dialect, its address too).
			expect(await zoho.admin.requests('api')).toHaveLength(2 * (wire.fileLookups + 1));
			survived();
		});

		it('a download cut short on every attempt ends in "The download was cut short", with no file', async () => {
			const id = await seedRecording();
			await inject({ path: wire.recordingFile, count: 4, fault: { type: 'truncate', bytes: 100_000 } });
			const result = await zoho.runZoho(download(id), { continueOnFail: true });
			const [item] = result.output(ZOHO_NODE_NAME);
			expect(item.json).toEqual({ error: 'The download was cut short' });
			expect(item.error?.description).toMatch(/^Zoho Meeting announced 300000 bytes but the connection broke off/);
			expect(item.binary).toBeUndefined();
			survived();
		});

		it('a file host that cuts the download short or drops it gets a fresh link, and never the token', async () => {
			const id = await seedRecording();
			await zoho.admin.setDownloadMode('redirect');
			await inject(
				{ path: '^/recordings/', fault: { type: 'truncate', bytes: 50_000 } },
				{ path: '^/recordings/', fault: { type: 'reset' } },
			);
			const result = await zoho.runZoho(download(id));
			await expectWholeFile(result);
			const hops = await zoho.admin.requests();
			const fileTry = (fileHost: string) => [...Array<string>(wire.fileLookups).fill('api 200 true'), 'api 302 true', fileHost];
			expect(hops.map((hop) => `${hop.origin} ${hop.status} ${hop.hadAuthorization}`)).toEqual([
				...fileTry('cdn 200 false'),
				...fileTry('cdn null false'),
				...fileTry('cdn 200 false'),
			]);
			survived();
		});
	});

	describe('OAuth', () => {
		afterEach(async () => await zoho.reconnect());

		it('a token endpoint answering 200 {"error":"invalid_code"} ends in the token error asking to reconnect', async () => {
			await zoho.admin.expireTokens();
			await inject({ path: '^/oauth/v2/token$', fault: { type: 'tokenError', error: 'invalid_code' } });
			const result = await zoho.runZoho(getMeetings);
			expect(result.error).toMatchObject({
				name: 'NodeApiError',
				message: expect.stringMatching(wire.tokenError.message),
				httpCode: wire.tokenError.httpCode,
				description: expect.stringMatching(/click "Reconnect"/),
			});
			expect((await zoho.admin.requests()).map((r) => `${r.origin} ${r.status}`)).toEqual([
				`api ${wire.tokenRefused}`,
				'oauth 200',
				`api ${wire.tokenRefused}`,
			]);
			survived();
		});

		it('a token endpoint answering an HTML page says the refresh failed, not that Zoho is unreachable', async () => {
			await zoho.admin.expireTokens();
			await inject({ path: '^/oauth/v2/token$', fault: { type: 'html', status: 200 } });
			const result = await zoho.runZoho(getMeetings);
			expect(result.error).toMatchObject({
				name: 'NodeApiError',
				message:
					"The Zoho Meeting credential could not be refreshed: Zoho's token endpoint answered HTTP 200 without a token",
				description: expect.stringMatching(/^Zoho Accounts \(or a proxy in front of it\) did not answer/),
			});
			expect(await zoho.admin.requests('oauth')).toHaveLength(1);
			survived();
		});

		it('an expired refresh token ends in the token error asking to reconnect, after one refresh attempt', async () => {
			await zoho.admin.revokeRefreshTokens();
			await zoho.admin.expireTokens();
			const result = await zoho.runZoho(getMeetings);
			expect(result.error).toMatchObject({ message: expect.stringMatching(wire.tokenError.message), httpCode: wire.tokenError.httpCode });
			expect(result.error?.description).toMatch(/Reconnect/);
			expect(await zoho.admin.requests('oauth')).toHaveLength(1);
			survived();
		});

		it('an access token that expires between two nodes is refreshed once and the run goes on', async () => {
			await zoho.admin.seed({ meetings: 3 });
			const expire = sideEffect('Expire Tokens', async () => {
				await zoho.admin.expireTokens();
			});
			const refreshes = zoho.credentials.refreshCount(SANDBOX_CREDENTIAL.id);
			const result = await zoho.run(
				[
					zoho.zoho(getMeetings, { name: 'List' }),
					expire.spec,
					zoho.zoho({ resource: 'meeting', operation: 'get', meetingKey: locator('id', '={{ $json.meeting_key }}') }),
				],
				{ nodeTypes: expire.nodeTypes },
			);
			expect(result.output(ZOHO_NODE_NAME)).toHaveLength(3);
			expect(zoho.credentials.refreshCount(SANDBOX_CREDENTIAL.id)).toBe(refreshes + 1);
			// Requests already on their way when Zoho refused the token are refused too (how many
			// depends on timing, with the organization API's 400, which the node itself refreshes on);
			// none is sent with the refused token once the refresh began, and each goes through once after it.
			const log = (await zoho.admin.requests()).map((r) => `${r.origin} ${r.status}`);
			const refresh = log.indexOf('oauth 200');
			expect(log[0]).toBe('api 200');
			expect(new Set(log.slice(1, refresh))).toEqual(new Set([`api ${wire.tokenRefused}`]));
			expect(log.slice(refresh + 1)).toEqual(['api 200', 'api 200', 'api 200']);
			if (api === 'v2') expect(refresh).toBe(2);
			survived();
		});

		it('a token endpoint that fails (500, reset) during a refresh is retried with the request', async () => {
			await zoho.admin.seed({ meetings: 1 });
			for (const fault of [{ type: 'status', status: 500 }, { type: 'reset' }] as const) {
				await zoho.admin.expireTokens();
				await zoho.admin.clearRequests();
				await inject({ path: '^/oauth/v2/token$', fault });
				const result = await zoho.runZoho(getMeetings);
				expect(result.output(ZOHO_NODE_NAME)).toHaveLength(1);
				expect((await zoho.admin.requests('oauth')).map((r) => r.status)).toEqual([
					fault.type === 'reset' ? null : 500,
					200,
				]);
			}
			survived();
		});
	});

	describe('the world changing during a run', () => {
		it('a meeting deleted between Get Many and Get fails that item only, naming the key', async () => {
			/** Lists three meetings, deletes the second in Zoho, then gets each listed meeting. */
			async function listDeleteGet(continueOnFail: boolean) {
				const { meetings } = await zoho.admin.seed({ meetings: 3 });
				const deleteOne = sideEffect('Delete In Zoho', () => {
					zoho.sandbox.state.meetings.delete(meetings[1].meeting_key);
				});
				const result = await zoho.run(
					[
						zoho.zoho(getMeetings, { name: 'List' }),
						deleteOne.spec,
						zoho.zoho(
							{ resource: 'meeting', operation: 'get', meetingKey: locator('id', '={{ $json.meeting_key }}') },
							{ continueOnFail },
						),
					],
					{ nodeTypes: deleteOne.nodeTypes },
				);
				return { meetings, result };
			}

			const lenient = await listDeleteGet(true);
			const output = lenient.result.output(ZOHO_NODE_NAME);
			expect(output.map((item) => item.json.meeting_key ?? item.json.error)).toEqual([
				lenient.meetings[0].meeting_key,
				wire.noSuchMeeting.message,
				lenient.meetings[2].meeting_key,
			]);
			expect(output[1].pairedItem).toEqual({ item: 1 });
			expect(output[1].error?.description).toMatch(/^Verify the meeting key/);

			await zoho.admin.reset();
			const strict = await listDeleteGet(false);
			expect(strict.result.error).toMatchObject({
				message: wire.noSuchMeeting.message,
				httpCode: wire.noSuchMeeting.httpCode,
				context: { itemIndex: 1 },
			});
			survived();
		});

		it('a recording deleted between Get Many and Download fails that item only', async () => {
			const { recordings } = await zoho.admin.seed({ recordings: [{ file_size: 1000 }, { file_size: 2000 }] });
			const deleteOne = sideEffect('Delete Recording', () => {
				zoho.sandbox.state.deleteRecording(recordings[0].recording_id);
			});
			const result = await zoho.run(
				[
					zoho.zoho({ resource: 'recording', operation: 'getAll', returnAll: true }, { name: 'List' }),
					deleteOne.spec,
					zoho.zoho(
						{ resource: 'recording', operation: 'download', recordingId: locator('id', '={{ $json.recording_id }}') },
						{ continueOnFail: true },
					),
				],
				{ nodeTypes: deleteOne.nodeTypes },
			);
			const output = result.output(ZOHO_NODE_NAME);
			const byId = Object.fromEntries(
				output.map((item) => [String(item.json.recording_id ?? item.json.error), item.binary?.data?.fileSize]),
			);
			expect(byId).toEqual({
				'INVALID_RECORDING_ID: The specified recording does not exist': undefined,
				[wire.recordingId(recordings[1].recording_id)]: expect.anything(),
			});
			survived();
		});
	});
});
