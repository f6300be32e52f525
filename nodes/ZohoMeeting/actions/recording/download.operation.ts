import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { safeFileName, type ZohoClient } from '../../transport';
import { ItemWithBinary } from '../operation';
import { getLocatorId, recordingIdLocator } from '../shared/keys';
import { assertInteger } from '../shared/parameters';

export const option = {
	name: 'Download',
	description: 'Download the video file of a recording and output it as binary data',
	action: 'Download a recording',
};

export const properties: INodeProperties[] = [
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
	{
		displayName: 'Max File Size (MB)',
		name: 'maxFileSize',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			"Fail instead of downloading a file larger than this; 0 means no limit. With n8n's default binary data mode the whole file is held in memory, so set a limit that fits it (or use N8N_DEFAULT_BINARY_DATA_MODE=filesystem, where files stream to disk).",
	},
];


/**
 * Zoho names the file in Content-Disposition. Without that header the name is built the
 * way the API reference's recording example does (docs/api-contract.md), `<meeting_key>_<start_time>.mp4`,
 * which takes one more call for the recording's details.
 */
async function nameFromDetails(zoho: ZohoClient, recordingId: string, itemIndex: number) {
	const recording = await zoho.request({
		method: 'GET',
		path: '/recordings/{recordingId}',
		pathParams: { recordingId },
		itemIndex,
	});
	const unnamed = `${recordingId}.mp4`;
	if (!recording.meeting_key || !recording.start_time) return unnamed;
	// Both come from the server: cleaned like any file name a server gives.
	return safeFileName(`${String(recording.meeting_key)}_${String(recording.start_time)}.mp4`, unnamed);
}

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<ItemWithBinary> {
	const recordingId = getLocatorId.call(this, 'recordingId', itemIndex);
	const binaryPropertyName = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!binaryPropertyName) {
		throw new NodeOperationError(this.getNode(), 'Put Output File in Field is empty', {
			itemIndex,
			description: 'Enter the name of the binary field for the file, such as "data".',
		});
	}
	const maxMegabytes = assertInteger(this.getNode(), itemIndex, 'maxFileSize', this.getNodeParameter('maxFileSize', itemIndex, 0), 0, 1_000_000);
	const unnamed = `${recordingId}.mp4`;
	const binary = await zoho.download(
		{ method: 'GET', path: '/recordings/{recordingId}/download', pathParams: { recordingId }, itemIndex },
		{ fileName: unnamed, mimeType: 'video/mp4', maxBytes: maxMegabytes * 1_048_576 },
	);
	if (binary.fileName === unnamed) {
		binary.fileName = await nameFromDetails(zoho, recordingId, itemIndex);
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
