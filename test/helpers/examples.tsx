import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { WorkflowJson } from '../harness';

const EXAMPLES = path.resolve(__dirname, '../../examples');

/** A workflow from examples/, parsed as n8n would import it. */
export function exampleWorkflow(fileName: string): WorkflowJson {
	return JSON.parse(readFileSync(path.join(EXAMPLES, fileName), 'utf8')) as WorkflowJson;
}
