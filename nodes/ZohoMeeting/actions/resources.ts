import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as meeting from './meeting/Meeting.resource';
import * as participant from './participant/Participant.resource';
import * as recording from './recording/Recording.resource';
import * as report from './report/Report.resource';
import * as session from './session/Session.resource';
import * as registration from './registration/Registration.resource';
import * as settings from './settings/Settings.resource';
import * as webinar from './webinar/Webinar.resource';
import type { ResourceOperations } from './types';

interface Resource {
	displayName: string;
	operations: ResourceOperations;
	description: INodeProperties[];
}

/**
 * Every resource of the node (INTERFACE.md). The Resource dropdown, the operation
 * fields and the router's lookup all come from this one list.
 */
const all: Record<string, Resource> = {
	participant: { displayName: 'Participant', ...participant },
	recording: { displayName: 'Recording', ...recording },
	report: { displayName: 'Report', ...report },
	session: { displayName: 'Session', ...session },
	webinar: { displayName: 'Webinar', ...webinar },
	registration: { displayName: 'Registration', ...registration },
	settings: { displayName: 'Settings', ...settings },
	meeting: { displayName: 'Meeting', ...meeting },
};

export const resourceOptions: INodePropertyOptions[] = Object.entries(all)
	.map(([value, resource]) => ({ name: resource.displayName, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

export const resources: Record<string, ResourceOperations> = Object.fromEntries(
	Object.entries(all).map(([name, resource]) => [name, resource.operations]),
);

export const resourceProperties: INodeProperties[] = Object.values(all).flatMap(
	(resource) => resource.description,
);
