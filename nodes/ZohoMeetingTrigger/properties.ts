import type { INodeProperties } from 'n8n-workflow';

import { TRIGGER_EVENTS } from './events';
import { MAX_REMEMBERED } from './pollState';
import type { TriggerEvent } from './triggerState';

export const DEFAULT_LOOK_BACK_HOURS = 24;
/** 90 days: long enough for a quarter-long recurring series. */
export const MAX_LOOK_BACK_HOURS = 2_160;

const EVENT_DESCRIPTIONS: Record<TriggerEvent, string> = {
	meetingCancelled: "A meeting that was cancelled before it started (not offered by Zoho's organization API)",
	meetingCompleted: 'A meeting whose status became completed (a recurring series: after its last occurrence)',
	meetingScheduled: 'A meeting that was scheduled (created)',
	newRegistration: "A new registration for an upcoming webinar, or for the chosen one (not offered by Zoho's organization API)",
	recordingAvailable: 'A recording that finished processing and can be downloaded',
};

const eventOptions = Object.values(TRIGGER_EVENTS)
	.map(({ event, displayName }) => ({ name: displayName, value: event, description: EVENT_DESCRIPTIONS[event] }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** Events with a presenter: every meeting event, and recordings through their meeting. */
const withPresenter = Object.values(TRIGGER_EVENTS)
	.filter((definition) => definition.presenterOf !== undefined)
	.map((definition) => definition.event);

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description: 'Changing a filter starts the trigger over: what it left out is never passed on later',
	options: [
		{
			displayName: 'Presenter Email',
			name: 'presenter',
			type: 'string',
			default: '',
			placeholder: 'e.g. jane.smith@example.com',
			description:
				"Only meetings presented by this person (for recordings: the recording's meeting, one more request per new recording's meeting)",
			displayOptions: { show: { '/event': withPresenter } },
		},
		{
			displayName: 'Topic Contains',
			name: 'topic',
			type: 'string',
			default: '',
			placeholder: 'e.g. Sales',
			description: "Only objects whose topic contains this text, ignoring case (for registrations: the webinar's topic)",
		},
	],
};

const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Download Recording',
			name: 'downloadRecording',
			type: 'boolean',
			default: false,
			description:
				"Whether to output the recording's file as binary data with each item. A file that cannot be fetched within the poll's time budget is left out, and the item says why in download_error.",
			displayOptions: { show: { '/event': ['recordingAvailable'] } },
		},
		{
			displayName: 'Look-Back Window (Hours)',
			name: 'lookBackWindow',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_LOOK_BACK_HOURS },
			default: DEFAULT_LOOK_BACK_HOURS,
			description:
				'How long after its start time an object may become eligible (a meeting complete, a recording become available, a webinar take registrations) and still trigger; a longer window costs one more request per 100 objects in it',
		},
		{
			displayName: 'Max File Size (MB)',
			name: 'maxFileSize',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				"Leave out a file larger than this (0 means no limit). With n8n's default binary data mode every file of a poll is held in memory at once.",
			displayOptions: { show: { '/event': ['recordingAvailable'], downloadRecording: [true] } },
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			placeholder: 'e.g. data',
			hint: 'The name of the output binary field to put the file in',
			displayOptions: { show: { '/event': ['recordingAvailable'], downloadRecording: [true] } },
		},
	],
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		default: 'recordingAvailable',
		options: eventOptions,
	},
	{
		displayName: 'Webinar',
		name: 'webinarKey',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The webinar whose registrations to watch; leave empty to watch every upcoming webinar',
		displayOptions: { show: { event: ['newRegistration'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Every upcoming webinar',
				typeOptions: { searchListMethod: 'searchWebinars', searchable: true },
			},
			{ displayName: 'By Key', name: 'id', type: 'string', placeholder: 'e.g. 2345678901' },
		],
	},
	{
		displayName:
			'Each object starts the workflow once. Zoho Meeting can only list by start time, so each poll looks at everything that started within the Look-Back Window or starts later: a meeting that completes, or a recording that becomes available, later than that after its start is not seen. ' +
			`The node remembers up to ${MAX_REMEMBERED.toLocaleString('en-US')} objects of the window; should it ever hold more, it gives up the oldest part and says so in n8n's log.`,
		name: 'notice',
		type: 'notice',
		default: '',
	},
	filters,
	options,
];
