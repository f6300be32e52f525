import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { BINARY_ENCODING, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { NodeTypeMap } from '../harness';

/** n8n's "Read/Write Files from Disk" node, as workflow JSON names it. */
export const READ_WRITE_FILE = 'n8n-nodes-base.readWriteFile';

/**
 * A stand-in for n8n's Read/Write Files from Disk node, which the harness does not have
 * (n8n-nodes-base is not a dependency): its Write File to Disk operation as n8n's does it
 * (packages/nodes-base/nodes/Files/ReadWriteFile/actions/write.operation.ts in the n8n
 * repository): the item's binary field `dataPropertyName` streamed to `fileName`, the item
 * passed on with `fileName` added. Paths are taken below `root`, so that a test writes
 * into a folder of its own. The real node runs in real n8n in test/e2e/trigger-examples.e2e.tsx.
 */
export function readWriteFileUnder(root: string): NodeTypeMap {
	class WriteFileToDisk implements INodeType {
		description: INodeTypeDescription = {
			displayName: 'Read/Write Files from Disk',
			name: 'readWriteFile',
			group: ['input'],
			version: [1, 1.1],
			description: 'Write files below a test folder',
			defaults: { name: 'Read/Write Files from Disk' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [
				{ displayName: 'Operation', name: 'operation', type: 'string', default: 'read' },
				{ displayName: 'File Path and Name', name: 'fileName', type: 'string', default: '' },
				{ displayName: 'Input Binary Field', name: 'dataPropertyName', type: 'string', default: 'data' },
				{ displayName: 'Options', name: 'options', type: 'json', default: {} },
			],
		};

		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			if (this.getNodeParameter('operation', 0) !== 'write') {
				throw new NodeOperationError(this.getNode(), 'The stand-in writes files only');
			}
			const written: INodeExecutionData[] = [];
			for (const [itemIndex, item] of this.getInputData().entries()) {
				const fileName = String(this.getNodeParameter('fileName', itemIndex));
				const binary = this.helpers.assertBinaryData(itemIndex, String(this.getNodeParameter('dataPropertyName', itemIndex)));
				const content = binary.id
					? await this.helpers.getBinaryStream(binary.id)
					: Readable.from(Buffer.from(binary.data, BINARY_ENCODING));
				// As n8n's node, into a folder that exists: it creates none.
				await pipeline(content, createWriteStream(path.join(root, fileName)));
				written.push({ json: { ...item.json, fileName }, binary: item.binary, pairedItem: { item: itemIndex } });
			}
			return [written];
		}
	}
	return { [READ_WRITE_FILE]: new WriteFileToDisk() };
}
