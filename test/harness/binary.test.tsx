import { existsSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';

import { ensureHarnessEnvironment, linearWorkflow, MANUAL_TRIGGER, readBinary, runWorkflow } from './index';
import { connectedStore, useThrowawayServer } from './fixtures/server-setup';
import { DOWNLOAD, testNodeTypes } from './fixtures/test-nodes';

const server = useThrowawayServer();

async function download(asBuffer: boolean) {
	const { credentials, nodeCredentials } = connectedStore(server());
	const result = await runWorkflow({
		workflow: linearWorkflow([
			{ name: 'Start', type: MANUAL_TRIGGER },
			{
				name: 'Download',
				type: DOWNLOAD,
				parameters: { asBuffer },
				credentials: nodeCredentials,
			},
		]),
		credentials,
		nodeTypes: testNodeTypes(),
	});
	expect(result.error).toBeUndefined();
	return result.output('Download')[0];
}

async function collect(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

describe('binary data in filesystem mode', () => {
	test('a streamed download is written to disk and reads back', async () => {
		const item = await download(false);
		const binary = await readBinary(item);
		const { binaryDataPath } = await ensureHarnessEnvironment();

		expect(binary.metadata).toMatchObject({
			id: expect.stringMatching(/^filesystem-v2:/),
			data: 'filesystem-v2',
			fileName: 'report.pdf',
			mimeType: 'application/pdf',
			bytes: server().fileBytes.length,
		});
		expect(binary.path?.startsWith(binaryDataPath)).toBe(true);
		expect(existsSync(binary.path ?? '')).toBe(true);
		expect(statSync(binary.path ?? '').size).toBe(server().fileBytes.length);
		expect(binary.size).toBe(server().fileBytes.length);
		expect((await binary.buffer()).equals(server().fileBytes)).toBe(true);
		expect((await collect(await binary.stream())).equals(server().fileBytes)).toBe(true);
	});

	test('a bare Buffer gets its type sniffed by file-type (ESM, loaded through the jest shim)', async () => {
		const binary = await readBinary(await download(true));
		expect(binary.metadata).toMatchObject({ mimeType: 'application/pdf', fileExtension: 'pdf' });
		expect(binary.size).toBe(server().fileBytes.length);
	});

	test('readBinary names the properties present when one is missing', async () => {
		await expect(readBinary({ json: {}, binary: {} }, 'file')).rejects.toThrow(
			'Item has no binary "file" (present: none)',
		);
	});
});
