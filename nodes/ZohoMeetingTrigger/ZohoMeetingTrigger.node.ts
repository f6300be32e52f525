import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { MAX_PER_PAGE, ZohoClient, type ApiRequest } from '../ZohoMeeting/transport';
import { toZohoDateTime } from '../ZohoMeeting/actions/shared/dates';
import { assertInteger } from '../ZohoMeeting/actions/shared/parameters';
import { TRIGGER_EVENTS, type TriggerEventDefinition } from './events';
import { newestEligible, outOfTime, PollRound, type RoundSettings, type TriggerEvent } from './pollState';

const HOUR_MS = 3_600_000;
const DEFAULT_LOOK_BACK_HOURS = 24;
/** 90 days: long enough for a quarter-long recurring series. */
const MAX_LOOK_BACK_HOURS = 2_160;

export class ZohoMeetingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Meeting Trigger',
		name: 'zohoMeetingTrigger',
		icon: { light: 'file:../ZohoMeeting/zohoMeeting.svg', dark: 'file:../ZohoMeeting/zohoMeeting.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "meetingCompleted" ? "Meeting Completed" : "New Recording" }}',
		description: 'Starts the workflow when a Zoho Meeting recording is ready or a meeting is completed',
		defaults: { name: 'Zoho Meeting Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zohoMeetingOAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				default: 'recordingAvailable',
				options: [
					{
						name: 'Meeting Completed',
						value: 'meetingCompleted',
						description: 'A meeting whose status became completed (a recurring series: after its last occurrence)',
					},
					{
						name: 'New Recording',
						value: 'recordingAvailable',
						description: 'A recording that finished processing and can be downloaded',
					},
				],
			},
			{
				displayName:
					'Each object starts the workflow once. Zoho Meeting can only list by start time, so each poll looks at everything that started within the Look-Back Window: a meeting that completes, or a recording that becomes available, later than that after its start is not seen.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Look-Back Window (Hours)',
						name: 'lookBackWindow',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: MAX_LOOK_BACK_HOURS },
						default: DEFAULT_LOOK_BACK_HOURS,
						description:
							'How long after its start time a meeting may complete, or its recording become available, and still trigger; a longer window costs one more request per 100 objects in it',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const definition = TRIGGER_EVENTS[event];
		if (!definition) {
			throw new NodeOperationError(this.getNode(), `Unknown event "${String(event)}"`, {
				description: 'Pick New Recording or Meeting Completed in the Event field.',
			});
		}
		const lookBackHours = assertInteger(
			this.getNode(),
			0,
			'lookBackWindow',
			this.getNodeParameter('options.lookBackWindow', DEFAULT_LOOK_BACK_HOURS),
			1,
			MAX_LOOK_BACK_HOURS,
		);
		const settings: RoundSettings = {
			source: definition,
			windowMs: lookBackHours * HOUR_MS,
			nowMs: Date.now(),
		};
		const staticData = this.getWorkflowStaticData('node');
		if (this.getMode() === 'manual') {
			const round = new PollRound(staticData.pollState, settings);
			return await fetchTestEvent.call(this, definition, round, lookBackHours);
		}

		// A poll held up by rate-limit waits can outlast the interval; a second poll reading the
		// same state meanwhile would emit the same objects again, so it leaves this tick out.
		const pollKey = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
		if (pollsInFlight.has(pollKey)) return null;
		pollsInFlight.add(pollKey);
		try {
			return await pollWindow.call(this, definition, settings, staticData);
		} finally {
			pollsInFlight.delete(pollKey);
		}
	}
}

/** Polls running in this n8n process, by workflow and node. */
const pollsInFlight = new Set<string>();

/** Lists the window (or as much of it as the time budget allows) and stores the new state. */
async function pollWindow(
	this: IPollFunctions,
	definition: TriggerEventDefinition,
	settings: RoundSettings,
	staticData: IDataObject,
): Promise<INodeExecutionData[][] | null> {
	const round = new PollRound(staticData.pollState, settings);
	const budgetMs = pollBudgetMs(this);
	const startedAt = Date.now();
	let nextPage = round.firstPage;
	let stoppedBeforePage: number | undefined;
	let slowestPageMs = 0;
	let pageStartedAt = startedAt;
	const request = listRequest.call(this, definition, round.since);
	const zoho = new ZohoClient(this);
	for await (const page of zoho.pages(request, { perPage: MAX_PER_PAGE, firstPage: nextPage })) {
		round.take(page);
		nextPage++;
		const now = Date.now();
		slowestPageMs = Math.max(slowestPageMs, now - pageStartedAt);
		pageStartedAt = now;
		if (budgetMs !== undefined && outOfTime(now - startedAt, budgetMs, slowestPageMs)) {
			stoppedBeforePage = nextPage;
			break;
		}
	}

	// Only now, with every page read, does the poll touch the stored state: a poll that
	// failed on any page threw above and left the cursor where it was.
	const { emit, state } = round.finish(stoppedBeforePage);
	if (JSON.stringify(staticData.pollState) !== JSON.stringify(state)) {
		staticData.pollState = state as unknown as IDataObject;
	}
	return emit.length > 0 ? [this.helpers.returnJsonArray(emit)] : null;
}

function listRequest(this: IPollFunctions, definition: TriggerEventDefinition, since: number): ApiRequest {
	return {
		method: 'GET',
		path: definition.path,
		qs: { ...definition.qs, from_date: toZohoDateTime(this.getNode(), 0, 'since', new Date(since)) },
	};
}

/**
 * n8n's poll time budget. Newer n8n passes it and abandons a poll that overruns it;
 * older n8n has no such method, and then there is no budget to keep.
 */
function pollBudgetMs(ctx: IPollFunctions): number | undefined {
	const budget: unknown = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : undefined;
	return typeof budget === 'number' && Number.isFinite(budget) && budget > 0 ? budget : undefined;
}

/**
 * "Fetch Test Event": the newest eligible object in the window, read without touching
 * the stored state, so testing never hides an object from the active workflow.
 */
async function fetchTestEvent(
	this: IPollFunctions,
	definition: TriggerEventDefinition,
	round: PollRound,
	lookBackHours: number,
): Promise<INodeExecutionData[][]> {
	const listed: IDataObject[] = [];
	for await (const page of new ZohoClient(this).pages(listRequest.call(this, definition, round.since))) {
		listed.push(...page);
	}
	const newest = newestEligible(listed, definition);
	if (!newest) {
		throw new NodeOperationError(this.getNode(), `No ${definition.noun} yet`, {
			description: `Zoho Meeting has no ${definition.noun} that started within the Look-Back Window (${lookBackHours} hours). Hold a meeting (with recording on, for New Recording), wait until it is ${definition.eligibleStatus}, then fetch again, or widen the Look-Back Window.`,
		});
	}
	return [this.helpers.returnJsonArray([newest])];
}
