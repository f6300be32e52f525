import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as meeting from './meeting/Meeting.resource';
import { defineResource, type Resource, type ZohoOperation } from './operation';
import * as participant from './participant/Participant.resource';
import * as recording from './recording/Recording.resource';
import * as registration from './registration/Registration.resource';
import * as report from './report/Report.resource';
import * as session from './session/Session.resource';
import * as settings from './settings/Settings.resource';
import * as webinar from './webinar/Webinar.resource';

/**
 * Every resource of the node, one line each: the Resource dropdown, the operation fields
 * and the router's lookup all come from this one list.
 */
const all: Record<string, Resource> = {
	meeting: defineResource('meeting', 'Meeting', meeting, 'create'),
	participant: defineResource('participant', 'Participant', participant, 'add'),
	recording: defineResource('recording', 'Recording', recording, 'getAll'),
	registration: defineResource('registration', 'Registration', registration, 'getAll'),
	report: defineResource('report', 'Report', report, 'get'),
	session: defineResource('session', 'Session', session, 'getAll'),
	settings: defineResource('settings', 'Settings', settings, 'get'),
	webinar: defineResource('webinar', 'Webinar', webinar, 'create'),
};

export const resourceOptions: INodePropertyOptions[] = Object.entries(all)
	.map(([value, resource]) => ({ name: resource.displayName, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

export function operationOf(resource: string, operation: string): ZohoOperation | undefined {
	return all[resource]?.operations[operation];
}

export const resourceProperties: INodeProperties[] = Object.values(all).flatMap((resource) => resource.description);

/** The operations' own entries of the node's Options collection (router.ts has the ones every operation shares). */
export const operationOptions: INodeProperties[] = Object.values(all).flatMap((resource) => resource.options);
