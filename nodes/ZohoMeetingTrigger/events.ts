import type { IDataObject } from 'n8n-workflow';

import type { EventSource, TriggerEvent } from './triggerState';

/** A list endpoint of the contract (docs/api-contract.md) with the filters that narrow it to candidates. */
export interface FlatList {
	path: string;
	qs: IDataObject;
}

export interface TriggerEventDefinition extends EventSource {
	displayName: string;
	/** What the node lists: one endpoint, or the registrations of each upcoming webinar (registrations.ts). */
	list: FlatList | 'registrations';
	/** What one object is called in messages: "completed meeting". */
	noun: string;
	/** What to do in Zoho Meeting to have one, for Fetch Test Event's "none yet". */
	howToGetOne: string;
	/** Fetch Test Event's "newest": the latest start, or the latest change (created, cancelled, registered). */
	newestBy: 'start' | 'change';
	/** The field Topic Contains looks at. */
	topicField: string;
	/** Where Presenter Email looks: the object's own `presenter`, or its meeting's; absent: no presenter filter. */
	presenterOf?: 'object' | 'meeting';
	/**
	 * Set for an event Zoho's organization API cannot list (docs/zoho-api.md): why, and
	 * what to use instead. The trigger refuses it there before any list request (offered.ts).
	 */
	notInOrganization?: { why: string; instead: string };
}

const meetings = (status: string): FlatList => ({ path: '/meetings', qs: { status } });

/**
 * The API contract's lists (docs/api-contract.md) filter meetings by `status` but
 * recordings by nothing but dates, and have no "changed since" filter at all:
 * docs/trigger.md says what each event costs.
 */
export const TRIGGER_EVENTS: Record<TriggerEvent, TriggerEventDefinition> = {
	meetingCancelled: {
		event: 'meetingCancelled',
		displayName: 'Meeting Cancelled',
		list: meetings('cancelled'),
		idField: 'meeting_key',
		eligibleStatus: 'cancelled',
		startField: 'start_time',
		// Cancelling modifies the meeting (spec "Cancel Meeting"; sandbox/store.tsx markCancelled).
		changedFields: ['created_time', 'modified_time'],
		noun: 'cancelled meeting',
		howToGetOne: 'Cancel a meeting that has not started',
		newestBy: 'change',
		topicField: 'topic',
		presenterOf: 'object',
		notInOrganization: {
			why: 'Zoho deletes a cancelled meeting: its meeting lists (all, past, today, upcoming) hold no cancelled ones',
			instead:
				'Watch Meeting Scheduled or Meeting Completed instead, or, where a workflow of yours cancels meetings (Zoho Meeting node, Meeting > Delete), go on from that workflow.',
		},
	},
	meetingCompleted: {
		event: 'meetingCompleted',
		displayName: 'Meeting Completed',
		list: meetings('completed'),
		idField: 'meeting_key',
		eligibleStatus: 'completed',
		startField: 'start_time',
		changedFields: ['created_time', 'modified_time'],
		noun: 'completed meeting',
		howToGetOne: 'Hold a meeting and wait until it is completed',
		newestBy: 'start',
		topicField: 'topic',
		presenterOf: 'object',
	},
	// A new meeting is listed as scheduled until it completes or is cancelled; it is new
	// when its key is, and its created_time tells it from one the node forgot (EventSource).
	meetingScheduled: {
		event: 'meetingScheduled',
		displayName: 'Meeting Scheduled',
		list: meetings('scheduled'),
		idField: 'meeting_key',
		eligibleStatus: 'scheduled',
		startField: 'start_time',
		changedFields: ['created_time'],
		createdField: 'created_time',
		noun: 'scheduled meeting',
		howToGetOne: 'Schedule a meeting',
		newestBy: 'change',
		topicField: 'topic',
		presenterOf: 'object',
	},
	// Registrations have no date filter of their own: they are listed per webinar, and
	// carry their webinar's start and topic (`webinar_start_time`, `webinar_topic`).
	newRegistration: {
		event: 'newRegistration',
		displayName: 'New Webinar Registration',
		list: 'registrations',
		idField: 'registration_id',
		startField: 'webinar_start_time',
		changedFields: ['registered_time'],
		createdField: 'registered_time',
		noun: 'webinar registration',
		howToGetOne: 'Register for an upcoming webinar',
		newestBy: 'change',
		topicField: 'webinar_topic',
		notInOrganization: {
			why: "No Zoho page or client code in use lists a webinar's registrations",
			instead: 'See the registrations in Zoho Meeting, which also emails each registrant.',
		},
	},
	// The recordings list has no status filter: it lists processing ones too, and the
	// trigger waits until a recording's status is `available`. A recording names no
	// presenter: Presenter Email looks at its meeting.
	recordingAvailable: {
		event: 'recordingAvailable',
		displayName: 'New Recording',
		list: { path: '/recordings', qs: {} },
		idField: 'recording_id',
		eligibleStatus: 'available',
		startField: 'start_time',
		changedFields: ['created_time', 'modified_time'],
		noun: 'available recording',
		howToGetOne: 'Hold a meeting with recording on and wait until its recording is available',
		newestBy: 'start',
		topicField: 'topic',
		presenterOf: 'meeting',
	},
};
