import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { DataCenterSettings } from '../../../credentials/dataCenters';
import type { Account, ApiShape } from './accounts';
import { isObject, type Dialect, type FailureRules } from './dialects/dialect';
import { organizationDialect, readOrganizationError } from './dialects/organization';
import { v2Dialect } from './dialects/v2';
import { zohoErrorOf } from './errors';
import { sendWire } from './exchange';
import type { RequestChannel } from './channel';

/**
 * Which API a credential's account speaks: its API setting says, or (`auto`, and
 * `organization` without an Organization ID) Zoho is asked once per credential and process
 * (accounts.ts keeps the answer): `GET /api/v2/user.json` answering `userDetails.zsoid` is
 * the organization API, with its organization; a not-found answer is the v2 reference.
 */

/** The credential's settings that decide: `api` (`auto`, `organization`, `v2`) and `organizationId`. */
export type ApiSettings = DataCenterSettings & { api?: unknown; organizationId?: unknown };

export const CURRENT_USER_PATH = '/api/v2/user.json';

/** Before the shape is known: either shape's errors, and Zoho's token error of the organization API. */
const ASKING: FailureRules = {
	isAnswer: isObject,
	readError: (data) => zohoErrorOf(data) ?? readOrganizationError(data),
	tokenRejected: (_, error) => error?.code === 'INVALID_OAUTHTOKEN',
};

export const dialectOf = (shape: ApiShape): Dialect => (shape.api === 'v2' ? v2Dialect : organizationDialect(shape.zsoid));

/** A zsoid as it goes into every path: digits only. */
function organizationIdOf(node: INode, itemIndex: number, value: unknown): string | undefined {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (text === '') return undefined;
	if (/^\d{1,30}$/.test(text)) return text;
	throw new NodeOperationError(node, `The credential's Organization ID "${text.slice(0, 40)}" is not a Zoho organization ID`, {
		itemIndex,
		description: "It is a number, such as 880012345 (Zoho calls it zsoid). Open the Zoho Meeting credential and correct it, or leave it empty to have the node look it up.",
	});
}

export async function apiShapeOf(channel: RequestChannel, settings: ApiSettings, account: Account, itemIndex: number): Promise<ApiShape> {
	// n8n fills in a field's default when it reads a credential, so a stored one without `api` is `auto`.
	const api = settings.api ?? 'auto';
	if (api === 'v2') return { api: 'v2' };
	if (api !== 'auto' && api !== 'organization') {
		throw new NodeOperationError(channel.node, `The credential's API "${String(api)}" is not one the node knows`, {
			itemIndex,
			description: 'Open the Zoho Meeting credential and choose Auto-Detect, Organization or V2 Reference as its API.',
		});
	}
	const given = organizationIdOf(channel.node, itemIndex, settings.organizationId);
	if (given) return { api: 'organization', zsoid: given };
	if (!account.shape) {
		const asking = askZoho(channel, itemIndex);
		account.shape = asking;
		asking.catch(() => {
			if (account.shape === asking) account.shape = undefined;
		});
	}
	const shape = await account.shape;
	if (api === 'organization' && shape.api === 'v2') {
		throw new NodeOperationError(channel.node, `Zoho Meeting has no ${CURRENT_USER_PATH} to look up the organization`, {
			itemIndex,
			description: "The credential's API is Organization without an Organization ID, but the server answered not found, as the v2 reference API does. Enter the Organization ID (zsoid), or set the API to Auto-Detect or V2 Reference.",
		});
	}
	return shape;
}

async function askZoho(channel: RequestChannel, itemIndex: number): Promise<ApiShape> {
	let body: unknown;
	try {
		const exchange = { wire: { method: 'GET' as const, path: CURRENT_USER_PATH }, itemIndex, idempotent: true, stream: false, rules: ASKING };
		body = (await sendWire(channel, exchange)).body;
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return { api: 'v2' };
		throw explained(error);
	}
	const zsoid = (body as { userDetails?: { zsoid?: unknown } } | undefined)?.userDetails?.zsoid;
	const id = typeof zsoid === 'number' || typeof zsoid === 'string' ? String(zsoid).trim() : '';
	if (/^\d{1,30}$/.test(id)) return { api: 'organization', zsoid: id };
	throw new NodeOperationError(channel.node, `Zoho Meeting answered ${CURRENT_USER_PATH} without an organization ID`, {
		itemIndex,
		description: "The node asks it which API the account speaks. Open the Zoho Meeting credential and set its API to Organization with the Organization ID (zsoid), or to V2 Reference.",
	});
}

/** An error of the look-up, saying what the request was for and how to do without it. */
function explained(error: unknown): unknown {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	const scope =
		error instanceof NodeApiError && error.httpCode === '403'
			? " Add ZohoMeeting.manageOrg.READ to the credential's Scope and reconnect it, or"
			: ' To do without it,';
	error.description = [
		`The node asked Zoho which API this account speaks (GET ${CURRENT_USER_PATH}, once per credential).`,
		error.description,
		`${scope} set the credential's API to Organization with the Organization ID (zsoid), or to V2 Reference.`,
	]
		.filter(Boolean)
		.join(' ');
	return error;
}
