import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ZohoClient } from '../ZohoMeeting/transport';
import type { TriggerEventDefinition } from './events';

/**
 * Refuses, before any list request, an event that the credential's API cannot list: Zoho's
 * organization API has no cancelled meetings and no registrations (docs/zoho-api.md,
 * "Documented nowhere found"). Without this the poll would fail only at the request the
 * dialect refuses, in the words of the action node's Status filter, and New Webinar
 * Registration would first read the chosen webinar. Knowing the API costs no request
 * unless the credential is Auto-Detect without an Organization ID, which asks Zoho once
 * per credential and n8n process (transport/apiShape.ts), as any first request would.
 */
export async function assertOffered(ctx: IPollFunctions, definition: TriggerEventDefinition): Promise<void> {
	const { notInOrganization } = definition;
	if (notInOrganization === undefined) return;
	const { dialect } = await new ZohoClient(ctx).connection(0);
	if (dialect.shape.api !== 'organization') return;
	throw new NodeOperationError(ctx.getNode(), `${definition.displayName} is not offered by Zoho's organization API`, {
		description: [
			`${notInOrganization.why} (docs/zoho-api.md), so the trigger sent nothing and stored nothing.`,
			notInOrganization.instead,
			"If your Zoho Meeting server speaks the v2 reference API, set the credential's API to V2.",
		].join(' '),
	});
}
