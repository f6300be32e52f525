import type { ApiName } from '../../sandbox/model';
import { erecordingIdOf } from '../../sandbox/organization/recordings';
import { SANDBOX_ZSOID } from '../helpers/sandboxWorkflow';

/**
 * What the reliability suite's cases need to know of each dialect the sandbox speaks
 * (sandbox/README.md, "Two dialects"): where a request goes on the wire, as a fault rule's
 * path pattern, and how the API says what went wrong. The workflows, and what the node
 * must make of each fault, are the same in both.
 */
export interface Wire {
	api: ApiName;
	/** Meeting > Get Many's list request, and Meeting > Create's. */
	meetings: string;
	/** Recording > Get Many's list of every recording (New Recording's list). */
	recordings: string;
	/** The finest start time the API writes: the organization API's `startTime` text has no seconds. */
	startUnitMs: number;
	/** The request that carries a recording's file (its answer, or a redirect to the file host). */
	recordingFile: string;
	/** The status of an answer refusing an expired token: 401 INVALID_TOKEN, or Zoho's 400 INVALID_OAUTHTOKEN. */
	tokenRefused: number;
	/** The error of a token Zoho still refuses after n8n refreshed it. */
	tokenError: { message: RegExp; httpCode: string };
	/** The error of a meeting key that names no meeting (one deleted meanwhile). */
	noSuchMeeting: { message: string; httpCode: string };
	/** A recording's ID in this dialect's answers, from the store's (the admin API's). */
	recordingId(storeId: string): string;
	/**
	 * The API requests before each try of a recording's file: none, or the organization's
	 * recordings list, which the node looks through (Zoho has no request for one recording)
	 * for the file's address, new on every try.
	 */
	fileLookups: number;
}

const ORGANIZATION = `/api/v2/${SANDBOX_ZSOID}`;

export const WIRES: Record<ApiName, Wire> = {
	v2: {
		api: 'v2',
		meetings: '^/api/v2/meetings$',
		recordings: '^/api/v2/recordings$',
		startUnitMs: 1000,
		recordingFile: '/download$',
		tokenRefused: 401,
		tokenError: { message: /^INVALID_TOKEN: Access token invalid or expired$/, httpCode: '401' },
		noSuchMeeting: { message: 'INVALID_MEETING_KEY: The specified meeting key does not exist', httpCode: '404' },
		recordingId: (storeId) => storeId,
		fileLookups: 0,
	},
	organization: {
		api: 'organization',
		meetings: `^${ORGANIZATION}/sessions\\.json$`,
		recordings: `^/meeting${ORGANIZATION}/recordings\\.json$`,
		startUnitMs: 60_000,
		recordingFile: '^/webdownload$',
		tokenRefused: 400,
		tokenError: { message: /^INVALID_OAUTHTOKEN: Access token invalid or expired, or of another data center$/, httpCode: '400' },
		noSuchMeeting: { message: 'INVALID_MEETING_KEY: The meeting key is invalid.', httpCode: '400' },
		recordingId: erecordingIdOf,
		fileLookups: 1,
	},
};

/** Both dialects, for `describe.each`: each runs a reliability file's cases against its own sandbox. */
export const DIALECTS = Object.values(WIRES).map((wire) => [wire.api, wire] as const);
