// Lint covers what ships: package.json, credentials/ and nodes/.
// eslint-plugin-n8n-nodes-base still publishes eslintrc-style configs, so their rule
// maps are lifted into flat-config blocks here; @n8n/eslint-plugin-community-nodes is
// flat already.
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';
import jsoncParser from 'jsonc-eslint-parser';

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
		rules: n8nNodesBase.configs.credentials.rules,
	},
	{
		...base,
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		rules: n8nNodesBase.configs.nodes.rules,
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
