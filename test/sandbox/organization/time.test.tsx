import {
	dayAround,
	formatClock,
	formatRecordingTime,
	formatZohoDateTime,
	parseZohoDateTime,
	zoneOffsetMs,
} from '../../../sandbox/organization/time';
import { Harness, orgPath } from '../helpers';

const utc = (iso: string) => Date.parse(iso);

describe("the organization dialect's times (Zoho's \"Jun 19, 2020 07:00 PM\" in a time zone)", () => {
	it.each([
		// [zone, wall-clock text, the instant, the zone's offset in ms]
		['Asia/Calcutta', 'Jun 19, 2030 07:00 PM', '2030-06-19T13:30:00Z', 19_800_000],
		['Asia/Kolkata', 'Jan 04, 2030 12:00 AM', '2030-01-03T18:30:00Z', 19_800_000],
		['Asia/Kathmandu', 'Mar 1, 2030 12:15 PM', '2030-03-01T06:30:00Z', 20_700_000],
		['Australia/Adelaide', 'Jan 15, 2030 09:00 AM', '2030-01-14T22:30:00Z', 37_800_000],
		['Australia/Adelaide', 'Jul 15, 2030 09:00 AM', '2030-07-14T23:30:00Z', 34_200_000],
		['America/St_Johns', 'Dec 24, 2030 11:59 PM', '2030-12-25T03:29:00Z', -12_600_000],
		['America/St_Johns', 'Jul 4, 2030 12:30 PM', '2030-07-04T15:00:00Z', -9_000_000],
		['America/Los_Angeles', 'Nov 30, 2030 01:05 PM', '2030-11-30T21:05:00Z', -28_800_000],
		['UTC', 'Feb 28, 2031 11:00 PM', '2031-02-28T23:00:00Z', 0],
	])('%s: %s is %s, and formats back to the same text', (zone, text, iso, offset) => {
		const ms = parseZohoDateTime(text, zone);
		expect(ms).toBe(utc(iso));
		expect(zoneOffsetMs(utc(iso), zone)).toBe(offset);
		const padded = text.replace(/ (\d), /, ' 0$1, ');
		expect(formatZohoDateTime(utc(iso), zone, false)).toBe(padded);
		expect(parseZohoDateTime(formatZohoDateTime(utc(iso), zone, false), zone)).toBe(utc(iso));
	});

	it("adds the zone's abbreviation where English has one, else the GMT offset", () => {
		expect(formatZohoDateTime(utc('2030-06-19T13:30:00Z'), 'Asia/Calcutta')).toBe(
			'Jun 19, 2030 07:00 PM IST',
		);
		expect(formatZohoDateTime(utc('2030-06-19T13:30:00Z'), 'America/Los_Angeles')).toBe(
			'Jun 19, 2030 06:30 AM PDT',
		);
		expect(formatZohoDateTime(utc('2030-06-19T13:30:00Z'), 'Asia/Kathmandu')).toBe(
			'Jun 19, 2030 07:15 PM GMT+5:45',
		);
		expect(formatRecordingTime(utc('2023-08-18T05:16:28Z'), 'Asia/Calcutta')).toBe(
			'2023-08-18T10:46:28 IST',
		);
		expect(formatClock(utc('2023-09-05T08:50:04Z'), 'Asia/Calcutta')).toBe('02:20 PM');
	});

	it('reads a time the clocks skip or repeat as java.time does (Zoho runs on Java)', () => {
		// 2030-03-10 02:30 never happens in Los Angeles: moved later by the hour skipped.
		expect(parseZohoDateTime('Mar 10, 2030 02:30 AM', 'America/Los_Angeles')).toBe(
			utc('2030-03-10T10:30:00Z'),
		);
		// 2030-11-03 01:30 happens twice: the earlier one (still PDT).
		expect(parseZohoDateTime('Nov 3, 2030 01:30 AM', 'America/Los_Angeles')).toBe(
			utc('2030-11-03T08:30:00Z'),
		);
		// Lord Howe Island moves its clocks by half an hour.
		expect(parseZohoDateTime('Oct 6, 2030 02:15 AM', 'Australia/Lord_Howe')).toBe(
			utc('2030-10-05T15:45:00Z'),
		);
	});

	it.each([
		'2030-06-19T19:00:00Z',
		'Jun 19, 2030 19:00',
		'Jun 19, 2030 07:00 pm',
		'June 19, 2030 07:00 PM',
		'Jun 31, 2030 07:00 PM',
		'Feb 29, 2031 07:00 PM',
		'Jun 19, 2030 13:00 PM',
		'Jun 19, 2030 00:30 AM',
		'Jun 19, 2030 07:60 PM',
		'Jun 19 2030 07:00 PM',
		' Jun 19, 2030 07:00 PM',
	])('refuses %j', (text) => {
		expect(parseZohoDateTime(text, 'UTC')).toBeUndefined();
	});

	it('knows where a day starts and ends in a zone, across a change of offset', () => {
		expect(dayAround(utc('2030-06-19T20:00:00Z'), 'Asia/Calcutta')).toEqual({
			start: utc('2030-06-19T18:30:00Z'),
			end: utc('2030-06-20T18:30:00Z'),
		});
		const shortDay = dayAround(utc('2030-03-10T12:00:00Z'), 'America/Los_Angeles');
		expect(shortDay.end - shortDay.start).toBe(23 * 3_600_000);
	});

	describe('through the API, over the one store', () => {
		const h = new Harness({ api: 'organization' });

		it('stores "07:00 PM" in Asia/Calcutta as 13:30Z, which the v2 dialect shows as such', async () => {
			const created = await h.request('POST', orgPath('/sessions.json'), {
				body: {
					session: {
						topic: 'Half an hour east',
						startTime: 'Jun 19, 2035 07:00 PM',
						duration: 5_400_000,
						timezone: 'Asia/Calcutta',
					},
				},
			});
			expect(created.status).toBe(201);
			expect(created.body.session).toMatchObject({
				startTime: 'Jun 19, 2035 07:00 PM IST',
				endTime: 'Jun 19, 2035 08:30 PM IST',
				duration: 5_400_000,
				timezone: 'Asia/Calcutta',
				offset: 19_800_000,
			});
			await h.admin.setApi('v2');
			const v2 = await h.api('GET', `/meetings/${created.body.session.meetingKey}`);
			expect(v2.body.data).toMatchObject({
				start_time: '2035-06-19T13:30:00Z',
				duration: 90,
				timezone: 'Asia/Calcutta',
			});
		});

		it('shows a meeting scheduled in v2 in its own zone, St. John\'s being 2:30 behind in summer', async () => {
			await h.admin.setApi('v2');
			const meeting = await h.scheduleMeeting({
				start_time: '2035-07-04T15:00:00Z',
				timezone: 'America/St_Johns',
			});
			await h.admin.setApi('organization');
			const got = await h.request('GET', orgPath(`/sessions/${meeting.meeting_key}.json`));
			expect(got.body.session).toMatchObject({
				startTime: 'Jul 04, 2035 12:30 PM GMT-2:30',
				endTime: 'Jul 04, 2035 01:00 PM GMT-2:30',
				duration: 1_800_000,
			});
		});
	});
});
