import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { ApiName } from '../../sandbox/model';

/**
 * The counts the reliability suite reports. Each test file runs in its own module
 * registry (often its own worker), so each writes its counts to a file in the directory
 * that globalSetup names, and globalTeardown adds them up into the summary line.
 */
export interface Counts {
	/** Fault cases that ended in their defined outcome. */
	faultsSurvived: number;
	/** Bad parameter values that ended in a NodeOperationError naming the field. */
	badInputsRejected: number;
	/** Yes/no and whole-number values given as text whose request carried what they mean. */
	textValuesReadAsMeant: number;
	/** Local times read in a time zone (around its offset changes, and monthly) and found exact. */
	zoneTimesChecked: number;
	/** Time zones (with aliases) the sweep went through. */
	zonesSwept: number;
	/** Generated trigger cases with start times ahead and Zoho's clock apart from n8n's, each exactly once. */
	clockCases: number;
	/** Workflow runs and polls whose outputs, errors, run data and logs were scanned. */
	runsScanned: number;
	/** Occurrences of a token or the client secret found by those scans. */
	tokensLeaked: number;
	/** Items the load test sent through create → add participants → get. */
	loadItems: number;
	/** Items the load test lost, failed or duplicated. */
	loadFailures: number;
	loadSeconds: number;
	/** Generated hostile-server cases that ended as defined, by class (see hostile.ts). */
	redirectCases: number;
	stallCases: number;
	pagingCases: number;
	fileNameCases: number;
	customUrlCases: number;
	gatewayCases: number;
}

export const LEDGER_DIR_VARIABLE = 'ZOHO_RELIABILITY_LEDGER';

const zero = (): Counts => ({
	faultsSurvived: 0,
	badInputsRejected: 0,
	textValuesReadAsMeant: 0,
	zoneTimesChecked: 0,
	zonesSwept: 0,
	clockCases: 0,
	runsScanned: 0,
	tokensLeaked: 0,
	loadItems: 0,
	loadFailures: 0,
	loadSeconds: 0,
	redirectCases: 0,
	stallCases: 0,
	pagingCases: 0,
	fileNameCases: 0,
	customUrlCases: 0,
	gatewayCases: 0,
});

/** Every count of a run, and apart those of the cases run in the organization dialect (also in the first). */
export interface Ledger {
	all: Counts;
	organization: Counts;
}

const counts: Ledger = { all: zero(), organization: zero() };
/** The dialect of the cases counted now: useReliabilitySandbox sets it before each test. */
let dialect: ApiName = 'v2';

export function countIn(api: ApiName): void {
	dialect = api;
}

export function count(name: keyof Counts, by = 1): void {
	counts.all[name] += by;
	if (dialect === 'organization') counts.organization[name] += by;
}

/** Written once per test file (once per dialect's sandbox in it), after its tests. */
export function writeLedger(testFile: string): void {
	const dir = process.env[LEDGER_DIR_VARIABLE];
	if (!dir) return;
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, `${path.basename(testFile)}.json`), JSON.stringify(counts));
}

export function readLedgers(dir: string): Ledger {
	const total: Ledger = { all: zero(), organization: zero() };
	for (const file of readdirSync(dir)) {
		const part = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Partial<Ledger>;
		for (const side of ['all', 'organization'] as const) {
			for (const name of Object.keys(total[side]) as Array<keyof Counts>) total[side][name] += part[side]?.[name] ?? 0;
		}
	}
	return total;
}

/** The organization dialect's share of the classes that run in both dialects. */
function organizationPart(part: Counts): string {
	const hostile = part.redirectCases + part.stallCases + part.pagingCases + part.fileNameCases + part.customUrlCases + part.gatewayCases;
	return (
		`; in the organization dialect: ${part.faultsSurvived} faults survived, ${part.badInputsRejected} bad inputs rejected, ` +
		`${part.clockCases} clock cases, ${hostile} hostile-server cases, ${part.tokensLeaked} tokens leaked (${part.runsScanned} runs scanned)`
	);
}

export function summaryLine({ all: total, organization }: Ledger): string {
	const load = total.loadItems
		? `, load ${total.loadItems} items with ${total.loadFailures} failed or duplicated in ${Math.round(total.loadSeconds)} s`
		: '';
	const hostile =
		`, hostile servers: ${total.redirectCases} redirects, ${total.stallCases} stalls, ${total.pagingCases} paging scripts, ` +
		`${total.fileNameCases} file names, ${total.customUrlCases} Custom URLs, ${total.gatewayCases} lost answers to creates and approvals`;
	return (
		`Reliability: ${total.faultsSurvived} faults survived, ${total.badInputsRejected} bad inputs rejected, ` +
		`${total.textValuesReadAsMeant} text-typed values read as meant, ` +
		`${total.zoneTimesChecked} local times exact in ${total.zonesSwept} time zones, ` +
		`${total.clockCases} future-time and clock-skew cases exactly once, ` +
		`${total.tokensLeaked} tokens leaked (${total.runsScanned} runs scanned)${hostile}${load}${organizationPart(organization)}`
	);
}
