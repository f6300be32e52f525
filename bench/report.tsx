/**
 * What a benchmark hands back, and BENCHMARKS.md made from it: one section per measured
 * question (a table with the goal beside each figure, then how it was measured), and a
 * table of the headline figures before and after the performance work.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A headline number, compared with the baseline run. */
export interface Figure {
	/** Stable name across runs, e.g. `speed.b.ratio`. */
	key: string;
	label: string;
	value: number;
	/** How to print it: `ratio`, `requests`, `s`, `MiB`, `bytes`, ... */
	unit: string;
	goal?: string;
	met?: boolean;
}

export interface Section {
	title: string;
	/** Column headers of the table; the last two are always Goal and Met. */
	columns: string[];
	rows: Array<{ cells: string[]; goal: string; met?: boolean }>;
	/** How it was measured: paragraphs. */
	how: string[];
	figures: Figure[];
}

export interface Baseline {
	/** Which code was measured, and when. */
	commit: string;
	date: string;
	figures: Figure[];
}

export const BASELINE_FILE = path.join(__dirname, 'baseline.json');

export function readBaseline(): Baseline | undefined {
	if (!existsSync(BASELINE_FILE)) return undefined;
	return JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
}

export function writeBaseline(baseline: Baseline): void {
	writeFileSync(BASELINE_FILE, `${JSON.stringify(baseline, null, '\t')}\n`);
}

const MiB = 1024 * 1024;

/** Numbers as a reader wants them: a few significant digits, thousands separated. */
export function formatValue(value: number, unit: string): string {
	if (!Number.isFinite(value)) return String(value);
	switch (unit) {
		case 'ratio':
			return value.toFixed(2);
		case 's':
			return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} s`;
		case 'ms':
			return `${Math.round(value).toLocaleString('en-US')} ms`;
		case 'MiB':
			return `${value.toFixed(1)} MiB`;
		case 'KiB':
			return `${value.toFixed(1)} KiB`;
		case 'calls/s':
			return `${value.toFixed(2)} calls/s`;
		default: {
			const number = Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
			// "1 request", "3 requests"
			const word = value === 1 && unit.endsWith('s') ? unit.slice(0, -1) : unit;
			return word ? `${number} ${word}` : number;
		}
	}
}

export const mib = (bytes: number) => bytes / MiB;

const mark = (met: boolean | undefined) => (met === undefined ? '—' : met ? '✅' : '❌');

function table(columns: string[], rows: string[][]): string {
	const escape = (cell: string) => cell.replace(/\|/g, '\\|');
	return [
		`| ${columns.map(escape).join(' | ')} |`,
		`| ${columns.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
	].join('\n');
}

export function renderSection(section: Section): string {
	const rows = section.rows.map((row) => [...row.cells, row.goal, mark(row.met)]);
	return [
		`## ${section.title}`,
		'',
		table([...section.columns, 'Goal', 'Met'], rows),
		'',
		...section.how.flatMap((paragraph) => [paragraph, '']),
	].join('\n');
}

/** The headline figures of this run beside the baseline's. */
export function renderBeforeAfter(figures: Figure[], baseline: Baseline | undefined): string {
	if (!baseline) return '';
	const before = new Map(baseline.figures.map((figure) => [figure.key, figure]));
	const rows = figures.map((figure) => {
		const old = before.get(figure.key);
		return [
			figure.label,
			old ? formatValue(old.value, old.unit) : 'not measured',
			formatValue(figure.value, figure.unit),
			figure.goal ?? '—',
			mark(figure.met),
		];
	});
	return [
		'## Before and after',
		'',
		`"Before" is the same benchmark run on commit \`${baseline.commit}\` (${baseline.date}), before the`,
		'changes described under "What was changed", recorded in `bench/baseline.json`; "after" is this run.',
		'',
		table(['Figure', 'Before', 'After', 'Goal', 'Met (after)'], rows),
		'',
	].join('\n');
}

export interface Document {
	intro: string[];
	sections: Section[];
	changes: string[];
	baseline?: Baseline;
	environment: string[];
}

export function renderDocument(doc: Document): string {
	const figures = doc.sections.flatMap((section) => section.figures);
	return [
		'# Benchmarks',
		'',
		...doc.intro.flatMap((paragraph) => [paragraph, '']),
		...doc.sections.map(renderSection),
		renderBeforeAfter(figures, doc.baseline),
		...(doc.changes.length ? ['## What was changed', '', ...doc.changes.flatMap((p) => [p, '']) ] : []),
		'## Environment of this run',
		'',
		...doc.environment.map((line) => `- ${line}`),
		'',
	].join('\n');
}
