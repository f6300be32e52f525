import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { ZohoMeeting } from '../../../nodes/ZohoMeeting/ZohoMeeting.node';

const properties = new ZohoMeeting().description.properties;
const locators = properties.filter((property) => property.type === 'resourceLocator');

/** The field of the API object that holds each picker's value (docs/api-contract.md). */
const API_FIELD: Record<string, string> = {
	meetingKey: 'meeting_key',
	webinarKey: 'webinar_key',
	recordingId: 'recording_id',
	sessionId: 'session_id',
	participantId: 'participant_id',
	registrationId: 'registration_id',
};

const listMethod = (property: INodeProperties) =>
	(property.modes as INodePropertyMode[]).find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod;

/** Where a picker is shown: `resource/operation` pairs of its displayOptions. */
const shownFor = (property: INodeProperties) => {
	const show = property.displayOptions?.show ?? {};
	return (show.resource as string[]).flatMap((resource) => (show.operation as string[]).map((operation) => `${resource}/${operation}`));
};

describe('the pickers, as an AI agent and the editor see them', () => {
	it('are a picker for every key and ID the operations take', () => {
		expect([...new Set(locators.map((property) => property.name))].sort()).toEqual(Object.keys(API_FIELD).sort());
	});

	it.each(locators.map((property) => [property.name, shownFor(property).join(', '), property] as const))(
		'%s (%s) says what the value looks like and where a workflow finds it',
		(name, _, property) => {
			expect(property.description).toContain(API_FIELD[name]);
			expect(property.description).toMatch(/such as \S+|looks like \S+/);
			expect(property.description).toMatch(/ > (Get Many|Create|Add)| trigger /);
		},
	);

	it('list sessions and participants of the chosen meeting, registrations of the chosen webinar', () => {
		const dependsOn = Object.fromEntries(
			locators.map((property) => [property.name, property.typeOptions?.loadOptionsDependsOn]),
		);
		expect(dependsOn).toMatchObject({
			sessionId: ['meetingKey.value'],
			participantId: ['meetingKey.value'],
			registrationId: ['webinarKey.value'],
		});
		expect(dependsOn.meetingKey).toBeUndefined();
	});

	it('offer only meetings that can still change to Update, Cancel and Add Participants', () => {
		const meetingPickers = locators.filter((property) => property.name === 'meetingKey');
		const byMethod = Object.fromEntries(
			['searchMeetings', 'searchUpcomingMeetings'].map((method) => [
				method,
				meetingPickers.filter((property) => listMethod(property) === method).flatMap(shownFor).sort(),
			]),
		);
		expect(byMethod.searchUpcomingMeetings).toEqual(['meeting/cancel', 'meeting/update', 'participant/add']);
		expect(byMethod.searchMeetings).not.toContain('meeting/update');
		expect(byMethod.searchMeetings).toContain('meeting/get');
	});
});
