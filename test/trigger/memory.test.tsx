import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { MAX_REMEMBERED } from '../../nodes/ZohoMeetingTrigger/pollState';
import { capturedLogs, clearCapturedLogs, connectedZohoCredential, runPoll, ZOHO_CREDENTIAL_TYPE } from '../harness';
import { emitted, HOUR_S, TRIGGER_TYPE, trigger, useSandbox, zohoTime } from './fixture';

/**
 * How much the trigger remembers: every object of the window, so that none is lost while
 * the window holds it, and never more than MAX_REMEMBERED, however much a server lists.
 */
const handle = useSandbox();

test('a recording still processing among 2,500 in the window is emitted once it is available', async () => {
	const now = (await handle.admin.clock()).nowMs;
	const { recordings } = await handle.admin.seed({
		recordings: [
			// The oldest of the window, its processing slow.
			{ start_time: zohoTime(now - 21 * HOUR_S * 1000), duration: 15, status: 'processing' },
			...Array.from({ length: 2_499 }, (_, i) => ({
				start_time: zohoTime(now - 20 * HOUR_S * 1000 + i * 25_000),
				duration: 15,
			})),
		],
	});
	const watcher = trigger(handle, 'recordingAvailable');
	expect((await watcher.poll()).items).toBeNull();

	await handle.admin.advanceClock(600);

	expect(emitted((await watcher.poll()).items).map((r) => r.recording_id)).toEqual([recordings[0].recording_id]);
	expect((await watcher.poll()).items).toBeNull();
	expect(Object.keys(watcher.state()?.seen ?? {})).toHaveLength(2_500);
});

/**
 * A server that answers every list request with one page of everything it holds: here
 * 150,001 completed meetings, one a second, the newest an hour old.
 */
async function bulkServer(count: number): Promise<{ url: string; meetings: IDataObject[]; server: Server }> {
	const newest = Date.now() - HOUR_S * 1000;
	const meetings: IDataObject[] = Array.from({ length: count }, (_, i) => {
		const start = newest - (count - 1 - i) * 1000;
		return {
			meeting_key: String(5_000_000 + i),
			topic: 'Bulk',
			start_time: zohoTime(start),
			status: 'completed',
			modified_time: zohoTime(start + 30 * 60_000),
		};
	});
	const server = createServer((_req, res) => {
		const body = JSON.stringify({
			status: 'success',
			data: meetings,
			pagination: { page: 1, per_page: meetings.length, has_more: false },
		});
		res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, meetings, server };
}

test('a page of 150,001 objects: Fetch Test Event answers, and the memory stays at its ceiling and says so', async () => {
	const bulk = await bulkServer(150_001);
	try {
		const ref = handle.credentials.create({
			type: ZOHO_CREDENTIAL_TYPE,
			data: connectedZohoCredential(bulk.url, { access_token: 'bulk-token' }),
		});
		const staticData: IDataObject = {};
		const poll = async (mode: 'trigger' | 'manual' = 'trigger') =>
			await runPoll({
				node: {
					name: 'Bulk',
					type: TRIGGER_TYPE,
					parameters: { event: 'meetingCompleted' },
					credentials: { [ZOHO_CREDENTIAL_TYPE]: ref },
				},
				mode,
				credentials: handle.credentials,
				staticData,
			});

		const [newest] = emitted((await poll('manual')).items);
		expect(newest.meeting_key).toBe(bulk.meetings[bulk.meetings.length - 1].meeting_key);

		clearCapturedLogs();
		expect((await poll()).items).toBeNull();
		const state = (staticData['node:Bulk'] as IDataObject).pollState as { seen: Record<string, number> };
		expect(Object.keys(state.seen)).toHaveLength(MAX_REMEMBERED);
		expect(capturedLogs()).toContainEqual(
			expect.objectContaining({
				level: 'warn',
				message: expect.stringMatching(/holds more than 50,000 objects.*will not start the workflow: shorten the Look-Back Window\.$/),
			}),
		);

		const fresh = { ...bulk.meetings[0], meeting_key: '9999999', start_time: zohoTime(Date.now() - 60_000) };
		bulk.meetings.push(fresh);
		expect(emitted((await poll()).items).map((m) => m.meeting_key)).toEqual(['9999999']);
	} finally {
		await new Promise((resolve) => bulk.server.close(resolve));
	}
});
