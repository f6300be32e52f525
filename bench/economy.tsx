/**
 * API-call economy: how many requests Get Many makes, against the fewest that can return
 * the objects (the spec's largest page is 100). In-process: the real node in n8n-core's
 * WorkflowExecute (test/harness) against the sandbox, which logs every request.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { SandboxSession } from '../test/helpers/sandboxWorkflow';
import { ZOHO_NODE_NAME } from '../test/helpers/sandboxWorkflow';
import { formatValue, type Section } from './report';

const OBJECTS = 10_000;
const LIMIT = 250;
const PER_PAGE = 100;

interface Case {
	label: string;
	key: string;
	parameters: INodeParameters;
	path: string;
	seed: 'meetings' | 'recordings';
	expected: number;
	minimum: number;
}

export async function measureEconomy(session: SandboxSession, log: (line: string) => void): Promise<Section> {
	const cases: Case[] = [
		{
			label: `Meetings › Get Many, Return All (${OBJECTS.toLocaleString('en-US')} meetings)`,
			key: 'economy.meetings',
			parameters: { resource: 'meeting', operation: 'getAll', returnAll: true },
			path: '/api/v2/meetings',
			seed: 'meetings',
			expected: OBJECTS,
			minimum: Math.ceil(OBJECTS / PER_PAGE),
		},
		{
			label: `Recordings › Get Many, Return All (${OBJECTS.toLocaleString('en-US')} recordings)`,
			key: 'economy.recordings',
			parameters: { resource: 'recording', operation: 'getAll', returnAll: true },
			path: '/api/v2/recordings',
			seed: 'recordings',
			expected: OBJECTS,
			minimum: Math.ceil(OBJECTS / PER_PAGE),
		},
		{
			label: `Meetings › Get Many, Limit ${LIMIT}`,
			key: 'economy.limit',
			parameters: { resource: 'meeting', operation: 'getAll', returnAll: false, limit: LIMIT },
			path: '/api/v2/meetings',
			seed: 'meetings',
			expected: LIMIT,
			minimum: Math.ceil(LIMIT / PER_PAGE),
		},
	];

	const section: Section = {
		title: '1. API calls',
		columns: ['Job', 'Items out', 'Requests', 'Minimum', 'Requests ÷ minimum'],
		rows: [],
		figures: [],
		how: [
			`In-process (\`test/harness\`: n8n-core's \`WorkflowExecute\` running the node with real OAuth2) against the sandbox seeded with ${OBJECTS.toLocaleString('en-US')} meetings (or recordings) for each job. "Requests" counts the API requests the sandbox logged during the run; "minimum" is ⌈N ÷ 100⌉, 100 being the spec's largest \`per_page\`. The output is checked to hold every object once.`,
		],
	};
	for (const job of cases) {
		await session.admin.reset();
		// In slices, so that no admin request is huge (a recording seeds its own meeting too).
		for (let seeded = 0; seeded < OBJECTS; seeded += 2_000) await session.admin.seed({ [job.seed]: 2_000 });
		await session.admin.clearRequests();
		const result = await session.runZoho(job.parameters);
		if (result.error) throw new Error(`${job.label}: ${result.error.message}`);
		const output = result.output(ZOHO_NODE_NAME);
		const requests = (await session.admin.requests('api')).filter((r) => r.path === job.path);
		const keys = new Set(output.map((item) => String(item.json.meeting_key ?? item.json.recording_id)));
		if (output.length !== job.expected || keys.size !== job.expected) {
			throw new Error(`${job.label}: ${output.length} items (${keys.size} distinct), expected ${job.expected}`);
		}
		const ratio = requests.length / job.minimum;
		const met = requests.length === job.minimum;
		section.rows.push({
			cells: [job.label, formatValue(output.length, ''), String(requests.length), String(job.minimum), formatValue(ratio, 'ratio')],
			goal: job.key === 'economy.limit' ? 'exactly 3 requests' : '= minimum (ratio 1.00)',
			met,
		});
		section.figures.push({
			key: job.key,
			label: `${job.label}: requests`,
			value: requests.length,
			unit: 'requests',
			goal: `${job.minimum}`,
			met,
		});
		log(`${job.label}: ${requests.length} requests (minimum ${job.minimum})`);
	}
	return section;
}
