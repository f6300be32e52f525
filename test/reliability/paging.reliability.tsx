import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MAX_PAGES } from '../../nodes/ZohoMeeting/transport/pagination';
import { useForeignServer } from '../helpers/foreignServer';
import { locator } from '../helpers/sandboxWorkflow';
import { count } from './ledger';
import { countAttempts, envelope, fastTransport, HostileApi, inBatches, OPERATIONS, outputOf, type Random, seeded } from './hostile';
import { useReliabilitySandbox } from './session';

/**
 * Hostile paging, generated: a server holding a true list pages it with a twist (has_more
 * always true, or missing; pages that repeat an earlier one past the end, empty pages,
 * totals too small, too large or not numbers; pages of any size, whatever per_page asked;
 * one page of 150,000 objects), and servers that never stop. Every Return All, and every
 * Limit, must return exactly the true list (or its first Limit objects) in order, or fail
 * with a clear error at the page cap: never a silent cut, never more requests than needed
 * plus one round of read-ahead, never more than the cap.
 */
const zoho = useReliabilitySandbox();
const hostile = new HostileApi(useForeignServer(), zoho);

/** Every Get Many, by its path below /api/v2. */
const LISTS: ReadonlyArray<{ path: RegExp; parameters: INodeParameters }> = [
	{ path: /^\/meetings$/, parameters: { resource: 'meeting', operation: 'getAll' } },
	{ path: /^\/recordings$/, parameters: { resource: 'recording', operation: 'getAll' } },
	{ path: /^\/webinars$/, parameters: { resource: 'webinar', operation: 'getAll' } },
	{ path: /^\/meetings\/\d+\/participants$/, parameters: { resource: 'participant', operation: 'getAll', meetingKey: locator('id', '1234567890') } },
	{ path: /^\/meetings\/\d+\/sessions$/, parameters: { resource: 'session', operation: 'getAll', meetingKey: locator('id', '1234567890') } },
	{ path: /^\/webinars\/\d+\/registrations$/, parameters: { resource: 'registration', operation: 'getAll', webinarKey: locator('id', '9876543210') } },
];

type Sizes = 'honest' | 'wobbly' | 'onePage';
type HasMore = 'honest' | 'alwaysTrue' | 'absent' | 'asText';
type Total = 'honest' | 'absent' | 'tooSmall' | 'tooLarge' | 'negative' | 'text' | 'fraction';
type Tail = 'empty' | 'repeatEarlier' | 'repeatLast' | 'cycle';

interface Script {
	label: string;
	list: (typeof LISTS)[number];
	/** The true list; undefined for a server that never stops. */
	truth?: IDataObject[];
	parallel: number;
	/** Return All when undefined. */
	limit?: number;
	/** One answer: the page's objects and pagination. */
	answer(page: number, perPage: number): { data: unknown[]; pagination: Record<string, unknown> };
	/** Requests a correct node needs at most (the list's pages, the page that shows the end, read-ahead). */
	maxRequests: number;
}

const object = (n: number): IDataObject => {
	const id = `o${n}`;
	return { meeting_key: id, recording_id: id, webinar_key: id, participant_id: id, session_id: id, registration_id: id, n };
};

/** A true list cut into pages by the server's own sizes, then served with the script's twists. */
function finiteScript(random: Random, twists: { n: number; sizes: Sizes; hasMore: HasMore; total: Total; tail: Tail }, parallel: number, limit?: number): Script {
	const { n, sizes, hasMore, total, tail } = twists;
	const truth = Array.from({ length: n }, (_, i) => object(i));
	const wanted = limit === undefined ? n : Math.min(n, limit);
	const perPageAsked = limit === undefined ? 100 : Math.min(100, limit);
	// The server's pages: the node asks for `perPageAsked`; an honest server gives that many.
	const pageSizes: number[] = [];
	for (let left = n; left > 0; ) {
		const size = sizes === 'honest' ? perPageAsked : sizes === 'onePage' ? n : random.int(1, 150);
		pageSizes.push(Math.min(size, left));
		left -= size;
	}
	const pages: IDataObject[][] = [];
	let at = 0;
	for (const size of pageSizes) pages.push(truth.slice(at, (at += size)));
	const totals: Record<Total, unknown> = {
		honest: n,
		absent: undefined,
		tooSmall: random.int(0, Math.max(0, n - 1)),
		tooLarge: n + random.int(1, 1_000_000),
		negative: -random.int(1, 100),
		text: 'many',
		fraction: n + 0.5,
	};
	const repeated = random.int(0, Math.max(0, pages.length - 1));
	const pastEnd = (page: number): IDataObject[] => {
		if (pages.length === 0 || tail === 'empty') return [];
		if (tail === 'repeatLast') return pages[pages.length - 1];
		if (tail === 'cycle') return pages[(page - 1) % pages.length];
		return pages[repeated];
	};
	const pagesNeeded = pageSizes.reduce((needed, _, index) => (pageSizes.slice(0, index).reduce((a, b) => a + b, 0) < wanted ? index + 1 : needed), 0);
	return {
		label: `${n} objects, ${sizes} page sizes, has_more ${hasMore}, total ${total}, past the end ${tail}, parallel ${parallel}${limit ? `, Limit ${limit}` : ''}`,
		list: random.pick(LISTS),
		truth: truth.slice(0, wanted),
		parallel,
		limit,
		answer(page) {
			const data = page <= pages.length ? pages[page - 1] : pastEnd(page);
			const more = page < pages.length;
			const flags: Record<HasMore, unknown> = { honest: more, alwaysTrue: true, absent: undefined, asText: String(more) };
			return { data, pagination: { page, per_page: data.length, has_more: flags[hasMore], total: totals[total] } };
		},
		maxRequests: pagesNeeded + Math.max(1, parallel),
	};
}

/** A server whose every page is new and says more follow: the node must stop at the cap. */
function endlessScript(random: Random, parallel: number, total: number | undefined, hasMore: boolean | undefined): Script {
	return {
		label: `endless pages, has_more ${String(hasMore)}, total ${String(total)}, parallel ${parallel}`,
		list: random.pick(LISTS),
		parallel,
		answer: (page, perPage) => ({
			data: Array.from({ length: perPage }, (_, i) => object(page * perPage + i)),
			pagination: { page, per_page: perPage, has_more: hasMore, total },
		}),
		maxRequests: MAX_PAGES,
	};
}

/** The generated scripts: every combination of twists that leaves the true list knowable. */
function scripts(): Script[] {
	const random = seeded(50);
	const generated: Script[] = [];
	const sizesOf: Sizes[] = ['honest', 'wobbly', 'onePage'];
	const hasMoreOf: HasMore[] = ['honest', 'alwaysTrue', 'absent', 'asText'];
	const totalOf: Total[] = ['honest', 'absent', 'tooSmall', 'tooLarge', 'negative', 'text', 'fraction'];
	const tailOf: Tail[] = ['empty', 'repeatEarlier', 'repeatLast', 'cycle'];
	for (const sizes of sizesOf) {
		for (const hasMore of hasMoreOf) {
			// Without has_more, a short page is the server's own word that the list ended.
			if (sizes === 'wobbly' && (hasMore === 'absent' || hasMore === 'asText')) continue;
			for (const tail of tailOf) {
				const n = random.pick([0, 1, 99, 100, 101, 250, 1000, random.int(2, 2500)]);
				const parallel = random.pick([1, 3, 20]);
				generated.push(finiteScript(random, { n, sizes, hasMore, total: random.pick(totalOf), tail }, parallel));
				const limit = random.pick([1, 7, 100, 101, random.int(2, 600)]);
				generated.push(finiteScript(random, { n, sizes, hasMore, total: random.pick(totalOf), tail }, parallel, limit));
			}
		}
	}
	for (const total of totalOf) {
		generated.push(finiteScript(random, { n: random.int(150, 700), sizes: 'honest', hasMore: 'alwaysTrue', total, tail: 'repeatEarlier' }, 20));
	}
	// 2,000 requests take a while through n8n: one endless server here, read ahead in
	// parallel; test/transport/pagination.test.tsx meets the cap one page at a time.
	generated.push(endlessScript(random, 20, 1_000_000_000, undefined));
	return generated;
}

/** Runs one script's list through a workflow; returns what went wrong. */
async function runScript(script: Script): Promise<string[]> {
	const server = await hostile.open((_, response, path, query) => {
		if (!script.list.path.test(path.replace(/^\/api\/v2/, ''))) {
			response.writeHead(404).end();
			return;
		}
		const { data, pagination } = script.answer(Number(query.get('page')), Number(query.get('per_page')));
		response.writeHead(200, { 'Content-Type': 'application/json' }).end(envelope(data, { pagination }));
	});
	const parameters: INodeParameters = {
		...script.list.parameters,
		returnAll: script.limit === undefined,
		...(script.limit === undefined ? {} : { limit: script.limit }),
		options: { parallelRequests: script.parallel },
	};

	const result = await hostile.run(server, parameters);

	const problems: string[] = [];
	const requests = server.requests().length;
	if (requests > script.maxRequests) problems.push(`${requests} requests, more than ${script.maxRequests}`);
	if (!script.truth) {
		if (result.error?.message !== `Zoho Meeting announced more than ${MAX_PAGES} pages`) problems.push(`ended in ${result.error?.message ?? 'success'}`);
	} else if (result.error) {
		problems.push(`failed: ${result.error.message}`);
	} else {
		const got = outputOf(result).map((item) => item.json.n);
		const expected = script.truth.map((item) => item.n);
		if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`returned ${got.length} objects (${got.slice(0, 5).join(',')}…), not the ${expected.length} of the list`);
	}
	if (problems.length === 0) count('pagingCases');
	return problems.map((problem) => `${script.label}: ${problem}`);
}

/** List pages whose entries are not all objects: they would become n8n items that are not objects. */
const JUNK_ENTRIES: unknown[][] = [[null], [1, 2], ['x'], [{ n: 1 }, null], [{ n: 1 }, [2]], [true], [{ n: 1 }, 'x', { n: 2 }]];

/** Answers whose `data` has the wrong shape for any operation, or that are not the envelope at all. */
const WRONG_SHAPES = ['{"status":"success","data":5}', '{"status":"success","data":"x"}', '{"status":"success","data":[1,2]}', '{"status":"success","data":true}', '[{"n":1}]', '"success"', 'true'];

describe('answers of the wrong shape', () => {
	it('every operation refuses data that is not an object or a list of objects: GETs after their retries, creates once with the warning', async () => {
		fastTransport(5000);
		const attempts = countAttempts();
		const cases = OPERATIONS.flatMap((operation) => WRONG_SHAPES.map((body) => ({ operation, body })));
		cases.push(...JUNK_ENTRIES.map((data) => ({ operation: OPERATIONS[1], body: envelope(data, { pagination: { has_more: false } }) })));

		const problems = await inBatches(
			cases.map(({ operation, body }) => async () => {
				const server = await hostile.open((_, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(body));
				const result = await hostile.run(server, operation.parameters);
				const tries = operation.once ? 1 : 4;
				const error = result.error as { message?: string; description?: string } | undefined;
				const ok =
					error?.message === 'Zoho Meeting answered HTTP 200 with an unexpected response (application/json)' &&
					server.attempts(attempts) === tries &&
					(!operation.once || /may have carried out this request/.test(error.description ?? ''));
				if (ok) count('faultsSurvived');
				return ok ? [] : [`${operation.name}, ${body}: ${error?.message ?? JSON.stringify(outputOf(result).map((item) => item.json))}, ${server.attempts(attempts)} tries`];
			}),
			12,
		);

		expect(problems.flat()).toEqual([]);
	});
});

describe('Get Many against a server that pages with a twist', () => {
	it('returns exactly the true list, or fails at the page cap, within the requests needed', async () => {
		const all = scripts();

		const problems = (await inBatches(all.map((script) => async () => await runScript(script)), 6)).flat();

		expect(problems).toEqual([]);
		expect(all.length).toBeGreaterThanOrEqual(88);
	});

	it('reads one page of 150,000 objects, in a Get Many and a trigger poll', async () => {
		const truth = Array.from({ length: 150_000 }, (_, n) => ({ n }));
		const server = await hostile.open((_, response) =>
			response.writeHead(200, { 'Content-Type': 'application/json' }).end(envelope(truth, { pagination: { has_more: false } })),
		);

		const result = await hostile.run(server, { resource: 'recording', operation: 'getAll', returnAll: true });
		const poll = await zoho.poll({ event: 'recordingAvailable' }, {}, { id: 'huge', credentials: { zohoMeetingOAuth2Api: server.credential } });

		const output = outputOf(result);
		expect(output).toHaveLength(150_000);
		expect(output[149_999].json.n).toBe(149_999);
		expect(poll.items).toBeNull();
		count('pagingCases', 2);
	});
});
