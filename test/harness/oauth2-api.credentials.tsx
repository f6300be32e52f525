import type { ICredentialType, INodeProperties } from 'n8n-workflow';

const shownWithoutDcr = { useDynamicClientRegistration: [false] };
const shownForCodeGrants = { grantType: ['authorizationCode', 'pkce'], ...shownWithoutDcr };

/** A property shown unless dynamic client registration is on, or as `extra.displayOptions` says. */
const field = (
	name: string,
	type: INodeProperties['type'],
	defaultValue: INodeProperties['default'],
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({
	displayName: name,
	name,
	type,
	default: defaultValue,
	displayOptions: { show: shownWithoutDcr },
	...extra,
});

const choices = (...values: string[]) => values.map((value) => ({ name: value, value }));

/**
 * The generic `oAuth2Api` parent type that every OAuth2 credential `extends`. It lives in
 * n8n-nodes-base (packages/nodes-base/credentials/OAuth2Api.credentials.ts), which is not a
 * dependency here, so its properties are reproduced: the defaults and the `doNotInherit`
 * flags decide what a child credential's decrypted data holds at run time. The JWE
 * algorithm/key fields are left out: they only show when `jweEnabled`, which children
 * never inherit. Display names are the property names: only the data matters here.
 */
export class OAuth2Api implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API';

	documentationUrl = 'httprequest';

	genericAuth = true;

	properties: INodeProperties[] = [
		field('useDynamicClientRegistration', 'hidden', false, { displayOptions: undefined }),
		field('grantType', 'options', 'authorizationCode', {
			options: choices('authorizationCode', 'clientCredentials', 'pkce'),
		}),
		field('serverUrl', 'string', '', {
			required: true,
			displayOptions: { show: { useDynamicClientRegistration: [true] } },
		}),
		field('authUrl', 'string', '', { required: true, displayOptions: { show: shownForCodeGrants } }),
		field('accessTokenUrl', 'string', '', { required: true }),
		field('clientId', 'string', '', { required: true }),
		field('clientSecret', 'string', '', { required: true, typeOptions: { password: true } }),
		field('scope', 'string', ''),
		field('authQueryParameters', 'string', '', { displayOptions: { show: shownForCodeGrants } }),
		field('authentication', 'options', 'header', { options: choices('body', 'header') }),
		field('sendAdditionalBodyProperties', 'boolean', false, {
			displayOptions: {
				show: { grantType: ['clientCredentials'], authentication: ['body'], ...shownWithoutDcr },
			},
		}),
		field('additionalBodyProperties', 'json', '', {
			displayOptions: {
				show: {
					grantType: ['clientCredentials'],
					authentication: ['body'],
					sendAdditionalBodyProperties: [true],
					...shownWithoutDcr,
				},
			},
		}),
		field('ignoreSSLIssues', 'boolean', false, { displayOptions: undefined, doNotInherit: true }),
		field('tokenExpiredStatusCode', 'number', 401, { displayOptions: undefined, doNotInherit: true }),
		field('jweEnabled', 'boolean', false, { displayOptions: undefined, doNotInherit: true }),
	];
}
