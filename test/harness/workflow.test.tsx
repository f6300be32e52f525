import {
	ITEMS_SOURCE,
	linearWorkflow,
	MANUAL_TRIGGER,
	NO_OP,
	runWorkflow,
	type NodeSpec,
	type RunWorkflowOptions,
} from './index';
import { connectedStore, useThrowawayServer } from './fixtures/server-setup';
import { API_CALL, testNodeTypes } from './fixtures/test-nodes';

const server = useThrowawayServer();
let setup: ReturnType<typeof connectedStore>;
beforeAll(() => {
	setup = connectedStore(server());
});

const call = (parameters: Record<string, string>, extra?: Partial<NodeSpec>): NodeSpec => ({
	name: 'Call',
	type: API_CALL,
	parameters,
	credentials: setup.nodeCredentials,
	...extra,
});

type Options = Pick<RunWorkflowOptions, 'inputItems' | 'timezone'>;
const run = async (nodes: NodeSpec[], options: Options = {}) =>
	await runWorkflow({
		workflow: linearWorkflow(nodes),
		credentials: setup.credentials,
		nodeTypes: testNodeTypes(),
		...options,
	});

const topics = [{ topic: 'alpha' }, { topic: 'bad' }, { topic: 'gamma' }];
const pathByTopic = '={{ $json.topic === "bad" ? "/api/fail" : "/api/echo" }}';

describe('runWorkflow', () => {
	test('evaluates parameter expressions per item of the source node', async () => {
		const result = await run([
			// `items` as an array here, as a JSON string in the other tests.
			{ name: 'Items', type: ITEMS_SOURCE, parameters: { items: topics } },
			call({ topic: '={{ $json.topic.toUpperCase() }}' }),
			{ name: 'Pass', type: NO_OP },
		]);

		expect(result.error).toBeUndefined();
		expect(result.executedNodes).toEqual(['Items', 'Call', 'Pass']);
		const out = result.output('Pass');
		expect(out.map((i) => (i.json.query as { topic: string }).topic)).toEqual([
			'ALPHA',
			'BAD',
			'GAMMA',
		]);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('feeds inputItems to a source node without items, and honours the timezone', async () => {
		const result = await run(
			[{ name: 'Items', type: ITEMS_SOURCE }, call({ topic: '={{ $json.topic }} {{ $now.zoneName }}' })],
			{ inputItems: [{ topic: 'a' }, { json: { topic: 'b' } }], timezone: 'Asia/Tokyo' },
		);
		expect(result.output('Call').map((i) => i.json.query)).toEqual([
			{ topic: 'a Asia/Tokyo' },
			{ topic: 'b Asia/Tokyo' },
		]);
	});

	test("returns a node's API error as the run's error, with its properties", async () => {
		const result = await run([
			{ name: 'Items', type: ITEMS_SOURCE, parameters: { items: JSON.stringify(topics) } },
			call({ path: pathByTopic, topic: '={{ $json.topic }}' }),
			{ name: 'Pass', type: NO_OP },
		]);

		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '400',
			message: expect.stringContaining('Bad request'),
			description: expect.stringContaining('Bad topic bad'),
			context: { itemIndex: 1 },
			node: { name: 'Call' },
		});
		expect(result.nodeError('Call')).toMatchObject({ httpCode: '400' });
		expect(() => result.output('Pass')).toThrow('Node "Pass" has no run 0');
		expect(result.executedNodes).toEqual(['Items', 'Call']);
	});

	test('continueOnFail turns the failing item into an error item', async () => {
		const result = await run([
			{ name: 'Items', type: ITEMS_SOURCE, parameters: { items: JSON.stringify(topics) } },
			call({ path: pathByTopic, topic: '={{ $json.topic }}' }, { onError: 'continueRegularOutput' }),
		]);

		expect(result.error).toBeUndefined();
		const out = result.output('Call');
		expect(out).toHaveLength(3);
		expect(out[1].json).toEqual({ error: expect.stringContaining('Bad request') });
		expect(out[2].json.query).toEqual({ topic: 'gamma' });
	});

	test('a manual trigger emits one empty item', async () => {
		const result = await run([{ name: 'Start', type: MANUAL_TRIGGER }, { name: 'Pass', type: NO_OP }]);
		expect(result.output('Start')).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
		expect(result.output('Pass')).toHaveLength(1);
	});
});
