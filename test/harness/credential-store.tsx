import type { ICredentialDataDecryptedObject, INodeCredentialsDetails } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export interface NewCredential {
	type: string;
	data: ICredentialDataDecryptedObject;
	/** Defaults to a counter ("1", "2", ...); give one to match ids in exported workflow JSON. */
	id?: string;
	name?: string;
}

/**
 * In-memory stand-in for n8n's credentials table: plain (decrypted) data by id. The
 * harness's credentials helper reads from it and writes refreshed OAuth tokens back to it,
 * as the CLI does to the database.
 */
export class CredentialStore {
	private readonly credentials = new Map<string, StoredCredential>();

	private readonly tokenUpdates = new Map<string, number>();

	private nextId = 1;

	/** Stores a credential; returns what a node's `credentials[type]` holds: `{ id, name }`. */
	create({ type, data, id, name }: NewCredential): INodeCredentialsDetails & { id: string } {
		const credentialId = id ?? String(this.nextId++);
		const credentialName = name ?? `${type} ${credentialId}`;
		this.credentials.set(credentialId, {
			id: credentialId,
			name: credentialName,
			type,
			data: structuredClone(data),
		});
		return { id: credentialId, name: credentialName };
	}

	/** A copy of the credential's CURRENT data (after any refresh the runs persisted). */
	get(id: string): ICredentialDataDecryptedObject {
		return structuredClone(this.entry(id).data);
	}

	/** The stored entry of that id and type, as the CLI's repository lookup does. */
	find(id: string | null, type: string): StoredCredential {
		const credential = id === null ? undefined : this.credentials.get(id);
		if (!credential || credential.type !== type) {
			throw new UserError(`Credential with ID "${id}" does not exist for type "${type}".`);
		}
		return credential;
	}

	/** Replaces the whole data (credentials-helper `updateCredentials`). */
	replaceData(id: string, data: ICredentialDataDecryptedObject): void {
		this.entry(id).data = structuredClone(data);
	}

	/** Sets `oauthTokenData` (credentials-helper `updateCredentialsOauthTokenData`) and counts it. */
	saveOauthTokenData(id: string, oauthTokenData: unknown): void {
		const entry = this.entry(id);
		entry.data = { ...entry.data, oauthTokenData: structuredClone(oauthTokenData) as never };
		this.tokenUpdates.set(id, this.refreshCount(id) + 1);
	}

	/** How many times n8n-core persisted new OAuth token data for this credential (refreshes). */
	refreshCount(id: string): number {
		return this.tokenUpdates.get(id) ?? 0;
	}

	private entry(id: string): StoredCredential {
		const credential = this.credentials.get(id);
		if (!credential) throw new UserError(`No credential with ID "${id}" in the store`);
		return credential;
	}
}
