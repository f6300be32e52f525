import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { accountsUrlExpression, CUSTOM_DATA_CENTER, DATA_CENTERS } from './dataCenters';

/**
 * The least set of Zoho's scopes that covers every operation of the node:
 * meetings, their participants, sessions and settings (meeting.ALL), reading and
 * deleting recordings (recording.ALL), webinars and registrations (webinar.ALL) and
 * meeting reports (report.READ).
 */
export const DEFAULT_SCOPES = [
	'ZohoMeeting.meeting.ALL',
	'ZohoMeeting.recording.ALL',
	'ZohoMeeting.webinar.ALL',
	'ZohoMeeting.report.READ',
].join(',');

export class ZohoMeetingOAuth2Api implements ICredentialType {
	name = 'zohoMeetingOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Zoho Meeting OAuth2 API';

	documentationUrl = 'https://github.com/n8n-nodes-zoho-meeting/n8n-nodes-zoho-meeting#connecting-zoho';

	icon: Icon = {
		light: 'file:../nodes/ZohoMeeting/zohoMeeting.svg',
		dark: 'file:../nodes/ZohoMeeting/zohoMeeting.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Data Center',
			name: 'dataCenter',
			type: 'options',
			options: [
				...DATA_CENTERS.map((dc) => ({ name: dc.name, value: dc.value })),
				{ name: 'Custom (Sandbox, Proxy or Gateway)', value: CUSTOM_DATA_CENTER },
			],
			default: 'us',
			description:
				'The Zoho data center your account lives in: the domain you sign in to Zoho with',
		},
		{
			displayName: 'Accounts URL',
			name: 'accountsUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'http://localhost:4010',
			description: 'Base URL of the OAuth server, the host of /oauth/v2/auth and /oauth/v2/token',
			displayOptions: { show: { dataCenter: [CUSTOM_DATA_CENTER] } },
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'http://localhost:4010',
			description: 'Base URL of the Zoho Meeting API, the host of /api/v2/',
			displayOptions: { show: { dataCenter: [CUSTOM_DATA_CENTER] } },
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: accountsUrlExpression('/oauth/v2/auth'),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: accountsUrlExpression('/oauth/v2/token'),
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_SCOPES,
			description:
				'Comma-separated Zoho scopes. The default is the least set that covers every operation of the Zoho Meeting node.',
		},
		{
			// Zoho issues a refresh token only when consent is asked for offline access.
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: 'access_type=offline&prompt=consent',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}

/** The credential's type name, for the code that asks n8n for it (node descriptions spell it out for n8n's lint). */
export const CREDENTIAL_TYPE = new ZohoMeetingOAuth2Api().name;
