import type { INode } from 'n8n-workflow';

import { toZohoDateTime } from '../../nodes/ZohoMeeting/actions/shared/dates';

/**
 * The time-zone sweep (issue 10, finding 2): for each zone, every change of its UTC offset
 * in a span of years, and local times around each change, read with `toZohoDateTime` and
 * checked against the zone's own clock as Intl.DateTimeFormat shows it. The reliability
 * suite sweeps every zone from 2020 to 2035; `npm test` sweeps a few zones chosen for
 * their odd changes.
 *
 * This file finds the changes and formats wall-clock times with formatters of its own, so
 * the check does not lean on the code it checks.
 */

const node = { name: 'Zoho Meeting', type: 'zohoMeeting' } as INode;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * IANA names ICU accepts but does not list in `Intl.supportedValuesOf('timeZone')`: the
 * current spellings it files under older ones (Asia/Kolkata under Asia/Calcutta) and the
 * links of tzdata's `backward` file, as far as the node accepts them (names such as
 * `EST5EDT` or `GB-Eire` do not fit its pattern and are refused).
 */
export const ZONE_ALIASES = [
	'Africa/Asmara', 'Africa/Timbuktu', 'America/Argentina/Buenos_Aires', 'America/Argentina/Catamarca',
	'America/Argentina/ComodRivadavia', 'America/Argentina/Cordoba', 'America/Argentina/Jujuy',
	'America/Argentina/Mendoza', 'America/Atikokan', 'America/Atka', 'America/Ensenada', 'America/Fort_Wayne',
	'America/Indiana/Indianapolis', 'America/Kentucky/Louisville', 'America/Knox_IN', 'America/Montreal',
	'America/Nipigon', 'America/Nuuk', 'America/Pangnirtung', 'America/Porto_Acre', 'America/Rainy_River',
	'America/Rosario', 'America/Santa_Isabel', 'America/Shiprock', 'America/Thunder_Bay', 'America/Virgin',
	'America/Yellowknife', 'Antarctica/South_Pole', 'Asia/Ashkhabad', 'Asia/Choibalsan', 'Asia/Chongqing',
	'Asia/Chungking', 'Asia/Dacca', 'Asia/Harbin', 'Asia/Ho_Chi_Minh', 'Asia/Istanbul', 'Asia/Kashgar',
	'Asia/Kathmandu', 'Asia/Kolkata', 'Asia/Macao', 'Asia/Tel_Aviv', 'Asia/Thimbu', 'Asia/Ujung_Pandang',
	'Asia/Ulan_Bator', 'Asia/Yangon', 'Atlantic/Faroe', 'Atlantic/Jan_Mayen', 'Australia/ACT', 'Australia/Canberra',
	'Australia/Currie', 'Australia/LHI', 'Australia/NSW', 'Australia/North', 'Australia/Queensland',
	'Australia/South', 'Australia/Tasmania', 'Australia/Victoria', 'Australia/West', 'Australia/Yancowinna',
	'Brazil/Acre', 'Brazil/DeNoronha', 'Brazil/East', 'Brazil/West', 'CET', 'Canada/Atlantic', 'Canada/Central',
	'Canada/Eastern', 'Canada/Mountain', 'Canada/Newfoundland', 'Canada/Pacific', 'Canada/Saskatchewan',
	'Canada/Yukon', 'Chile/Continental', 'Chile/EasterIsland', 'Cuba', 'EET', 'EST', 'Egypt', 'Eire', 'Etc/GMT',
	'Etc/GMT+0', 'Etc/GMT+1', 'Etc/GMT+10', 'Etc/GMT+11', 'Etc/GMT+12', 'Etc/GMT+2', 'Etc/GMT+3', 'Etc/GMT+4',
	'Etc/GMT+5', 'Etc/GMT+6', 'Etc/GMT+7', 'Etc/GMT+8', 'Etc/GMT+9', 'Etc/GMT-0', 'Etc/GMT-1', 'Etc/GMT-10',
	'Etc/GMT-11', 'Etc/GMT-12', 'Etc/GMT-13', 'Etc/GMT-14', 'Etc/GMT-2', 'Etc/GMT-3', 'Etc/GMT-4', 'Etc/GMT-5',
	'Etc/GMT-6', 'Etc/GMT-7', 'Etc/GMT-8', 'Etc/GMT-9', 'Etc/GMT0', 'Etc/Greenwich', 'Etc/UCT', 'Etc/UTC',
	'Etc/Universal', 'Etc/Zulu', 'Europe/Belfast', 'Europe/Kyiv', 'Europe/Nicosia', 'Europe/Tiraspol',
	'Europe/Uzhgorod', 'Europe/Zaporozhye', 'GB', 'GMT', 'Greenwich', 'HST', 'Hongkong', 'Iceland', 'Iran', 'Israel',
	'Jamaica', 'Japan', 'Kwajalein', 'Libya', 'MET', 'MST', 'Mexico/BajaNorte', 'Mexico/BajaSur', 'Mexico/General',
	'NZ', 'Navajo', 'PRC', 'Pacific/Chuuk', 'Pacific/Johnston', 'Pacific/Kanton', 'Pacific/Pohnpei', 'Pacific/Samoa',
	'Pacific/Yap', 'Poland', 'Portugal', 'ROC', 'ROK', 'Singapore', 'Turkey', 'UCT', 'US/Alaska', 'US/Aleutian',
	'US/Arizona', 'US/Central', 'US/East-Indiana', 'US/Eastern', 'US/Hawaii', 'US/Indiana-Starke', 'US/Michigan',
	'US/Mountain', 'US/Pacific', 'US/Samoa', 'UTC', 'Universal', 'WET', 'Zulu',
];

/** Every zone the node offers or accepts: ICU's list, UTC and the aliases above. */
export function everyZone(): string[] {
	return [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone'), ...ZONE_ALIASES])];
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in `zone` at `epoch`, as the UTC instant with the same digits. */
function wallAt(zone: string, epoch: number): number {
	let clock = clocks.get(zone);
	if (!clock) {
		clock = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		clocks.set(zone, clock);
	}
	// "1/31/2025, 23:05:09": read from the string, which is three times faster than formatToParts.
	const [month, day, year, hour, minute, second] = (clock.format(epoch).match(/\d+/g) ?? []).map(Number);
	return Date.UTC(year, month - 1, day, hour, minute, second);
}

const offsetAt = (zone: string, epoch: number) => wallAt(zone, epoch) - epoch;

export interface Transition {
	/** The first instant (whole second) of the new offset. */
	at: number;
	before: number;
	after: number;
}

/** Every change of `zone`'s offset from `fromYear` to the end of `toYear`, found day by day. */
export function transitions(zone: string, fromYear: number, toYear: number): Transition[] {
	const found: Transition[] = [];
	const end = Date.UTC(toYear + 1, 0, 1);
	let day = Date.UTC(fromYear, 0, 1);
	let offset = offsetAt(zone, day);
	for (; day < end; day += DAY_MS) {
		const next = offsetAt(zone, day + DAY_MS);
		if (next === offset) continue;
		let [low, high] = [day, day + DAY_MS];
		while (high - low > 1000) {
			const middle = low + Math.floor((high - low) / 2000) * 1000;
			if (offsetAt(zone, middle) === offset) low = middle;
			else high = middle;
		}
		found.push({ at: high, before: offset, after: offsetAt(zone, high) });
		offset = next;
	}
	return found;
}

/**
 * Local times around a change: every 30 minutes from 3 hours before to 3 hours after the
 * wall-clock time at which it happens, and the seconds either side of both its edges.
 */
export function localTimesAround({ at, before, after }: Transition): number[] {
	const [edge, otherEdge] = [at + before, at + after];
	const times = new Set<number>();
	for (let step = -6; step <= 6; step++) times.add(edge + step * 30 * MINUTE_MS);
	for (const time of [edge, otherEdge]) for (const delta of [-1000, 0, 1000]) times.add(time + delta);
	return [...times].sort((a, b) => a - b);
}

const iso = (wall: number) => new Date(wall).toISOString().slice(0, 19);

/**
 * Why `toZohoDateTime` got the local time `wall` in `zone` wrong near `change`, or
 * undefined when it got it right: an existing time must come back as the same time on
 * the zone's clock, the earlier one when the clock shows it twice; a skipped one must be
 * refused with the zone and the jump named.
 */
export function checkLocalTime(zone: string, change: Transition, wall: number): string | undefined {
	const text = iso(wall);
	const instants = [wall - change.before, wall - change.after]
		.filter((epoch) => wallAt(zone, epoch) === wall)
		.sort((a, b) => a - b);
	let result: string;
	try {
		result = toZohoDateTime(node, 0, 'startTime', text, zone);
	} catch (error) {
		const message = (error as Error).message;
		if (instants.length) return `${zone} ${text}: refused though it exists (${message})`;
		const [from, to] = [iso(change.at + change.before), iso(change.at + change.after)];
		const sameDay = from.slice(0, 10) === text.slice(0, 10) && to.slice(0, 10) === from.slice(0, 10);
		const jump = sameDay ? `from ${from.slice(11, 16)} to ${to.slice(11, 16)}` : `from ${from.slice(0, 16)} to ${to.slice(0, 16)}`;
		const expected = `Start Time ${text} does not exist in ${zone}: clocks jump ${jump}`;
		return message === expected ? undefined : `${zone} ${text}: said "${message}", expected "${expected}"`;
	}
	if (!instants.length) return `${zone} ${text}: does not exist, yet became ${result}`;
	const epoch = Date.parse(result);
	if (wallAt(zone, epoch) !== wall) return `${zone} ${text}: became ${result}, which is ${iso(wallAt(zone, epoch))} there`;
	if (epoch !== instants[0]) return `${zone} ${text}: became ${result}, not the earlier ${new Date(instants[0]).toISOString()}`;
	return undefined;
}

/**
 * Noon on the first of every month: most zones (Asia/Kolkata, UTC) never change their
 * offset, and these show that times far from any change are read right too.
 */
export function monthlyNoons(zone: string, fromYear: number, toYear: number): Array<{ wall: number; around: Transition }> {
	const noons = [];
	for (let year = fromYear; year <= toYear; year++) {
		for (let month = 0; month < 12; month++) {
			const wall = Date.UTC(year, month, 1, 12);
			// Not a change: the offsets a day either side, which agree far from one.
			const around = { at: NaN, before: offsetAt(zone, wall - DAY_MS), after: offsetAt(zone, wall + DAY_MS) };
			noons.push({ wall, around });
		}
	}
	return noons;
}

export interface SweepResult {
	zones: number;
	transitions: number;
	localTimes: number;
	problems: string[];
}

/** The sweep over `zones` and the years given: around every change, and at every monthly noon. */
export function sweepZones(zones: string[], fromYear: number, toYear: number): SweepResult {
	const result: SweepResult = { zones: zones.length, transitions: 0, localTimes: 0, problems: [] };
	const check = (zone: string, around: Transition, wall: number) => {
		result.localTimes++;
		const problem = checkLocalTime(zone, around, wall);
		if (problem) result.problems.push(problem);
	};
	for (const zone of zones) {
		for (const change of transitions(zone, fromYear, toYear)) {
			result.transitions++;
			for (const wall of localTimesAround(change)) check(zone, change, wall);
		}
		for (const { wall, around } of monthlyNoons(zone, fromYear, toYear)) check(zone, around, wall);
	}
	return result;
}
