import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { runPoll, type TokenPair } from './index';
import { connectedStore, useThrowawayServer } from './fixtures/server-setup';
import { POLL, testNodeTypes } from './fixtures/test-nodes';

const server = useThrowawayServer();

function poller(tokens?: TokenPair) {
	const { credentials, ref, nodeCredentials } = connectedStore(server(), tokens);
	const staticData: IDataObject = {};
	const poll = async (mode: 'trigger' | 'manual' = 'trigger', parameters: INodeParameters = {}) =>
		await runPoll({
			node: { name: 'New Events', type: POLL, parameters, credentials: nodeCredentials },
			mode,
			credentials,
			staticData,
			nodeTypes: testNodeTypes(),
		});
	return { poll, staticData, credentials, ref };
}

const numbers = (items: Array<Array<{ json: IDataObject }>> | null) =>
	items?.[0].map((i) => i.json.number);

describe('runPoll', () => {
	test('keeps static data across polls in the object passed in', async () => {
		const { poll, staticData } = poller();

		expect(numbers((await poll()).items)).toEqual([1]);
		expect(numbers((await poll()).items)).toEqual([2]);
		expect(numbers((await poll()).items)).toEqual([3]);
		const fourth = await poll();

		expect(numbers(fourth.items)).toEqual([4]);
		expect(fourth.items?.[0][0].json.authorized).toBe(true);
		expect(fourth.staticData).toBe(staticData);
		// The node keeps at most 3 numbers, so static data stays bounded.
		expect(fourth.nodeStaticData).toEqual({ seen: [2, 3, 4] });
		expect(JSON.parse(JSON.stringify(staticData))).toEqual({ 'node:New Events': { seen: [2, 3, 4] } });
	});

	test('manual mode runs the same poll() without persisting', async () => {
		const { poll, staticData } = poller();
		const result = await poll('manual');

		expect(numbers(result.items)).toEqual([1]);
		expect(JSON.parse(JSON.stringify(staticData))).toEqual({ 'node:New Events': {} });
	});

	test('returns null when the node has nothing new', async () => {
		const { poll } = poller();
		expect((await poll('trigger', { idle: true })).items).toBeNull();
	});

	test('refreshes an expired token like a workflow run does', async () => {
		const { poll, credentials, ref } = poller();
		server().expireAccessTokens();

		expect(numbers((await poll()).items)).toEqual([1]);
		expect(credentials.refreshCount(ref.id)).toBe(1);
	});

	test("rejects with the node's error instance when the poll fails", async () => {
		const { poll } = poller({ access_token: 'stale', refresh_token: 'revoked' });
		const error: unknown = await poll().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).toMatchObject({ httpCode: '401', context: {} });
	});
});
