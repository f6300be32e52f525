import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { assertInteger } from '../ZohoMeeting/actions/shared/parameters';
import { assertPathId } from '../ZohoMeeting/transport/pathIds';
import { searchWebinars } from '../ZohoMeeting/methods/listSearch';
import { TRIGGER_EVENTS } from './events';
import { readFilters, scopeOf } from './filters';
import type { PollPlan } from './items';
import { assertOffered } from './offered';
import { PollRound, type RoundSettings, type TriggerEvent } from './pollState';
import { pollWithLease } from './pollWindow';
import { DEFAULT_LOOK_BACK_HOURS, MAX_LOOK_BACK_HOURS, triggerProperties } from './properties';
import { readDownloadPlan } from './recordingFiles';
import { fetchTestEvent } from './testEvent';

const HOUR_MS = 3_600_000;

export class ZohoMeetingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Meeting Trigger',
		name: 'zohoMeetingTrigger',
		icon: { light: 'file:../ZohoMeeting/zohoMeeting.svg', dark: 'file:../ZohoMeeting/zohoMeeting.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ {"meetingCancelled": "Meeting Cancelled", "meetingCompleted": "Meeting Completed", "meetingScheduled": "Meeting Scheduled", "newRegistration": "New Webinar Registration"}[$parameter["event"]] ?? "New Recording" }}',
		description: 'Starts the workflow when a Zoho Meeting meeting is scheduled, cancelled or completed, a recording is ready, or someone registers for a webinar',
		defaults: { name: 'Zoho Meeting Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zohoMeetingOAuth2Api', required: true }],
		properties: triggerProperties,
	};

	methods = { listSearch: { searchWebinars } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const plan = readPlan(this);
		const lookBackHours = assertInteger(
			this.getNode(),
			0,
			'lookBackWindow',
			this.getNodeParameter('options.lookBackWindow', DEFAULT_LOOK_BACK_HOURS),
			1,
			MAX_LOOK_BACK_HOURS,
		);
		const settings: RoundSettings = {
			source: plan.definition,
			windowMs: lookBackHours * HOUR_MS,
			nowMs: Date.now(),
			scope: scopeOf(plan.filters, plan.webinarKey),
		};
		// Every parameter is checked first: bad input fails before the API is even asked for.
		await assertOffered(this, plan.definition);
		if (this.getMode() === 'manual') {
			const { since } = new PollRound(this.getWorkflowStaticData('node').pollState, settings);
			return await fetchTestEvent.call(this, plan, since, lookBackHours);
		}
		return await pollWithLease.call(this, plan, settings);
	}
}

/** The event, webinar, filters and download options, each checked before any request. */
function readPlan(ctx: IPollFunctions): PollPlan {
	const event = ctx.getNodeParameter('event') as TriggerEvent;
	const definition = Object.hasOwn(TRIGGER_EVENTS, event) ? TRIGGER_EVENTS[event] : undefined;
	if (!definition) {
		throw new NodeOperationError(ctx.getNode(), `Unknown event "${String(event)}"`, {
			description: `Pick one of ${Object.values(TRIGGER_EVENTS)
				.map((known) => known.displayName)
				.join(', ')} in the Event field.`,
		});
	}
	const plan: PollPlan = { definition, filters: readFilters(ctx, definition) };
	if (event === 'newRegistration') {
		const chosen = ctx.getNodeParameter('webinarKey', '', { extractValue: true }) as unknown;
		const webinarKey = typeof chosen === 'string' ? chosen.trim() : chosen;
		if (webinarKey !== '' && webinarKey !== undefined && webinarKey !== null) {
			plan.webinarKey = assertPathId(ctx.getNode(), 0, 'webinarKey', webinarKey);
		}
	}
	if (event === 'recordingAvailable') plan.download = readDownloadPlan(ctx);
	return plan;
}
