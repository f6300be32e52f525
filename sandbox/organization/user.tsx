import type { ApiRoute } from '../api';
import { SANDBOX_ORGANIZATION, SANDBOX_USER } from '../tokens';
import { API_PATH, json, organizationRoute } from './common';

/**
 * The current user (`GET /api/v2/user.json`), where a client learns the `zsoid` every
 * other path needs. Seen in client code (Pipedream's zoho_meeting component, others),
 * not on a Zoho page; its scope is not documented either. Zoho's user-api pages use
 * ZohoMeeting.user.READ and Pipedream's working scope list has ZohoMeeting.manageorg.READ,
 * so either opens it here.
 */
export const userRoutes: ApiRoute[] = [
	organizationRoute({
		method: 'GET',
		path: `${API_PATH}/user.json`,
		scope: ['ZohoMeeting.manageOrg.READ', 'ZohoMeeting.user.READ'],
		handle: () =>
			json(200, {
				userDetails: {
					zsoid: SANDBOX_ORGANIZATION.zsoid,
					zuid: SANDBOX_ORGANIZATION.zuid,
					primaryEmail: SANDBOX_USER.email,
				},
			}),
	}),
];
