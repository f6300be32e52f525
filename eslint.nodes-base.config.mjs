// `npm run lint`, second part: eslint-plugin-n8n-nodes-base 2.x, the package's own choice
// of rule sets (community for package.json, credentials, nodes), over what ships.
//
// The first part, `n8n-node lint` in strict mode (scripts/release/n8n-lint.tsx), runs
// n8n's default eslint.config.mjs, which may not be changed: it brings
// @n8n/eslint-plugin-community-nodes, typescript-eslint and import-x, and the same three
// rule sets from the eslint-plugin-n8n-nodes-base 1.x that @n8n/node-cli depends on.
// This file adds the 2.x rules on top. The rules switched off are the ones that default
// config (@n8n/node-cli, dist/configs/eslint.js) switches off, for the same reasons.
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';
import * as jsoncParser from 'jsonc-eslint-parser';

const base = { plugins: { 'n8n-nodes-base': n8nNodesBase } };
const typescript = { parser: tseslint.parser, parserOptions: { sourceType: 'module' } };

export default [
	{ ignores: ['dist/**', 'node_modules/**'] },
	{
		...base,
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		...base,
		files: ['credentials/**/*.ts'],
		languageOptions: typescript,
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
		languageOptions: typescript,
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
];
