import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { assertInteger } from '../ZohoMeeting/actions/shared/parameters';
import { TRIGGER_EVENTS } from './events';
import { MAX_REMEMBERED, PollRound, type RoundSettings, type TriggerEvent } from './pollState';
import { pollWithLease } from './pollWindow';
import { fetchTestEvent } from './testEvent';

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
					'Each object starts the workflow once. Zoho Meeting can only list by start time, so each poll looks at everything that started within the Look-Back Window: a meeting that completes, or a recording that becomes available, later than that after its start is not seen. ' +
					`The node remembers up to ${MAX_REMEMBERED.toLocaleString('en-US')} objects of the window; should it ever hold more, it gives up the oldest part and says so in n8n's log.`,
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
		if (this.getMode() === 'manual') {
			const { since } = new PollRound(this.getWorkflowStaticData('node').pollState, settings);
			return await fetchTestEvent.call(this, definition, since, lookBackHours);
		}
		return await pollWithLease.call(this, definition, settings);
	}
}
