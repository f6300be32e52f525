/**
 * The package in n8n's queue mode (scripts/n8n/queue.tsx): Redis, PostgreSQL, a main process
 * and two `n8n worker` processes, each n8n with the package in its own user folder. One
 * stack for the whole file, started once; the tests run in order and the last one kills a
 * worker.
 *
 * Workers run one execution at a time (`--concurrency=1`), so two executions started
 * together are certain to run on different workers. Bull's lock on a job is shortened from
 * 60 s to 20 s (renewed every 2 s) and its stalled-job check from 30 s to 5 s, so that the
 * killed worker's execution is settled in seconds instead of a minute and a half; n8n's
 * behaviour is otherwise its default.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';

import { type Execution, itemsOf, N8nRestClient, outputOf } from '../../scripts/n8n/n8n';
import { waitFor } from '../../scripts/n8n/processes';
import { startQueueStack, type QueueStack } from '../../scripts/n8n/queue';
import { webhookWorkflow, WebhookRunner, type ExecutionSummary } from '../../scripts/n8n/webhooks';
import type { SandboxAdmin } from '../../sandbox/client';
import { recordingChunk } from '../../sandbox/recordingBytes';
import { deployWorkload, QUEUE_WORKLOAD, runRateLimitedWorkload } from '../helpers/queueWorkload';
import { everyResourceJob } from './everyResource';
import { pollNow, recordingListRequests, waitForPoll } from './polling';
import { E2E_DIR, byId, triggerWorkflow, zohoNode } from './stack';

const log = (line: string) => console.log(`[queue] ${line}`);
const MiB = 1024 * 1024;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

let queue: QueueStack;
let runner: WebhookRunner;
let admin: SandboxAdmin;
const started = Date.now();

beforeAll(async () => {
	queue = await startQueueStack({
		dir: path.join(E2E_DIR, 'queue'),
		workers: 2,
		concurrency: 1,
		env: { QUEUE_WORKER_LOCK_DURATION: '20000', QUEUE_WORKER_LOCK_RENEW_TIME: '2000', QUEUE_WORKER_STALLED_INTERVAL: '5000' },
		log,
	});
	runner = new WebhookRunner(queue);
	admin = queue.sandbox.admin;
	log(`queue stack ready in ${Math.round((Date.now() - started) / 1000)} s: main ${queue.n8n.url}, workers ${queue.workers.map((w) => w.name).join(', ')}`);
}, 420_000);

afterAll(async () => {
	await queue?.stop();
	log(`queue-mode tests took ${Math.round((Date.now() - started) / 1000)} s in all, stack start and stop included`);
}, 120_000);

/** The worker that ran an execution; fails unless exactly one worker's log says it started it. */
function workerOf(executionId: string): string {
	const claimed = queue.workersThatRan(executionId);
	expect(claimed.map((worker) => worker.name)).toHaveLength(1);
	return claimed[0].name;
}

test('the every-resource workflow runs on a worker', async () => {
	await admin.reset();
	const job = await everyResourceJob(admin);
	const workflow = webhookWorkflow('queueEveryResource', 'Queue mode: every other resource', job.nodes);
	await runner.deploy([workflow]);

	const { executionId } = await runner.run(workflow, {});

	job.check(await runner.execution(executionId));
	log(`every-resource execution ${executionId} ran on ${workerOf(executionId)}`);
});

/** SHA-256 of the recording's bytes as the sandbox defines them. */
function recordingHash(recordingId: string, size: number): string {
	const hash = createHash('sha256');
	for (let offset = 0; offset < size; offset += 8 * MiB) hash.update(recordingChunk(recordingId, offset, Math.min(8 * MiB, size - offset)));
	return hash.digest('hex');
}

test('a 256 MiB recording downloaded on a worker is read back byte for byte by the next node and by main', async () => {
	const size = 256 * MiB;
	await admin.reset({ limits: { perWindow: 1_000_000, perDay: 1_000_000 } });
	const { recordings } = await admin.seed({ recordings: [{ file_size: size, status: 'available', duration: 60 }] });
	const recording = recordings[0];
	const workflow = webhookWorkflow('queueDownload', 'Queue mode: download and hash a recording', [
		zohoNode('Download Recording', {
			resource: 'recording',
			operation: 'download',
			recordingId: byId('={{ $json.body.recordingId }}'),
			binaryPropertyName: 'data',
		}),
		{
			name: 'Hash',
			type: 'n8n-nodes-base.crypto',
			typeVersion: 1,
			parameters: { action: 'hash', binaryData: true, binaryPropertyName: 'data', type: 'SHA256', dataPropertyName: 'sha256', encoding: 'hex' },
		},
	]);
	await runner.deploy([workflow]);

	const { executionId, executionMs } = await runner.run(workflow, { recordingId: recording.recording_id });

	const execution = await runner.execution(executionId);
	const file = itemsOf(execution, 'Download Recording')[0].binary?.data;
	// The item holds a reference to a file in the folder main and both workers share (see
	// QueueBinaryDataMode in scripts/n8n/queue.tsx for why not queue mode's default, database).
	expect(queue.binaryDataMode).toBe('filesystem');
	const relative = String(file?.id).match(/^filesystem(?:-v2)?:(.+)$/)?.[1];
	expect(relative).toBeDefined();
	expect(statSync(path.join(queue.binaryDataFolder as string, relative as string)).size).toBe(size);
	const expected = recordingHash(recording.recording_id, size);
	// The Hash node read the file back, on the worker, from n8n's binary data store.
	expect(outputOf(execution, 'Hash')[0].sha256).toBe(expected);

	// Main, another process, serves the same file to the editor from PostgreSQL.
	const response = await queue.n8n.fetchRaw(`/rest/binary-data?id=${encodeURIComponent(String(file?.id))}&action=download`);
	const hash = createHash('sha256');
	let bytes = 0;
	for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
		hash.update(chunk);
		bytes += chunk.length;
	}
	expect(bytes).toBe(size);
	expect(hash.digest('hex')).toBe(expected);
	log(`256 MiB download (binary data mode "${queue.binaryDataMode}", id ${file?.id}) ran on ${workerOf(executionId)} in ${(executionMs / 1000).toFixed(1)} s; SHA-256 matches on the worker and through main`);
}, 300_000);

test('the trigger on main emits each new recording once while both workers run, and after main restarts', async () => {
	const WORKFLOW_ID = 'queueTrigger';
	await admin.reset();
	const rest = (): N8nRestClient => queue.n8n;
	const emitted = async (): Promise<Array<{ id: string; recordings: unknown[] }>> => {
		const runs = await runner.executions(WORKFLOW_ID);
		const finished = runs.filter((run: ExecutionSummary) => run.stoppedAt);
		if (finished.length !== runs.length) throw new Error('an execution is still running');
		const result = [];
		for (const run of finished.reverse()) {
			const execution: Execution = await runner.execution(run.id);
			result.push({ id: run.id, recordings: outputOf(execution, 'Zoho Meeting Trigger').map((r) => r.recording_id) });
		}
		return result;
	};
	const waitForExecutions = (count: number) =>
		waitFor(`${count} trigger execution(s)`, async () => {
			const runs = await emitted().catch(() => undefined);
			return runs && runs.length >= count ? runs : undefined;
		}, { timeoutMs: 60_000, intervalMs: 500 });

	const { recordings: [first] } = await admin.seed({
		recordings: [{ topic: 'Queue: first', start_time: hoursAgo(2), duration: 30, status: 'processing' }],
	});
	await queue.cli.importWorkflows([
		triggerWorkflow(WORKFLOW_ID, 'Queue mode: new recording trigger', {
			event: 'recordingAvailable',
			pollTimes: { item: [{ mode: 'everyHour', minute: 0 }] },
		}),
	]);
	await pollNow(rest(), admin, WORKFLOW_ID);
	await admin.advanceClock(301);
	await pollNow(rest(), admin, WORKFLOW_ID);
	const [one] = await waitForExecutions(1);
	expect(one.recordings).toEqual([first.recording_id]);

	// A second recording becomes available; main is restarted before any poll sees it.
	await pollNow(rest(), admin, WORKFLOW_ID);
	const { recordings: [second] } = await admin.seed({
		recordings: [{ topic: 'Queue: second', start_time: hoursAgo(1), duration: 30, status: 'processing' }],
	});
	await admin.advanceClock(301);
	const before = await recordingListRequests(admin);
	await queue.restartMain();
	// Main activates the published workflow at start, which polls with the state it reads
	// back from PostgreSQL: the first recording is known, the second is new.
	await waitForPoll(admin, before, 'the poll of main after its restart');
	await waitForExecutions(2);
	await pollNow(rest(), admin, WORKFLOW_ID);
	await pollNow(rest(), admin, WORKFLOW_ID);

	const runs = await emitted();
	expect(runs.map((run) => run.recordings)).toEqual([[first.recording_id], [second.recording_id]]);
	const workers = runs.map((run) => workerOf(run.id));
	await rest().rest('POST', `/rest/workflows/${WORKFLOW_ID}/deactivate`, {});
	log(`trigger executions ${runs.map((run, i) => `${run.id} (${workers[i]})`).join(', ')}: each recording once, across a restart of main`);
}, 300_000);

test('two executions of 300 items on the two workers share one account limited to 20 calls per 2 s', async () => {
	await deployWorkload(runner, 2);

	const result = await runRateLimitedWorkload(queue, runner, 2);

	const { items, perWindow, windowSeconds } = QUEUE_WORKLOAD;
	log(
		`2 × ${items} Get Meeting at ${perWindow} calls per ${windowSeconds} s: ` +
			`executions ${result.executions.map((e) => `${e.id} on ${e.worker} (${e.status}, ${e.failed} failed)`).join(', ')}; ` +
			`${result.counted} calls counted in ${result.windows.length} windows (${(result.windowRatio * perWindow).toFixed(1)} per window of ${perWindow}), ` +
			`${result.refused} answered 429 (${(result.refusedShare * 100).toFixed(1)} % of the calls on the wire), ${result.failed} failed items, ${result.seconds.toFixed(0)} s` +
			(result.executions.find((e) => e.firstError) ? `; first error: ${result.executions.find((e) => e.firstError)?.firstError}` : ''),
	);
	expect(result.executions.map((e) => e.status)).toEqual(['success', 'success']);
	expect(new Set(result.executions.map((e) => e.worker)).size).toBe(2);
	expect(result.executions.every((e) => e.worker)).toBe(true);
	expect(result.failed).toBe(0);
	expect(result.executions.every((e) => e.inOrder)).toBe(true);
	// Every meeting was fetched once: a 429 is retried, an answered call never is.
	expect(result.counted).toBe(2 * items);
	expect(result.fetchedTwice).toBe(0);
	// The sandbox refuses what is over the limit, so no window can hold more.
	expect(Math.max(...result.windows)).toBeLessThanOrEqual(perWindow);
}, 600_000);

test('a worker killed in the middle of 200 creates: n8n fails the execution, the node sent no create twice', async () => {
	const creates = 200;
	await admin.reset({ latencyMs: 50, limits: { perWindow: 20, windowSeconds: 2, perDay: 1_000_000 } });
	const workflow = webhookWorkflow(
		'queueKill',
		'Queue mode: 200 creates, worker killed',
		[
			{
				name: 'Split Out Items',
				type: 'n8n-nodes-base.splitOut',
				parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
			},
			zohoNode('Create Meeting', {
				resource: 'meeting',
				operation: 'create',
				topic: '={{ $json.topic }}',
				startTime: '={{ $json.start }}',
				duration: 30,
				timezone: 'UTC',
			}),
		],
		'onReceived',
	);
	await runner.deploy([workflow]);
	const day = Date.UTC(2099, 0, 1, 9);
	const topics = Array.from({ length: creates }, (_, i) => `Queue kill ${i + 1}`);
	const items = topics.map((topic, i) => ({ topic, start: new Date(day + i * 3_600_000).toISOString().replace('.000Z', 'Z') }));
	const createsSent = async () =>
		(await admin.requests('api')).filter((r) => r.method === 'POST' && r.path === '/api/v2/meetings');

	await runner.post(workflow, { items });
	// At 20 calls per 2 s the 200 creates take half a minute; kill once a quarter is done.
	await waitFor('50 creates', async () => ((await createsSent()).filter((r) => r.status !== 429).length >= 50 ? true : undefined), {
		timeoutMs: 60_000,
		intervalMs: 100,
	});
	const [running] = await runner.executions(workflow.id);
	const victimName = workerOf(running.id);
	const victim = queue.workers.find((worker) => worker.name === victimName)!;
	const survivor = queue.workers.find((worker) => worker !== victim)!;
	const killedAt = Date.now();
	await victim.kill();
	const atKill = (await createsSent()).length;

	const summary = await runner.finishedExecution(workflow, 120_000);
	const settledSeconds = (Date.now() - killedAt) / 1000;
	const execution = await runner.execution(summary.id);
	const sent = await createsSent();
	const accepted = sent.filter((r) => r.status !== 429);
	const perTopic = new Map<string, number>();
	for (const request of accepted) {
		const topic = String((request.body as { topic?: string }).topic);
		perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
	}
	const state = await admin.state();
	log(
		`killed ${victimName} (SIGKILL) during execution ${summary.id} after ${accepted.length} creates were answered; ` +
			`n8n marked it "${summary.status}" ${settledSeconds.toFixed(0)} s later: "${execution.data.resultData.error?.message}"; ` +
			`workers that started it: ${queue.workersThatRan(summary.id).map((w) => w.name).join(', ')} (${survivor.name} survived); ` +
			`${sent.length - atKill} creates reached the sandbox after the kill; ` +
			`the sandbox holds ${state.meetings} meetings, no topic created twice`,
	);

	expect(summary.id).toBe(running.id);
	// The job's lock ran out, the surviving worker's stalled-job check found it, and n8n,
	// which sets Bull's maxStalledCount to 0 (scaling.service.ts), fails it instead of
	// running it again: the execution ends in error and no worker starts it anew.
	expect(summary.status).toBe('error');
	expect(execution.data.resultData.error?.message).toMatch(/failed to be processed too many times/);
	expect(queue.workersThatRan(summary.id)).toEqual([victim]);
	expect(sent.length - atKill).toBe(0);
	// The node never sent a create twice: every accepted create has its own topic, and the
	// sandbox holds exactly those meetings. The rest were never sent.
	expect([...perTopic.values()].every((count) => count === 1)).toBe(true);
	expect(state.meetings).toBe(perTopic.size);
	expect(perTopic.size).toBeLessThan(creates);
}, 300_000);
