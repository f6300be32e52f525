import type { INodeProperties } from 'n8n-workflow';

/**
 * Fields that several operations share. Each operation puts them under its own
 * displayOptions with updateDisplayOptions.
 */

export const meetingKeyLocator: INodeProperties = {
	displayName: 'Meeting',
	name: 'meetingKey',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The meeting to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a meeting...',
			typeOptions: { searchListMethod: 'searchMeetings', searchable: true },
		},
		{
			displayName: 'By Key',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1234567890',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[A-Za-z0-9_\\-]+$', errorMessage: 'Not a valid meeting key' },
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://meeting.zoho.com/meeting/join/abc123xyz',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^https?://.+', errorMessage: 'Not a valid URL' },
				},
			],
		},
	],
};

export const webinarKeyLocator: INodeProperties = {
	displayName: 'Webinar',
	name: 'webinarKey',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The webinar to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a webinar...',
			typeOptions: { searchListMethod: 'searchWebinars', searchable: true },
		},
		{
			displayName: 'By Key',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 2345678901',
		},
	],
};

export const recordingIdLocator: INodeProperties = {
	displayName: 'Recording',
	name: 'recordingId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The recording to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a recording...',
			typeOptions: { searchListMethod: 'searchRecordings', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. REC_1234567890',
		},
	],
};

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const timezoneField: INodeProperties = {
	displayName: 'Timezone Name or ID',
	name: 'timezone',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTimezones' },
	default: '',
	description:
		'Time zone of the meeting; a start time without an offset is read in it. Defaults to the workflow\'s time zone. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
