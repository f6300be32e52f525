/**
 * Rate-limited throughput: many Get Meeting items against a rate limit compressed from
 * Zoho's per-minute windows to a few seconds, so that the run takes half a minute. The node
 * must use each window's calls and never let a 429 reach the user.
 */
import { callsPerWindow } from '../test/helpers/rateLimitWindows';
import type { SandboxSession } from '../test/helpers/sandboxWorkflow';
import { locator, ZOHO_NODE_NAME } from '../test/helpers/sandboxWorkflow';
import { formatValue, type Section } from './report';

export const THROUGHPUT = { items: 300, perWindow: 20, windowSeconds: 2, latencyMs: 50 };

export async function measureThroughput(session: SandboxSession, log: (line: string) => void): Promise<Section> {
	const { items, perWindow, windowSeconds, latencyMs } = THROUGHPUT;
	await session.admin.reset({ latencyMs });
	const { meetings } = await session.admin.seed({ meetings: items });
	await session.admin.setLimits({ perWindow, windowSeconds });
	await session.admin.clearRequests();
	log(`${items} × Get Meeting at ${perWindow} calls per ${windowSeconds} s, ${latencyMs} ms latency`);

	const started = performance.now();
	const result = await session.runZoho(
		{ resource: 'meeting', operation: 'get', meetingKey: locator('id', '={{ $json.key }}') },
		{ items: meetings.map((meeting) => ({ key: meeting.meeting_key })), continueOnFail: true },
	);
	const seconds = (performance.now() - started) / 1000;
	if (result.error) throw new Error(`rate-limited run failed: ${result.error.message}`);

	const output = result.output(ZOHO_NODE_NAME);
	const failed = output.filter((item) => item.json.error !== undefined);
	const rateLimitErrors = failed.filter((item) => /429|RATE_LIMIT/.test(JSON.stringify(item.json)));
	const inOrder = output.every((item, i) => item.json.meeting_key === meetings[i].meeting_key);
	if (!inOrder && failed.length === 0) throw new Error('rate-limited run: output not in input order');

	const requests = (await session.admin.requests('api')).filter((r) => r.path.startsWith('/api/v2/meetings/'));
	const counted = requests.filter((r) => r.status !== 429);
	const refused = requests.length - counted.length;
	const windows = callsPerWindow(counted, windowSeconds);
	const perWindowAchieved = counted.length / windows.length;
	const windowRatio = perWindowAchieved / perWindow;
	const spanSeconds = (Date.parse(counted[counted.length - 1].time) - Date.parse(counted[0].time)) / 1000;
	// Every client's first window is a free burst; the sustained rate is what follows it.
	const sustained = (counted.length - windows[0]) / spanSeconds;
	const nominal = perWindow / windowSeconds;
	// The reset header counts whole seconds and a window opens with the call that follows
	// it, so a client that waits for the announced reset starts a window every W + 1 s.
	const headerBound = perWindow / (windowSeconds + 1);

	const figures = {
		windowRatio,
		failed: failed.length,
		userRateLimited: rateLimitErrors.length,
		refused,
		sustained,
	};
	log(
		`${counted.length} calls in ${windows.length} windows (${windows.join(', ')}), ${refused} answered 429, ` +
			`${failed.length} failed items, ${seconds.toFixed(1)} s, sustained ${sustained.toFixed(2)} calls/s`,
	);

	return {
		title: '4. Rate-limited throughput',
		columns: ['Figure', 'Measured'],
		rows: [
			{
				cells: ['Calls per rate-limit window ÷ calls allowed per window', `${formatValue(perWindowAchieved, '')} ÷ ${perWindow} = ${formatValue(windowRatio, 'ratio')}`],
				goal: '≥ 0.90',
				met: windowRatio >= 0.9,
			},
			{ cells: ['Failed items', String(failed.length)], goal: '0', met: failed.length === 0 },
			{ cells: ['429 errors reaching the user', String(rateLimitErrors.length)], goal: '0', met: rateLimitErrors.length === 0 },
			{ cells: ['429 answers on the wire (waited out by the node)', String(refused)], goal: '—' },
			{ cells: ['Output in input order', inOrder ? 'yes' : 'no'], goal: 'yes', met: inOrder },
			{
				cells: [
					'Sustained rate after the first window (wall clock)',
					`${formatValue(sustained, 'calls/s')}, ${formatValue(sustained / nominal, 'ratio')} of the nominal ${formatValue(nominal, 'calls/s')}; ${formatValue(sustained / headerBound, 'ratio')} of the ${formatValue(headerBound, 'calls/s')} possible when waiting for whole-second resets`,
				],
				goal: '—',
			},
			{ cells: ['Wall time of the run', formatValue(seconds, 's')], goal: '—' },
		],
		figures: [
			{ key: 'throughput.windowRatio', label: 'Rate-limited: calls per window ÷ allowed', value: figures.windowRatio, unit: 'ratio', goal: '≥ 0.90', met: windowRatio >= 0.9 },
			{ key: 'throughput.failed', label: 'Rate-limited: failed items', value: figures.failed, unit: '', goal: '0', met: failed.length === 0 },
			{ key: 'throughput.userRateLimited', label: 'Rate-limited: 429s reaching the user', value: figures.userRateLimited, unit: '', goal: '0', met: rateLimitErrors.length === 0 },
			{ key: 'throughput.refused', label: 'Rate-limited: 429 answers on the wire', value: figures.refused, unit: '' },
			{ key: 'throughput.seconds', label: 'Rate-limited: wall time of the run', value: seconds, unit: 's' },
		],
		how: [
			`In-process (\`test/harness\`) against the sandbox with ${latencyMs} ms latency and its rate limit set to ${perWindow} calls per ${windowSeconds}-second window (Zoho's Free plan, 20 calls a minute, 30 times faster): ${items} input items, each getting a different meeting, with Continue On Fail on so that a failed item shows up as an error item instead of stopping the run. The node's default options are used.`,
			`The sandbox opens a window with the first call after the previous window ended and refuses calls beyond the limit with 429 (\`sandbox/rateLimit.tsx\`). The windows are rebuilt from the sandbox's request log (real timestamps): calls per window = counted calls ÷ windows used. An ideal client fills every window: ${items} ÷ ${perWindow} = ${Math.ceil(items / perWindow)} windows.`,
			`Why the wall-clock rate is lower than the nominal ${nominal} calls/s: \`X-RateLimit-Reset\` is in whole epoch seconds (spec "Rate Limit Headers"), rounded up by the sandbox, and the next window opens only with the next call. A client that never calls before the announced reset therefore starts a window at best every ${windowSeconds} + 1 s (${formatValue(headerBound, 'calls/s')} here). With Zoho's real one-minute windows that second costs under 2 %; compressed to ${windowSeconds} s it costs a third. Calling before the announced reset would buy the time back only by risking 429s, which the node does not do.`,
		],
	};
}
