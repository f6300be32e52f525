import { isTimezone } from '../../nodes/ZohoMeeting/actions/shared/dates';
import { everyZone, sweepZones } from '../helpers/timezoneSweep';
import { count, writeLedger } from './ledger';

/**
 * The time-zone sweep (issue 10, finding 2): every zone ICU lists, UTC and the aliases the
 * node accepts; every change of their offsets from 2020 to 2035; local times every 30
 * minutes from 3 hours before to 3 hours after each change, the seconds at its edges, and
 * noon on the first of every month. Each is read as a Start Time would be and checked on
 * the zone's own clock (test/helpers/timezoneSweep.tsx). No workflow runs here: hundreds of
 * thousands of them would take hours, and the reading is the same function the workflow
 * tests in test/actions reach.
 */
const FROM_YEAR = 2020;
const TO_YEAR = 2035;

const zones = everyZone();
/** One test per region (America/..., Europe/..., and the names without one), each well under the timeout. */
const regions = new Map<string, string[]>();
for (const zone of zones) {
	const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'no region';
	regions.set(region, [...(regions.get(region) ?? []), zone]);
}

afterAll(() => writeLedger(expect.getState().testPath ?? 'unknown'));

describe(`time zones: ${zones.length} zones, every offset change from ${FROM_YEAR} to ${TO_YEAR}`, () => {
	it('takes in every zone the node accepts, far more than 400 of them', () => {
		expect(zones.filter((zone) => !isTimezone(zone))).toEqual([]);
		expect(zones.length).toBeGreaterThan(500);
	});

	it.each([...regions.keys()])(
		'%s: reads every local time that exists exactly, the earlier of two, and refuses skipped ones',
		(region) => {
			const sweep = sweepZones(regions.get(region) ?? [], FROM_YEAR, TO_YEAR);
			process.stdout.write(
				`Time zones, ${region}: ${sweep.localTimes} local times around ${sweep.transitions} offset changes in ${sweep.zones} zones, ${sweep.problems.length} wrong\n`,
			);
			expect(sweep.problems.slice(0, 20)).toEqual([]);
			count('zonesSwept', sweep.zones);
			count('zoneTimesChecked', sweep.localTimes);
		},
	);
});
