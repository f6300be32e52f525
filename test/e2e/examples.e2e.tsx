/**
 * The example workflows (examples/*.json), as `npm start` imports them, executed by real
 * n8n 2.x against a seeded sandbox. The archive example downloads recordings: their bytes
 * are read back from n8n's binary data storage and compared with what the sandbox served.
 * The same cases run on the compatibility versions in n8n-1-compat.e2e.ts.
 */
import { EXAMPLE_CASES, EXAMPLES } from './examples';
import { e2eStack } from './stack';

const stack = e2eStack();

beforeEach(async () => {
	await stack.sandbox.reset();
});

test('every example uses the package and the sandbox credential', () => {
	expect(EXAMPLES.length).toBeGreaterThan(0);
	for (const workflow of EXAMPLES) {
		const zohoNodes = workflow.nodes.filter((n) => String(n.type).startsWith('n8n-nodes-zoho-meeting.'));
		expect(zohoNodes.length).toBeGreaterThan(0);
	}
});

test.each(EXAMPLE_CASES.map((c) => [c.name, c] as const))('%s', async (_name, { run }) => {
	await run({ cli: stack.cli, sandbox: stack.sandbox, execute: (workflow) => stack.cli.importAndExecute(workflow) });
});
