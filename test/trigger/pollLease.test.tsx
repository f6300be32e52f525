import type { IDataObject } from 'n8n-workflow';

import { holdsLease, releaseLease, takeLease } from '../../nodes/ZohoMeetingTrigger/pollLease';

const T0 = Date.parse('2025-12-15T14:00:00Z');
const BUDGET = 300_000;

describe('the poll lease', () => {
	test('one poll holds it until it releases it or the lease expires', () => {
		const staticData: IDataObject = {};
		const first = takeLease(staticData, T0, BUDGET);
		if (!('holder' in first)) throw new Error('the first poll must get the lease');
		expect(first.expired).toBeUndefined();
		expect(takeLease(staticData, T0 + 1_000, BUDGET)).toEqual({ heldBy: { holder: first.holder, until: T0 + BUDGET } });

		releaseLease(staticData, first.holder);
		expect(staticData).toEqual({});
		const second = takeLease(staticData, T0 + 2_000, BUDGET);
		expect('holder' in second && second.holder).not.toBe(first.holder);
	});

	test('an expired lease is taken over, and its holder can neither keep nor release it', () => {
		const staticData: IDataObject = {};
		const stalled = takeLease(staticData, T0, BUDGET) as { holder: string };
		const next = takeLease(staticData, T0 + BUDGET, BUDGET);
		expect(next).toEqual({ holder: expect.any(String), expired: { holder: stalled.holder, until: T0 + BUDGET } });

		expect(holdsLease(staticData, stalled.holder)).toBe(false);
		releaseLease(staticData, stalled.holder);
		expect(holdsLease(staticData, (next as { holder: string }).holder)).toBe(true);
	});

	test('a lease ending more than an hour ahead, or damaged, does not block', () => {
		for (const pollLease of [{ holder: 'x', until: T0 + 2 * 3_600_000 }, { holder: 7, until: 'soon' }, 'held']) {
			const staticData: IDataObject = { pollLease } as IDataObject;
			expect('holder' in takeLease(staticData, T0, BUDGET)).toBe(true);
		}
	});
});
