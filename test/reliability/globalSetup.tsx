import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { LEDGER_DIR_VARIABLE } from './ledger';

/** A fresh directory for this run's counts; the workers inherit the variable. */
export default function globalSetup(): void {
	process.env[LEDGER_DIR_VARIABLE] = mkdtempSync(path.join(tmpdir(), 'zoho-reliability-'));
}
