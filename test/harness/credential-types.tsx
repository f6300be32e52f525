import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { OAuth2Api } from './oauth2-api.credentials';
import { packageCredentialTypes } from './package-types';

/**
 * The credential types a run knows: the reproduced `oAuth2Api` parent, the package's own
 * credentials and any a test adds. Mirrors packages/cli/src/credential-types.ts and the
 * property merging of packages/cli/src/credentials-helper.ts.
 */
export class CredentialTypes {
	private readonly byName = new Map<string, ICredentialType>();

	constructor(extra: ICredentialType[] = []) {
		for (const type of [new OAuth2Api(), ...packageCredentialTypes(), ...extra]) {
			this.byName.set(type.name, type);
		}
	}

	recognizes(name: string): boolean {
		return this.byName.has(name);
	}

	getByName(name: string): ICredentialType {
		const type = this.byName.get(name);
		if (!type) throw new UnexpectedError(`Unknown credential type "${name}"`);
		return type;
	}

	/** All ancestors, nearest first: what `httpRequestWithAuthentication` checks for `oAuth2Api`. */
	getParentTypes(name: string): string[] {
		const parents = this.byName.get(name)?.extends ?? [];
		return [...parents, ...parents.flatMap((parent) => this.getParentTypes(parent))];
	}

	/**
	 * The type's properties merged over its parents' (children win; parents' `doNotInherit`
	 * properties are skipped by mergeNodeProperties), plus the `oauthTokenData` property that
	 * the CLI adds to oAuth1Api/oAuth2Api.
	 */
	getCredentialsProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (type.extends === undefined) {
			if (!['oAuth1Api', 'oAuth2Api'].includes(name)) return type.properties;
			const tokenData: INodeProperties = {
				displayName: 'oauthTokenData',
				name: 'oauthTokenData',
				type: 'json',
				required: false,
				default: {},
			};
			return [...type.properties, tokenData];
		}
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}
