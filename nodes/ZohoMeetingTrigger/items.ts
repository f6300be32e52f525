import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { ZohoClient } from '../ZohoMeeting/transport';
import { FilterCheck } from './filters';
import type { ListPlan } from './listPlan';
import { withRecordingFiles, type DownloadPlan } from './recordingFiles';

/** Everything one trigger node's poll does: what it lists, filters, and whether it fetches files. */
export interface PollPlan extends ListPlan {
	/** New Recording with Download Recording on. */
	download?: DownloadPlan;
}

/**
 * The items for the objects the poll state found new (or Fetch Test Event's newest): those
 * that pass the filters, each with its file when the plan downloads. `signal` is the
 * poll's deadline.
 */
export async function itemsFor(
	ctx: IPollFunctions,
	plan: PollPlan,
	objects: IDataObject[],
	signal?: AbortSignal,
): Promise<INodeExecutionData[]> {
	const kept = await new FilterCheck(new ZohoClient(ctx, { signal }), plan.definition, plan.filters).keep(objects);
	return await toItems(ctx, plan, kept, signal);
}

/** One item per object, with its file when the plan downloads. */
export async function toItems(
	ctx: IPollFunctions,
	plan: PollPlan,
	objects: IDataObject[],
	signal?: AbortSignal,
): Promise<INodeExecutionData[]> {
	if (plan.download) return await withRecordingFiles(ctx, objects, plan.download, signal);
	return ctx.helpers.returnJsonArray(objects);
}
