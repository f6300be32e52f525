// Lint covers what ships: package.json, credentials/ and nodes/.
// eslint-plugin-n8n-nodes-base still publishes eslintrc-style configs, so their rule
// maps are lifted into flat-config blocks here; @n8n/eslint-plugin-community-nodes is
// flat already. The few rules switched off are the ones n8n's own community-node
// config (@n8n/node-cli, src/configs/eslint.ts) switches off, for the same reasons.
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';
import * as jsoncParser from 'jsonc-eslint-parser';

const base = { plugins: { 'n8n-nodes-base': n8nNodesBase } };

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'sandbox/**', 'test/**', 'scripts/**', '.n8n/**'] },
	{
		...base,
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		rules: {
			...n8nNodesBase.configs.community.rules,
			'n8n-nodes-base/community-package-json-name-still-default': 'off',
		},
	},
	{
		...base,
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Wants an n8n docs slug; a community credential links to its own docs
			// (community-nodes/credential-documentation-url checks the URL instead).
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		...base,
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Both want the string 'main'; community-nodes/node-connection-type-literal
			// requires the NodeConnectionTypes enum that current n8n uses.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// Zoho does have hard maximums (per_page 100), so maxValue is meaningful.
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		...n8nCommunityNodesPlugin.configs.recommended,
		files: ['package.json', 'credentials/**/*.ts', 'nodes/**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
	},
];
