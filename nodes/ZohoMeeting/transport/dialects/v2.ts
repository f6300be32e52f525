import type { IDataObject } from 'n8n-workflow';

import { zohoErrorOf } from '../errors';
import { isObject, type Dialect } from './dialect';

/**
 * The wire shape of the API contract (docs/api-contract.md): paths below `/api/v2`,
 * answers in the envelope `{status, data, pagination}`, `page`/`per_page` paging. n8n
 * refreshes the token on its 401 by itself.
 */
export const v2Dialect: Dialect = {
	shape: { api: 'v2' },
	translate: ({ method, path, qs, body, page }) => ({
		wire: {
			method,
			path: `/api/v2${path}`,
			qs: page ? { ...qs, page: page.number, per_page: page.size } : qs,
			body,
		},
	}),
	readData: (body) => (body.data ?? {}) as IDataObject,
	readPage(body) {
		if (!Array.isArray(body.data)) return undefined;
		const pagination = (body.pagination ?? {}) as { has_more?: unknown; total?: unknown };
		const total = Number(pagination.total);
		return {
			data: body.data as IDataObject[],
			hasMore: typeof pagination.has_more === 'boolean' ? pagination.has_more : undefined,
			total: Number.isInteger(total) && total >= 0 ? total : undefined,
		};
	},
	// An object whose `data`, if any, is an object or a list of objects: a number, a text or a
	// list holding anything else would become n8n items that are not objects.
	isAnswer(body) {
		if (!isObject(body)) return false;
		const { data } = body;
		return data === undefined || data === null || isObject(data) || (Array.isArray(data) && data.every(isObject));
	},
	readError: zohoErrorOf,
	tokenRejected: (_, error) => error?.code === 'INVALID_OAUTHTOKEN',
};
