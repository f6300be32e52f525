import { locator, useSandbox } from '../helpers/sandboxWorkflow';

/**
 * A user stops an execution: rate-limit waits, back-off sleeps, paging and downloads end
 * at once, and nothing more reaches Zoho after the stop. Each test stops a real workflow
 * the way the editor's Stop button does, mid-way through something long.
 */
const sandbox = useSandbox();

/** Resolves once the sandbox has seen `count` API requests (then a little later, so the node is inside its wait). */
async function afterRequests(count: number, settleMs = 100): Promise<void> {
	for (;;) {
		if ((await sandbox.admin.requests('api')).length >= count) break;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	await new Promise((resolve) => setTimeout(resolve, settleMs));
}

/** The requests of any origin that arrived after the stop. */
async function sentAfter(stoppedAt: number) {
	return (await sandbox.admin.requests()).filter((entry) => Date.parse(entry.time) > stoppedAt);
}

describe('stopping an execution', () => {
	it('ends a wait for the rate-limit window at once', async () => {
		await sandbox.admin.seed({ meetings: 2 });
		await sandbox.admin.injectFault({
			path: '^/api/v2/meetings$',
			// Retry-After alone: the account's budget (shared by every run of this process) is not told the window is spent.
			fault: { type: 'status', status: 429, code: 'RATE_LIMIT_EXCEEDED', headers: { 'Retry-After': '50' } },
		});

		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true }, { stopWhen: afterRequests(1) });

		expect(result.stoppedAt).toBeDefined();
		expect(result.settledAt - (result.stoppedAt as number)).toBeLessThan(1000);
		expect(await sentAfter(result.stoppedAt as number)).toEqual([]);
	});

	it('ends Return All over 10,000 objects part-way, sending no further page', async () => {
		await sandbox.admin.seed({ meetings: 10_000 });
		await sandbox.admin.configure({ latencyMs: 100 });

		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'getAll', returnAll: true, options: { parallelRequests: 4 } },
			{ stopWhen: afterRequests(6, 50) },
		);

		expect(result.settledAt - (result.stoppedAt as number)).toBeLessThan(1000);
		expect(await sentAfter(result.stoppedAt as number)).toEqual([]);
		expect((await sandbox.admin.requests('api')).length).toBeLessThan(100);
	});

	it('ends a 1 GiB download mid-stream, without starting it again', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ file_size: 1024 ** 3 }] });
		const started = afterRequests(1, 500);

		const result = await sandbox.runZoho(
			{ resource: 'recording', operation: 'download', recordingId: locator('id', recordings[0].recording_id) },
			{ stopWhen: started },
		);

		expect(result.settledAt - (result.stoppedAt as number)).toBeLessThan(1000);
		expect(await sentAfter(result.stoppedAt as number)).toEqual([]);
		expect((await sandbox.admin.requests('api')).length).toBe(1);
	});

	it('ends the back-off between retries of a failing GET', async () => {
		await sandbox.admin.injectFault({ path: '^/api/v2/meetings$', count: 10, fault: { type: 'status', status: 503 } });

		const result = await sandbox.runZoho({ resource: 'meeting', operation: 'getAll', returnAll: true }, { stopWhen: afterRequests(2) });

		expect(result.settledAt - (result.stoppedAt as number)).toBeLessThan(1000);
		expect(await sentAfter(result.stoppedAt as number)).toEqual([]);
	});
});
