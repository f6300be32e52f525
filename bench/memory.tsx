/**
 * Memory of a large download in real n8n: the n8n server's peak resident memory above
 * its idle level while the node streams a recording into n8n's binary data on disk.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

import type { BinaryRef } from '../scripts/n8n/n8n';
import { sleep } from '../scripts/n8n/processes';
import { BenchN8n, HTTP_REQUEST, memoryOf, resetPeak, webhookWorkflow, withCredential, ZOHO_MEETING } from './n8n';
import { formatValue, mib, type Figure, type Section } from './report';

const MiB = 1024 * 1024;
const sizeLabel = (bytes: number) => (bytes >= 1024 * MiB ? `${bytes / (1024 * MiB)} GiB` : `${mib(bytes)} MiB`);
const SIZES = [256 * MiB, 1024 * MiB];
const RUNS = 3;
const GOAL_MIB = 64;

/** Where n8n put a binary in filesystem mode (`filesystem-v2:<path under .n8n/storage>`). */
function binaryFile(n8n: BenchN8n, ref: BinaryRef): string {
	const match = ref.id?.match(/^filesystem(?:-v2)?:(.+)$/);
	if (!match) throw new Error(`binary data is not on disk: ${JSON.stringify(ref).slice(0, 200)}`);
	const n8nFolder = path.join(n8n.stack.cli.userFolder, '.n8n');
	const file = ['storage', 'binaryData'].map((dir) => path.join(n8nFolder, dir, match[1])).find((f) => existsSync(f));
	if (!file) throw new Error(`binary data ${ref.id} is not under ${n8nFolder}`);
	return file;
}

/** RSS once n8n is quiet: the lowest of a few samples over a second. */
async function idleRss(pid: number): Promise<number> {
	await sleep(2_000);
	let lowest = Infinity;
	for (let i = 0; i < 5; i++) {
		lowest = Math.min(lowest, memoryOf(pid).rss);
		await sleep(200);
	}
	return lowest;
}

interface Download {
	size: number;
	growth: number;
	seconds: number;
}

export async function measureMemory(n8n: BenchN8n, log: (line: string) => void): Promise<Section> {
	await n8n.admin.reset({ limits: { perWindow: 1e9, perDay: 1e9 } });
	const { recordings } = await n8n.admin.seed({
		recordings: [64 * MiB, ...SIZES].map((size) => ({ file_size: size, status: 'available' as const, duration: 60 })),
	});
	const [warmUp, ...large] = recordings;
	const zohoWorkflow = webhookWorkflow('benchMemZoho', 'Bench memory: Zoho Meeting', [
		withCredential({
			name: 'Download Recording',
			type: ZOHO_MEETING,
			parameters: {
				resource: 'recording',
				operation: 'download',
				recordingId: { __rl: true, mode: 'id', value: '={{ $json.body.recordingId }}' },
				binaryPropertyName: 'data',
			},
		}),
	]);
	const httpWorkflow = webhookWorkflow('benchMemHttp', 'Bench memory: HTTP Request', [
		withCredential({
			name: 'HTTP Request',
			type: HTTP_REQUEST,
			typeVersion: 4.2,
			parameters: {
				method: 'GET',
				url: `={{ "${n8n.sandboxUrl}/api/v2/recordings/" + $json.body.recordingId + "/download" }}`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'zohoMeetingOAuth2Api',
				options: { response: { response: { responseFormat: 'file', outputPropertyName: 'data' } } },
			},
		}),
	]);
	await n8n.deploy([zohoWorkflow, httpWorkflow]);

	const download = async (workflow: typeof zohoWorkflow, node: string, recordingId: string, size: number): Promise<Download> => {
		const baseline = await idleRss(n8n.pid);
		resetPeak(n8n.pid);
		const timed = await n8n.run(workflow, { recordingId });
		const { peak } = memoryOf(n8n.pid);
		const execution = await n8n.execution(timed.executionId);
		const item = execution.data.resultData.runData[node]?.[0]?.data?.main?.[0]?.[0];
		const file = binaryFile(n8n, item?.binary?.data as BinaryRef);
		const written = statSync(file).size;
		rmSync(file, { force: true });
		await n8n.deleteExecutions([timed.executionId]);
		if (written !== size) throw new Error(`download of ${size} bytes wrote ${written}`);
		return { size, growth: Math.max(0, peak - baseline), seconds: timed.executionMs / 1000 };
	};

	const measure = async (workflow: typeof zohoWorkflow, node: string, label: string) => {
		// A first large download grows n8n's heaps and buffer pools once; that is not per file.
		await download(workflow, node, warmUp.recording_id, warmUp.file_size);
		const bySize: Download[][] = [];
		for (const [i, size] of SIZES.entries()) {
			const runs: Download[] = [];
			for (let run = 0; run < RUNS; run++) {
				runs.push(await download(workflow, node, large[i].recording_id, size));
				log(`${label}, ${sizeLabel(size)}: peak RSS +${mib(runs[run].growth).toFixed(1)} MiB in ${runs[run].seconds.toFixed(1)} s`);
			}
			bySize.push(runs);
		}
		return bySize;
	};
	const node = await measure(zohoWorkflow, 'Download Recording', 'Zoho Meeting node');
	const reference = await measure(httpWorkflow, 'HTTP Request', 'HTTP Request node');

	const worst = (runs: Download[]) => Math.max(...runs.map((run) => mib(run.growth)));
	const listed = (runs: Download[]) => runs.map((run) => mib(run.growth).toFixed(1)).join(', ');
	const seconds = (runs: Download[]) => runs.map((run) => run.seconds).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
	const extra = worst(node[1]) - worst(node[0]);
	const figures: Figure[] = SIZES.map((size, i) => ({
		key: `memory.${mib(size)}MiB`,
		label: `Download of ${sizeLabel(size)}: peak RSS above idle`,
		value: worst(node[i]),
		unit: 'MiB',
		goal: `< ${GOAL_MIB} MiB`,
		met: worst(node[i]) < GOAL_MIB,
	}));
	return {
		title: '3. Memory of a recording download',
		columns: ['Download', 'Peak RSS of n8n above idle', 'Time'],
		rows: [
			...SIZES.map((size, i) => ({
				cells: [`Zoho Meeting node, ${sizeLabel(size)} recording`, `${formatValue(worst(node[i]), 'MiB')} (runs: ${listed(node[i])})`, formatValue(seconds(node[i]), 's')],
				goal: `< ${GOAL_MIB} MiB`,
				met: worst(node[i]) < GOAL_MIB,
			})),
			{
				cells: [`Extra peak for a 4 × larger file (${sizeLabel(SIZES[1])} − ${sizeLabel(SIZES[0])})`, formatValue(extra, 'MiB'), '—'],
				goal: 'none beyond noise (constant in the file size)',
				met: extra < 16,
			},
			...SIZES.map((size, i) => ({
				cells: [`For reference: HTTP Request node (response format File), ${sizeLabel(size)}`, `${formatValue(worst(reference[i]), 'MiB')} (runs: ${listed(reference[i])})`, formatValue(seconds(reference[i]), 's')],
				goal: '—',
			})),
		],
		figures,
		how: [
			`In real n8n started with \`N8N_DEFAULT_BINARY_DATA_MODE=filesystem\` (n8n keeps binary data in files under \`.n8n/storage\`). The sandbox serves recordings of ${SIZES.map(sizeLabel).join(' and ')} (bytes generated as they are sent); a production webhook workflow downloads one with Recording › Download. Before each download n8n's idle RSS is read (the lowest of five samples after two quiet seconds) and the kernel's peak-RSS counter of the n8n process is reset (\`/proc/<pid>/clear_refs\`); afterwards the peak (\`VmHWM\`) is read, so no spike between samples is missed. Each size is downloaded ${RUNS} times; the largest growth is the figure, every run is listed. The file n8n wrote is checked to have exactly the recording's size.`,
			'Before the measured runs, each side downloads a 64 MiB recording once: the first large download grows n8n\'s heaps once, whatever the file size. The HTTP Request node rows download the same recordings in the same n8n, for comparison.',
		],
	};
}
