import { invalidParameter } from './http';
import { type Recurrence, type RecurrenceInput, WEEKDAYS } from './model';
import { dateMs } from './validation';

/** Spec "Schedule Recurring Meeting": when the occurrences of a meeting start. */

const DAY_MS = 86_400_000;

/**
 * Checks a recurrence against `is_recurring` and builds it; without a new one in the
 * body, a recurring meeting keeps the one it has.
 */
export function resolveRecurrence(
	isRecurring: boolean,
	input: RecurrenceInput | undefined,
	existing: Recurrence | null,
	start: number,
): Recurrence | null {
	if (!isRecurring) {
		if (input) throw invalidParameter('recurrence is only allowed with is_recurring: true');
		return null;
	}
	if (!input && !existing) {
		throw invalidParameter('Missing required field: recurrence (is_recurring is true)');
	}
	const days = input?.days_of_week ?? [];
	if (input && days.length > 0 && input.type !== 'weekly') {
		throw invalidParameter('recurrence.days_of_week applies only to a weekly recurrence');
	}
	const recurrence: Recurrence = input
		? {
				type: input.type,
				repeat_interval: input.repeat_interval ?? 1,
				days_of_week: days,
				end_date: input.end_date === undefined ? null : dateMs(input.end_date),
			}
		: (existing as Recurrence);
	if (recurrence.end_date !== null && recurrence.end_date < start) {
		throw invalidParameter('recurrence.end_date must not be before start_time');
	}
	return recurrence;
}

/**
 * The starts of a meeting's occurrences, in order; endless for a series without an
 * end_date. They repeat in UTC: the meeting's timezone (and its DST shifts) is not applied.
 */
export function* occurrenceStarts(first: number, recurrence: Recurrence | null): Generator<number> {
	if (!recurrence) {
		yield first;
		return;
	}
	const last = recurrence.end_date ?? Infinity;
	for (const start of seriesStarts(first, recurrence)) {
		if (start > last) return;
		yield start;
	}
}

function* seriesStarts(first: number, recurrence: Recurrence): Generator<number> {
	const interval = recurrence.repeat_interval;
	if (recurrence.type === 'daily') {
		for (let day = 0; ; day += interval) yield first + day * DAY_MS;
	}
	if (recurrence.type === 'weekly') {
		const weekday = (ms: number) => (new Date(ms).getUTCDay() + 6) % 7;
		const days = recurrence.days_of_week.length
			? [...new Set(recurrence.days_of_week.map((day) => WEEKDAYS.indexOf(day)))].sort(
					(a, b) => a - b,
				)
			: [weekday(first)];
		const monday = first - weekday(first) * DAY_MS;
		for (let week = 0; ; week += interval) {
			for (const day of days) {
				const start = monday + (week * 7 + day) * DAY_MS;
				if (start >= first) yield start;
			}
		}
	}
	const date = new Date(first);
	for (let month = 0; ; month += interval) {
		const start = Date.UTC(
			date.getUTCFullYear(),
			date.getUTCMonth() + month,
			date.getUTCDate(),
			date.getUTCHours(),
			date.getUTCMinutes(),
			date.getUTCSeconds(),
		);
		// Months without that day (the 31st in April) are skipped, not moved.
		if (new Date(start).getUTCDate() === date.getUTCDate()) yield start;
	}
}
