import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeCredentialsDetails,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { CredentialStore } from './credential-store';
import { CredentialTypes } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import { ensureHarnessEnvironment } from './setup';

/**
 * A stored credential's data as a node's `getCredentials()` returns it: parent (oAuth2Api)
 * defaults applied and `={{ }}` expressions resolved against the credential itself.
 */
export async function resolveCredentialData(
	store: CredentialStore,
	ref: INodeCredentialsDetails,
	type: string,
	credentialTypes?: ICredentialType[],
): Promise<ICredentialDataDecryptedObject> {
	await ensureHarnessEnvironment();
	const helper = new HarnessCredentialsHelper(store, new CredentialTypes(credentialTypes));
	const additionalData = createAdditionalData(helper, 'resolve-credential', 'harness-workflow');
	return await helper.getDecrypted(additionalData, ref, type, 'manual');
}
