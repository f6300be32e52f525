import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { ZohoClient } from '../../nodes/ZohoMeeting/transport';

/**
 * pageThrough with Parallel Requests: once the first page has told the total, the other
 * pages are fetched several at a time and read in order. The server here answers from
 * a script, so it can misbehave (a wrong total, a repeated page, a failing page).
 */
interface Answer {
	data: IDataObject[];
	total?: number;
	has_more?: boolean;
	fail?: boolean;
}

function scriptedRun(parallel: number, answer: (page: number) => Answer) {
	const asked: number[] = [];
	let inFlight = 0;
	let mostInFlight = 0;
	const ctx = {
		getNode: () => ({ name: 'Zoho Meeting', type: 'zohoMeeting', credentials: { zohoMeetingOAuth2Api: { id: 'pages' } } }),
		getCredentials: async () => ({ dataCenter: 'custom', apiUrl: 'https://zoho.test', api: 'v2' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const { page } = options.qs as { page: number };
				asked.push(page);
				mostInFlight = Math.max(mostInFlight, ++inFlight);
				// Later pages answer sooner, so answers come back out of order.
				await new Promise((resolve) => setTimeout(resolve, 30 - (page % 5) * 5));
				inFlight--;
				const { data, total, has_more, fail } = answer(page);
				if (fail) throw Object.assign(new Error('Request failed with status code 404'), { response: { status: 404, headers: {}, data: { status: 'error', error: { code: 'NOT_FOUND', message: `page ${page} is gone` } } } });
				return { statusCode: 200, headers: {}, body: { status: 'success', data, pagination: { page, per_page: 100, total, has_more } } };
			},
		},
	} as unknown as IExecuteFunctions;
	return { zoho: new ZohoClient(ctx, { parallel }), asked, mostInFlight: () => mostInFlight };
}

const objects = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));

/** A list of `size` objects that reports `total` (the truth unless a test says otherwise). */
const list = (size: number, total = size) => (page: number): Answer => {
	const start = (page - 1) * 100;
	return { data: objects(start, Math.max(0, Math.min(100, size - start))), total, has_more: start + 100 < size };
};

const request = { method: 'GET' as const, path: '/meetings' };

describe('pageThrough with Parallel Requests', () => {
	it('fetches the pages after the first several at a time, no more than needed, in order', async () => {
		const run = scriptedRun(4, list(1_050));
		const all = await run.zoho.pageThrough(request, { returnAll: true });
		expect(all).toEqual(objects(0, 1_050));
		expect([...run.asked].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(run.asked[0]).toBe(1);
		expect(run.mostInFlight()).toBe(4);
	});

	it('stops at the limit: 250 objects take three pages', async () => {
		const run = scriptedRun(4, list(10_000));
		expect(await run.zoho.pageThrough(request, { returnAll: false, limit: 250 })).toEqual(objects(0, 250));
		expect(run.asked).toHaveLength(3);
	});

	it('reads on, one page at a time, when the list grew past the total it announced', async () => {
		const run = scriptedRun(4, list(520, 300));
		expect(await run.zoho.pageThrough(request, { returnAll: true })).toEqual(objects(0, 520));
		expect([...run.asked].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('stops at an empty page when the list shrank, whatever came back after it', async () => {
		const shrunk = list(150, 600);
		const run = scriptedRun(4, (page) => (page === 5 ? { data: objects(999, 100), total: 600, has_more: true } : shrunk(page)));
		expect(await run.zoho.pageThrough(request, { returnAll: true })).toEqual(objects(0, 150));
	});

	it('stops at a page that repeats the one before (a server ignoring page)', async () => {
		const run = scriptedRun(4, () => ({ data: objects(0, 100), total: 500, has_more: true }));
		expect(await run.zoho.pageThrough(request, { returnAll: true })).toEqual(objects(0, 100));
	});

	it('fails with the first failing page in order', async () => {
		const whole = list(800);
		const run = scriptedRun(4, (page) => (page === 3 || page === 5 ? { ...whole(page), fail: true } : whole(page)));
		await expect(run.zoho.pageThrough(request, { returnAll: true })).rejects.toThrow('NOT_FOUND: page 3 is gone');
	});
});
