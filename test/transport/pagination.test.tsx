import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { ZohoClient } from '../../nodes/ZohoMeeting/transport';
import { MAX_PAGES } from '../../nodes/ZohoMeeting/transport/pagination';

/**
 * The stop rules of paging need a server that misbehaves on purpose (repeats a page,
 * never stops saying has_more); the sandbox follows the spec, so these unit tests answer
 * from a scripted list of pages instead. Workflow tests page against the sandbox.
 */
function scriptedContext(answer: (page: number, perPage: number) => { data: IDataObject[]; has_more?: boolean }) {
	const requests: IHttpRequestOptions[] = [];
	const ctx = {
		getNode: () => ({ name: 'Zoho Meeting', type: 'zohoMeeting', credentials: { zohoMeetingOAuth2Api: { id: 'c1' } } }),
		getCredentials: async () => ({ dataCenter: 'custom', apiUrl: 'https://zoho.test', api: 'v2' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				requests.push(options);
				const { page, per_page } = options.qs as { page: number; per_page: number };
				const { data, has_more } = answer(page, per_page);
				const pagination = has_more === undefined ? undefined : { page, per_page, has_more };
				return { statusCode: 200, headers: {}, body: { status: 'success', data, pagination } };
			},
		},
	} as unknown as IExecuteFunctions;
	return { zoho: new ZohoClient(ctx), requests };
}

const objects = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ meeting_key: String(from + i) }));

function listOf(total: number) {
	return (page: number, perPage: number) => {
		const start = (page - 1) * perPage;
		return { data: objects(start, Math.max(0, Math.min(perPage, total - start))), has_more: start + perPage < total };
	};
}

const request = { method: 'GET' as const, path: '/meetings' };

describe('pageThrough', () => {
	it('asks for 100 per page and follows has_more for Return All', async () => {
		const { zoho, requests } = scriptedContext(listOf(250));
		const all = await zoho.pageThrough(request, { returnAll: true });
		expect(all).toHaveLength(250);
		expect(requests.map((r) => r.qs)).toEqual([
			{ page: 1, per_page: 100 },
			{ page: 2, per_page: 100 },
			{ page: 3, per_page: 100 },
		]);
	});

	it('fetches no more pages than a limit needs', async () => {
		const { zoho, requests } = scriptedContext(listOf(10_000));
		expect(await zoho.pageThrough(request, { returnAll: false, limit: 250 })).toHaveLength(250);
		expect(requests).toHaveLength(3);
	});

	it('asks for only the limit when it is under a page', async () => {
		const { zoho, requests } = scriptedContext(listOf(10_000));
		expect(await zoho.pageThrough(request, { returnAll: false, limit: 7 })).toHaveLength(7);
		expect(requests.map((r) => r.qs)).toEqual([{ page: 1, per_page: 7 }]);
	});

	it('stops on an empty page even when has_more says otherwise', async () => {
		const { zoho, requests } = scriptedContext((page) => ({ data: page === 1 ? objects(0, 100) : [], has_more: true }));
		expect(await zoho.pageThrough(request, { returnAll: true })).toHaveLength(100);
		expect(requests).toHaveLength(2);
	});

	it('stops when the server repeats a page (ignores the page parameter)', async () => {
		const { zoho, requests } = scriptedContext(() => ({ data: objects(0, 100), has_more: true }));
		expect(await zoho.pageThrough(request, { returnAll: true })).toHaveLength(100);
		expect(requests).toHaveLength(2);
	});

	it('stops after a short page when the server sends no pagination object', async () => {
		const { zoho, requests } = scriptedContext((page) => ({ data: objects(page * 100, page === 1 ? 100 : 40) }));
		expect(await zoho.pageThrough(request, { returnAll: true })).toHaveLength(140);
		expect(requests).toHaveLength(2);
	});

	it('fails with a clear error at the hard page cap when has_more never ends, never returning a cut list', async () => {
		const { zoho, requests } = scriptedContext((page) => ({ data: objects(page * 10, 1), has_more: true }));
		await expect(zoho.pageThrough(request, { returnAll: true })).rejects.toThrow(
			`Zoho Meeting announced more than ${MAX_PAGES} pages`,
		);
		expect(requests).toHaveLength(MAX_PAGES);
	});

	it('stops at once when a page repeats an earlier one, not only the one before', async () => {
		const { zoho, requests } = scriptedContext((page) => ({ data: objects(page % 2 === 0 ? 0 : 100, 100), has_more: true }));
		expect(await zoho.pageThrough(request, { returnAll: true })).toHaveLength(200);
		expect(requests).toHaveLength(3);
	});

	it('reads a page of 150,000 objects without overflowing the stack', async () => {
		const { zoho } = scriptedContext((page) => ({ data: page === 1 ? objects(0, 150_000) : [], has_more: false }));
		expect(await zoho.pageThrough(request, { returnAll: true })).toHaveLength(150_000);
	});
});
