import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertInteger } from '../ZohoMeeting/actions/shared/parameters';
import { safeFileName, ZohoClient } from '../ZohoMeeting/transport';
import { idOf } from './objectTimes';

/** New Recording's Download Recording option: where the file goes, and how large it may be. */
export interface DownloadPlan {
	binaryPropertyName: string;
	/** 0: no limit. */
	maxBytes: number;
}

const MAX_FILE_MEGABYTES = 1_000_000;

/** The Download Recording options, checked before any request; undefined when the option is off. */
export function readDownloadPlan(ctx: IPollFunctions): DownloadPlan | undefined {
	if (ctx.getNodeParameter('options.downloadRecording', false) !== true) return undefined;
	const binaryPropertyName = String(ctx.getNodeParameter('options.binaryPropertyName', 'data') ?? '').trim();
	if (binaryPropertyName === '') {
		throw new NodeOperationError(ctx.getNode(), 'Put Output File in Field is empty', {
			description: 'Enter the name of the binary field for the recording\'s file, such as "data".',
		});
	}
	const megabytes = assertInteger(ctx.getNode(), 0, 'maxFileSize', ctx.getNodeParameter('options.maxFileSize', 0), 0, MAX_FILE_MEGABYTES);
	return { binaryPropertyName, maxBytes: megabytes * 1_048_576 };
}

/**
 * One item per recording, each with its file as binary data, fetched one after the other
 * through the transport's streamed download (transport/download.ts), which retries a
 * download that breaks. A recording whose file cannot be fetched (gone, too large, or not
 * done when `signal`, the poll's deadline, ends the download) is still passed on, without
 * the file and with `download_error` saying why: the event is not lost, and the workflow
 * can fetch the file later with Recording → Download.
 */
export async function withRecordingFiles(
	ctx: IPollFunctions,
	recordings: IDataObject[],
	plan: DownloadPlan,
	signal?: AbortSignal,
): Promise<INodeExecutionData[]> {
	const zoho = new ZohoClient(ctx, { signal });
	const items: INodeExecutionData[] = [];
	for (const recording of recordings) items.push(await withFile(ctx, zoho, recording, plan, signal));
	return items;
}

async function withFile(
	ctx: IPollFunctions,
	zoho: ZohoClient,
	recording: IDataObject,
	plan: DownloadPlan,
	signal?: AbortSignal,
): Promise<INodeExecutionData> {
	const recordingId = idOf(recording, 'recording_id') ?? '';
	// The name the action's Recording → Download gives a file Zoho does not name.
	const unnamed = `${recordingId}.mp4`;
	const fileName = safeFileName(`${String(recording.meeting_key ?? recordingId)}_${String(recording.start_time ?? '')}.mp4`, unnamed);
	try {
		const binary = await zoho.download(
			{ method: 'GET', path: '/recordings/{recordingId}/download', pathParams: { recordingId } },
			{ fileName, mimeType: 'video/mp4', maxBytes: plan.maxBytes },
		);
		return { json: recording, binary: { [plan.binaryPropertyName]: binary } };
	} catch (error) {
		const download_error = signal?.aborted ? outOfTime() : explain(error);
		ctx.logger.warn(`Zoho Meeting Trigger "${ctx.getNode().name}" passes recording ${recordingId} on without its file: ${download_error.message}`);
		return { json: { ...recording, download_error } };
	}
}

function outOfTime(): IDataObject {
	return {
		message: "The download did not finish within the poll's time budget",
		description: 'The recording is passed on without its file. Download it with the Zoho Meeting node (Recording → Download), which has no time budget.',
	};
}

function explain(error: unknown): IDataObject {
	const { message, description } = error as { message?: unknown; description?: unknown };
	return {
		message: typeof message === 'string' ? message : 'The download failed',
		...(typeof description === 'string' && description !== '' ? { description } : {}),
	};
}
