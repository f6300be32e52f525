/**
 * Speed against the hand-built alternative: the same three jobs done in real n8n by the
 * Zoho Meeting node and by n8n's HTTP Request node (with the same credential as a
 * predefined credential type), against the same sandbox data with 50 ms of latency on
 * every API response.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { WorkflowFile } from '../scripts/n8n/n8n';
import { CREDENTIAL_TYPE } from '../scripts/n8n/stack';
import { DEFAULT_PARALLEL_REQUESTS } from '../nodes/ZohoMeeting/actions/router';
import { BenchN8n, HTTP_REQUEST, SPLIT_OUT, type Timed, webhookWorkflow, withCredential, ZOHO_MEETING, type NodeSpec } from './n8n';
import { formatValue, type Figure, type Section } from './report';

export const SPEED = { latencyMs: 50, meetings: 10_000, gets: 500, creates: 200 };

/** Half the default: shows why the default is what it is. */
const VARIANT_PARALLEL = DEFAULT_PARALLEL_REQUESTS / 2;

/** The node with its defaults, the HTTP Request node, and the node with fewer Parallel Requests. */
type Side = 'zoho' | 'http' | 'variant';

interface Job {
	key: 'a' | 'b' | 'c';
	label: string;
	/** Prepares the sandbox; returns the webhook body. */
	prepare(n8n: BenchN8n): Promise<unknown>;
	workflows: Record<'zoho' | 'http', WorkflowFile>;
	/** Also run the node with VARIANT_PARALLEL Parallel Requests. */
	variant: boolean;
	/** The node whose output is the job's result. */
	last: Record<'zoho' | 'http', string>;
	/** Throws unless the result is right: every object, in order, paired with its input. */
	check(side: Side, items: OutputItem[], body: unknown): void;
}

interface OutputItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

const splitItems: NodeSpec = {
	name: 'Split Out Items',
	type: SPLIT_OUT,
	parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
};

/** The HTTP Request node as a user sets it up for this API: predefined credential type, JSON. */
function httpRequest(name: string, parameters: INodeParameters): NodeSpec {
	return withCredential({
		name,
		type: HTTP_REQUEST,
		typeVersion: 4.2,
		parameters: { authentication: 'predefinedCredentialType', nodeCredentialType: CREDENTIAL_TYPE, ...parameters },
	});
}

const zoho = (name: string, parameters: INodeParameters): NodeSpec =>
	withCredential({ name, type: ZOHO_MEETING, parameters });

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const inputIndex = (item: OutputItem) => (Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : item.pairedItem?.item);

function expectSequence(what: string, actual: unknown[], expected: unknown[]): void {
	if (actual.length !== expected.length) throw new Error(`${what}: ${actual.length} items, expected ${expected.length}`);
	const wrong = actual.findIndex((value, i) => value !== expected[i]);
	if (wrong !== -1) throw new Error(`${what}: item ${wrong} is ${String(actual[wrong])}, expected ${String(expected[wrong])}`);
}

function jobs(sandboxUrl: string): Job[] {
	const api = `${sandboxUrl}/api/v2`;
	let listed: string[] = [];
	return [
		{
			key: 'a',
			label: `(a) Return All over ${SPEED.meetings.toLocaleString('en-US')} meetings`,
			async prepare(n8n) {
				for (let seeded = 0; seeded < SPEED.meetings; seeded += 2_000) await n8n.admin.seed({ meetings: 2_000 });
				return {};
			},
			workflows: {
				zoho: webhookWorkflow('benchAZoho', 'Bench (a): Zoho Meeting', [
					zoho('Get Many Meetings', { resource: 'meeting', operation: 'getAll', returnAll: true }),
				]),
				http: webhookWorkflow('benchAHttp', 'Bench (a): HTTP Request', [
					httpRequest('HTTP Request', {
						method: 'GET',
						url: `${api}/meetings`,
						sendQuery: true,
						queryParameters: { parameters: [{ name: 'per_page', value: '100' }] },
						options: {
							pagination: {
								pagination: {
									paginationMode: 'updateAParameterInEachRequest',
									parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
									paginationCompleteWhen: 'other',
									completeExpression: '={{ !$response.body.pagination.has_more }}',
								},
							},
						},
					}),
					{ name: 'Split Out Meetings', type: SPLIT_OUT, parameters: { fieldToSplitOut: 'data', include: 'noOtherFields', options: {} } },
				]),
			},
			variant: false,
			last: { zoho: 'Get Many Meetings', http: 'Split Out Meetings' },
			check(side, items) {
				const keys = items.map((item) => String(item.json.meeting_key));
				if (new Set(keys).size !== SPEED.meetings) throw new Error(`(a) ${side}: ${new Set(keys).size} distinct meetings`);
				if (listed.length) expectSequence(`(a) ${side}`, keys, listed);
				listed = keys;
			},
		},
		{
			key: 'b',
			label: `(b) ${SPEED.gets} items, each Get Meeting`,
			async prepare(n8n) {
				const { meetings } = await n8n.admin.seed({ meetings: SPEED.gets });
				return { items: meetings.map((meeting) => ({ key: meeting.meeting_key })) };
			},
			workflows: {
				zoho: webhookWorkflow('benchBZoho', 'Bench (b): Zoho Meeting', [
					splitItems,
					zoho('Get Meeting', { resource: 'meeting', operation: 'get', meetingKey: byId('={{ $json.key }}') }),
				]),
				http: webhookWorkflow('benchBHttp', 'Bench (b): HTTP Request', [
					splitItems,
					httpRequest('HTTP Request', { method: 'GET', url: `={{ "${api}/meetings/" + $json.key }}`, options: {} }),
				]),
			},
			variant: true,
			last: { zoho: 'Get Meeting', http: 'HTTP Request' },
			check(side, items, body) {
				const keys = (body as { items: Array<{ key: string }> }).items.map((item) => item.key);
				const got = items.map((item) => String(side !== 'http' ? item.json.meeting_key : (item.json.data as { meeting_key: string }).meeting_key));
				expectSequence(`(b) ${side} meeting keys`, got, keys);
				expectSequence(`(b) ${side} pairedItem`, items.map(inputIndex), keys.map((_, i) => i));
			},
		},
		{
			key: 'c',
			label: `(c) ${SPEED.creates} items, each Create Meeting`,
			async prepare() {
				const day = Date.UTC(2099, 0, 1, 9);
				return {
					items: Array.from({ length: SPEED.creates }, (_, i) => ({
						topic: `Bench meeting ${i + 1}`,
						start: new Date(day + i * 3_600_000).toISOString().replace('.000Z', 'Z'),
					})),
				};
			},
			workflows: {
				zoho: webhookWorkflow('benchCZoho', 'Bench (c): Zoho Meeting', [
					splitItems,
					zoho('Create Meeting', {
						resource: 'meeting',
						operation: 'create',
						topic: '={{ $json.topic }}',
						startTime: '={{ $json.start }}',
						duration: 30,
						timezone: 'UTC',
					}),
				]),
				http: webhookWorkflow('benchCHttp', 'Bench (c): HTTP Request', [
					splitItems,
					httpRequest('HTTP Request', {
						method: 'POST',
						url: `${api}/meetings`,
						sendBody: true,
						contentType: 'json',
						specifyBody: 'json',
						jsonBody: '={{ JSON.stringify({ topic: $json.topic, start_time: $json.start, duration: 30, timezone: "UTC" }) }}',
						options: {},
					}),
				]),
			},
			variant: true,
			last: { zoho: 'Create Meeting', http: 'HTTP Request' },
			check(side, items, body) {
				const topics = (body as { items: Array<{ topic: string }> }).items.map((item) => item.topic);
				const got = items.map((item) => String(side !== 'http' ? item.json.topic : (item.json.data as { topic: string }).topic));
				expectSequence(`(c) ${side} topics`, got, topics);
				expectSequence(`(c) ${side} pairedItem`, items.map(inputIndex), topics.map((_, i) => i));
			},
		},
	];
}

/** The same workflow with Parallel Requests set on its Zoho Meeting nodes. */
function withParallelRequests(workflow: WorkflowFile, parallelRequests: number): WorkflowFile {
	return {
		...workflow,
		id: `${workflow.id}P${parallelRequests}`,
		name: `${workflow.name}, Parallel Requests ${parallelRequests}`,
		nodes: workflow.nodes.map((node) => {
			if (node.type === ZOHO_MEETING) return { ...node, parameters: { ...(node.parameters as object), options: { parallelRequests } } };
			if (node.type !== 'n8n-nodes-base.webhook') return node;
			const parameters = node.parameters as { path: string };
			return { ...node, webhookId: `${String(node.webhookId)}-p${parallelRequests}`, parameters: { ...parameters, path: `${parameters.path}-p${parallelRequests}` } };
		}),
	};
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export interface SpeedOptions {
	runs: number;
	only?: Array<'a' | 'b' | 'c'>;
}

export async function measureSpeed(n8n: BenchN8n, options: SpeedOptions, log: (line: string) => void): Promise<Section> {
	const all = jobs(n8n.sandboxUrl).filter((job) => !options.only || options.only.includes(job.key));
	const workflowsOf = (job: Job): Partial<Record<Side, WorkflowFile>> => ({
		...job.workflows,
		...(job.variant ? { variant: withParallelRequests(job.workflows.zoho, VARIANT_PARALLEL) } : {}),
	});
	await n8n.deploy(all.flatMap((job) => Object.values(workflowsOf(job))));

	const section: Section = {
		title: '2. Speed against the HTTP Request node',
		columns: ['Job', 'Zoho Meeting node', 'HTTP Request node', 'Ratio (node ÷ HTTP)', 'Runs (node / HTTP, s)'],
		rows: [],
		figures: [],
		how: [],
	};
	for (const job of all) {
		// Limits out of the way: the point is speed. The HTTP Request node would otherwise
		// fail job (b) on any Zoho plan, since it sends all 500 requests at once.
		await n8n.admin.reset({ latencyMs: SPEED.latencyMs, limits: { perWindow: 1e9, perDay: 1e9 } });
		const body = await job.prepare(n8n);
		const workflows = workflowsOf(job);
		const sides = Object.keys(workflows) as Side[];
		const times: Record<Side, Timed[]> = { zoho: [], http: [], variant: [] };
		const executions: string[] = [];
		// One run each to warm up (not counted), then the sides take turns going first.
		for (let run = 0; run <= options.runs; run++) {
			const order = [...sides.slice(run % sides.length), ...sides.slice(0, run % sides.length)];
			for (const side of order) {
				const timed = await n8n.run(workflows[side] as WorkflowFile, body);
				executions.push(timed.executionId);
				if (run === 0) {
					const execution = await n8n.execution(timed.executionId);
					const runData = execution.data.resultData.runData[job.last[side === 'http' ? 'http' : 'zoho']];
					job.check(side, (runData?.[0]?.data?.main?.[0] ?? []) as OutputItem[], body);
				} else {
					times[side].push(timed);
				}
				log(`${job.label}, ${side}${run === 0 ? ' (warm-up)' : ''}: ${(timed.executionMs / 1000).toFixed(2)} s`);
			}
			await n8n.deleteExecutions(executions.splice(0));
		}
		const seconds = (side: Side) => median(times[side].map((t) => t.executionMs)) / 1000;
		const runs = (side: Side) => times[side].map((t) => (t.executionMs / 1000).toFixed(2)).join(', ');
		const ratio = seconds('zoho') / seconds('http');
		section.rows.push({
			cells: [job.label, formatValue(seconds('zoho'), 's'), formatValue(seconds('http'), 's'), formatValue(ratio, 'ratio'), `${runs('zoho')} / ${runs('http')}`],
			goal: '≤ 1.00',
			met: ratio <= 1,
		});
		const figures: Figure[] = [
			{ key: `speed.${job.key}.zoho`, label: `Speed ${job.label}: Zoho Meeting node`, value: seconds('zoho'), unit: 's' },
			{ key: `speed.${job.key}.http`, label: `Speed ${job.label}: HTTP Request node`, value: seconds('http'), unit: 's' },
			{ key: `speed.${job.key}.ratio`, label: `Speed ${job.label}: ratio`, value: ratio, unit: 'ratio', goal: '≤ 1.00', met: ratio <= 1 },
		];
		log(`${job.label}: node ${seconds('zoho').toFixed(2)} s, HTTP Request ${seconds('http').toFixed(2)} s, ratio ${ratio.toFixed(2)}`);
		if (job.variant) {
			const variantRatio = seconds('variant') / seconds('http');
			section.rows.push({
				cells: [`${job.label}, Parallel Requests ${VARIANT_PARALLEL}`, formatValue(seconds('variant'), 's'), formatValue(seconds('http'), 's'), formatValue(variantRatio, 'ratio'), `${runs('variant')} / ${runs('http')}`],
				goal: '—',
			});
			figures.push({ key: `speed.${job.key}.p${VARIANT_PARALLEL}.ratio`, label: `Speed ${job.label}, Parallel Requests ${VARIANT_PARALLEL}: ratio`, value: variantRatio, unit: 'ratio' });
			log(`${job.label}, Parallel Requests ${VARIANT_PARALLEL}: ${seconds('variant').toFixed(2)} s, ratio ${variantRatio.toFixed(2)}`);
		}
		section.figures.push(...figures);
	}
	section.how.push(
		`In real n8n (the stack of \`npm start\`, \`scripts/n8n/\`) against the sandbox as a separate process with ${SPEED.latencyMs} ms of latency added to every API response and its rate limit lifted (so that neither side is slowed or failed by it; the HTTP Request node sends the requests of all items at once, which on any real Zoho plan would end job (b) in 429 errors). Each workflow starts with a production Webhook that answers when the last node has finished; the time is the execution's own (\`stoppedAt − startedAt\` as n8n stored it). Per job: one warm-up run of each side, not counted, then ${options.runs} runs of each, with the sides taking turns to go first; the median is shown, and the ratio of the medians.`,
		`The Zoho Meeting node runs with its default options (Parallel Requests ${DEFAULT_PARALLEL_REQUESTS}); for (b) and (c) it also runs with Options › Parallel Requests ${VARIANT_PARALLEL}, to show why the default is ${DEFAULT_PARALLEL_REQUESTS} (same runs, same HTTP Request times). The HTTP Request node (v4.2) is set up as a user would: predefined credential type \"Zoho Meeting OAuth2 API\" (the same credential), default options. For (a) it paginates with \"Update a Parameter in Each Request\" (\`page = $pageCount + 1\`, \`per_page = 100\`, complete when \`!$response.body.pagination.has_more\`), followed by a Split Out node to get one item per meeting as the Zoho Meeting node gives; for (b) and (c) the webhook's body is split into items first (Split Out, the same node on both sides). Every result is checked once per side (the warm-up run): all objects, in input order, each paired with its input item.`,
	);
	return section;
}
