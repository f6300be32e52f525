import type { IDataObject } from 'n8n-workflow';

import type { EventSource, TriggerEvent } from './pollState';

export interface TriggerEventDefinition extends EventSource {
	/** The list endpoint (spec "List Meetings", "List Recordings"). */
	path: string;
	/** Filters the spec offers beyond the dates, narrowing the list to candidates. */
	qs: IDataObject;
	/** What one object is called in messages: "completed meeting". */
	noun: string;
}

export const TRIGGER_EVENTS: Record<TriggerEvent, TriggerEventDefinition> = {
	meetingCompleted: {
		event: 'meetingCompleted',
		path: '/meetings',
		qs: { status: 'completed' },
		idField: 'meeting_key',
		eligibleStatus: 'completed',
		noun: 'completed meeting',
	},
	// The recordings list has no status filter: it lists processing ones too, and the
	// trigger waits until a recording's status is `available`.
	recordingAvailable: {
		event: 'recordingAvailable',
		path: '/recordings',
		qs: {},
		idField: 'recording_id',
		eligibleStatus: 'available',
		noun: 'available recording',
	},
};
