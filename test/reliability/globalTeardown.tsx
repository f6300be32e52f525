import { rmSync } from 'node:fs';

import { LEDGER_DIR_VARIABLE, readLedgers, summaryLine } from './ledger';

/** Prints the suite's summary line, the numbers the README's Reliability section quotes. */
export default function globalTeardown(): void {
	const dir = process.env[LEDGER_DIR_VARIABLE];
	if (!dir) return;
	process.stdout.write(`\n${summaryLine(readLedgers(dir))}\n`);
	rmSync(dir, { recursive: true, force: true });
}
