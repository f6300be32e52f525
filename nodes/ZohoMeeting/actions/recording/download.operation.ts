import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { downloadToBinary, zohoApiRequest } from '../../transport';
import { recordingIdLocator } from '../common.descriptions';
import { getLocatorId } from '../locators';
import { ItemWithBinary } from '../types';

const properties: INodeProperties[] = [
	recordingIdLocator,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data',
		hint: 'The name of the output binary field to put the file in',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recording'], operation: ['download'] } },
	properties,
);

/**
 * Zoho names the file in Content-Disposition. Without that header the name is built the
 * way the spec's "Recording Management" example does, `<meeting_key>_<start_time>.mp4`,
 * which takes one more call for the recording's details.
 */
async function nameFromDetails(ctx: IExecuteFunctions, recordingId: string, itemIndex: number) {
	const recording = await zohoApiRequest.call(ctx, {
		method: 'GET',
		path: '/recordings/{recordingId}',
		pathParams: { recordingId },
		itemIndex,
	});
	if (!recording.meeting_key || !recording.start_time) return `${recordingId}.mp4`;
	return `${String(recording.meeting_key)}_${String(recording.start_time)}.mp4`;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemWithBinary> {
	const recordingId = getLocatorId.call(this, 'recordingId', itemIndex);
	const binaryPropertyName = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!binaryPropertyName) {
		throw new NodeOperationError(this.getNode(), 'Put Output File in Field is empty', {
			itemIndex,
			description: 'Enter the name of the binary field for the file, such as "data".',
		});
	}
	const unnamed = `${recordingId}.mp4`;
	const binary = await downloadToBinary.call(
		this,
		{
			method: 'GET',
			path: '/recordings/{recordingId}/download',
			pathParams: { recordingId },
			itemIndex,
		},
		{ fileName: unnamed, mimeType: 'video/mp4' },
	);
	if (binary.fileName === unnamed) {
		binary.fileName = await nameFromDetails(this, recordingId, itemIndex);
		binary.fileExtension = 'mp4';
	}
	return new ItemWithBinary(
		{
			recording_id: recordingId,
			file_name: binary.fileName,
			mime_type: binary.mimeType,
			file_size: binary.bytes,
		},
		{ [binaryPropertyName]: binary },
	);
}
