import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { accountsUrlExpression, CUSTOM_DATA_CENTER, DATA_CENTERS } from './dataCenters';

/**
 * The least set of scopes that covers every operation of the node in both APIs
 * (README, "Scopes"): meetings, their participants, sessions and settings (meeting.ALL),
 * reading and deleting recordings (recording.ALL), webinars and registrations
 * (webinar.ALL), meeting reports (report.READ); for Zoho's organization API also the
 * current user, where `auto` and an empty Organization ID learn the organization
 * (manageOrg.READ: the scope seen working for it in client code, docs/zoho-api.md), and
 * recording files on Zoho's download host (meetinguds.READ and Zoho WorkDrive's
 * files.READ, as client code asks for them).
 */
export const DEFAULT_SCOPES = [
	'ZohoMeeting.meeting.ALL',
	'ZohoMeeting.recording.ALL',
	'ZohoMeeting.webinar.ALL',
	'ZohoMeeting.report.READ',
	'ZohoMeeting.manageOrg.READ',
	'ZohoMeeting.meetinguds.READ',
	'ZohoFiles.files.READ',
].join(',');

export class ZohoMeetingOAuth2Api implements ICredentialType {
	name = 'zohoMeetingOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Zoho Meeting OAuth2 API';

	documentationUrl = 'https://github.com/n8n-nodes-zoho-meeting/n8n-nodes-zoho-meeting#connecting-a-real-zoho-account';

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
			placeholder: 'https://accounts.example.com',
			description: 'Base URL of the OAuth server, the host of /oauth/v2/auth and /oauth/v2/token. Use https (plain http only for a sandbox on localhost).',
			displayOptions: { show: { dataCenter: [CUSTOM_DATA_CENTER] } },
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://meeting-gateway.example.com',
			description: 'Base URL of the Zoho Meeting API, the host of /api/v2/. Use https (plain http only for a sandbox on localhost).',
			displayOptions: { show: { dataCenter: [CUSTOM_DATA_CENTER] } },
		},
		{
			displayName: 'API',
			name: 'api',
			type: 'options',
			options: [
				{
					name: 'Auto-Detect',
					value: 'auto',
					description: 'Ask Zoho once per credential (GET /api/v2/user.json) which API it speaks',
				},
				{
					name: 'Organization (Zoho Meeting API)',
					value: 'organization',
					description: "Zoho's published API of an organization, as Zoho's data centers serve it",
				},
				{
					name: 'V2 Reference',
					value: 'v2',
					description: 'The v2 reference contract (/api/v2/meetings), as the sandbox serves it by default',
				},
			],
			default: 'auto',
			description:
				"Which wire format the Zoho Meeting API of this credential speaks. Workflows are the same with either; Auto-Detect costs one request per credential the first time n8n uses it.",
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 880012345',
			description:
				"The organization's ID in Zoho Meeting (zsoid). Leave empty to look it up, which needs the ZohoMeeting.manageOrg.READ scope.",
			displayOptions: { show: { api: ['auto', 'organization'] } },
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
				'Comma-separated Zoho scopes. The default is the least set that covers every operation of the Zoho Meeting node in either API.',
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
