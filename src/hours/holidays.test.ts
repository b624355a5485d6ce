import { describe, expect, it } from 'vitest';
import { parseHolidayRegion, publicHolidayDays } from './holidays.ts';
import { compiledFixture } from './hours-section.fixture.ts';

const at = Date.parse;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('public holidays of a country or region', () => {
  const england = compiledFixture(`
Time zone: Europe/London
Holidays: GB-ENG
| Monday–Friday | 09:00–17:00 |
| Saturday | 10:00–14:00 |`);

  it('closes Christmas, Boxing Day and their substitute days (2027: Sat 25, Sun 26, Mon 27, Tue 28 Dec)', () => {
    expect(england.isOpen(at('2027-12-24T10:00:00Z'))).toBe(true);
    expect(england.isOpen(at('2027-12-25T11:00:00Z'))).toBe(false); // a Saturday, normally open
    expect(england.isOpen(at('2027-12-27T10:00:00Z'))).toBe(false);
    expect(england.isOpen(at('2027-12-28T10:00:00Z'))).toBe(false);
    expect(england.isOpen(at('2027-12-29T10:00:00Z'))).toBe(true);
    expect(iso(england.addMinutes(at('2027-12-24T16:00:00Z'), 120))).toBe('2027-12-29T10:00:00.000Z');
    expect(england.elapsedMinutes(at('2027-12-24T09:00:00Z'), at('2027-12-29T17:00:00Z'))).toBe(2 * 480);
  });

  it('closes Good Friday, Easter Monday and the May bank holidays (British Summer Time)', () => {
    expect(england.isOpen(at('2027-03-26T10:00:00Z'))).toBe(false);
    expect(england.isOpen(at('2027-03-29T10:00:00Z'))).toBe(false);
    // Sunday 2 May: Monday 3 May is the Early May bank holiday, so Tuesday 09:00 BST = 08:00Z.
    expect(iso(england.nextOpening(at('2027-05-02T12:00:00Z')))).toBe('2027-05-04T08:00:00.000Z');
  });

  it('reaches holidays in years grown on demand (New Year 2028 falls on a Saturday: Monday 3 Jan is off)', () => {
    const weekdays = compiledFixture(`
Time zone: Europe/London
Holidays: GB-ENG
| Monday–Friday | 09:00–17:00 |`);
    expect(iso(weekdays.addMinutes(at('2027-12-31T16:00:00Z'), 120))).toBe('2028-01-04T10:00:00.000Z');
    // 2022 too: New Year's Day substitute on Monday 3 January.
    expect(iso(weekdays.nextOpening(at('2021-12-31T17:00:00Z')))).toBe('2022-01-04T09:00:00.000Z');
  });

  it('unions several regions, and accepts none', () => {
    const both = compiledFixture(`
Time zone: Europe/London
Holidays: GB-ENG, GB-SCT
| Monday–Friday | 09:00–17:00 |`);
    expect(both.isOpen(at('2027-01-04T10:00:00Z'))).toBe(false); // Scotland: 2 January, substitute day
    expect(both.isOpen(at('2027-08-02T10:00:00Z'))).toBe(false); // Scotland: summer bank holiday
    expect(both.isOpen(at('2027-08-30T10:00:00Z'))).toBe(false); // England: summer bank holiday
    const none = compiledFixture('Time zone: Europe/London\nHolidays: none\n| Monday–Friday | 09:00–17:00 |');
    expect(none.isOpen(at('2027-12-27T10:00:00Z'))).toBe(true);
  });

  it('knows US-NY, DE-BY and AU-NSW, counting public holidays only', () => {
    const newYork = compiledFixture(
      'Time zone: America/New_York\nHolidays: US-NY\n| Monday–Friday | 09:00–17:00 |',
    );
    expect(newYork.isOpen(at('2027-11-25T15:00:00Z'))).toBe(false); // Thanksgiving
    expect(newYork.isOpen(at('2027-02-12T15:00:00Z'))).toBe(false); // Lincoln's Birthday, a New York holiday
    expect(newYork.isOpen(at('2027-04-15T15:00:00Z'))).toBe(true); // Tax Day: an observance, not a holiday
    const bavaria = compiledFixture(
      'Time zone: Europe/Berlin\nHolidays: DE-BY\n| Monday–Friday | 09:00–17:00 |',
    );
    expect(bavaria.isOpen(at('2027-01-06T10:00:00Z'))).toBe(false); // Epiphany
    expect(bavaria.isOpen(at('2027-05-27T10:00:00Z'))).toBe(false); // Corpus Christi
    expect(bavaria.isOpen(at('2027-05-28T10:00:00Z'))).toBe(true);
    const sydney = compiledFixture(
      'Time zone: Australia/Sydney\nHolidays: AU-NSW\n| Monday–Saturday | 09:00–17:00 |',
    );
    expect(sydney.isOpen(at('2027-01-26T01:00:00Z'))).toBe(false); // Australia Day, 12:00 AEDT
    expect(sydney.isOpen(at('2027-03-27T01:00:00Z'))).toBe(false); // Easter Saturday
    expect(sydney.isOpen(at('2027-08-02T01:00:00Z'))).toBe(true); // NSW Bank Holiday: type bank, not public
  });

  it('makes holidays whole local days in the calendar zone, whichever country they come from', () => {
    // English Easter Monday (29 Mar) in a New York calendar: 29 Mar 00:00 EDT = 04:00Z to 30 Mar 04:00Z.
    const calendar = compiledFixture(
      'Time zone: America/New_York\nHolidays: GB-ENG\n| Monday–Sunday | 00:00–24:00 |',
    );
    expect(calendar.isOpen(at('2027-03-29T03:59:59Z'))).toBe(true);
    expect(calendar.isOpen(at('2027-03-29T04:00:00Z'))).toBe(false);
    expect(calendar.isOpen(at('2027-03-30T03:59:59Z'))).toBe(false);
    expect(calendar.isOpen(at('2027-03-30T04:00:00Z'))).toBe(true);
  });

  it('parses region codes against date-holidays', () => {
    expect(parseHolidayRegion('gb-eng')).toEqual({ code: 'GB-ENG', country: 'GB', state: 'ENG' });
    expect(parseHolidayRegion('DE-BY-A')).toEqual({
      code: 'DE-BY-A',
      country: 'DE',
      state: 'BY',
      region: 'A',
    });
    expect(parseHolidayRegion('US')).toEqual({ code: 'US', country: 'US' });
    for (const bad of ['GB-XYZ', 'XX', 'DE-BY-ZZZ', 'GB-ENG-X-Y', '', 'G'])
      expect(parseHolidayRegion(bad)).toBeNull();
    expect(publicHolidayDays(parseHolidayRegion('GB-ENG')!, 2027)).toHaveLength(10);
  });
});

describe('Closed dates', () => {
  it('close whole local days, on several lines', () => {
    const calendar = compiledFixture(`
Time zone: America/New_York
| Monday–Sunday | 00:00–24:00 |
Closed: 2027-07-01
Closed: 2027-07-05, 2027-07-06`);
    // 1 Jul in New York (EDT): 04:00Z to 2 Jul 04:00Z.
    expect(calendar.isOpen(at('2027-07-01T03:59:59Z'))).toBe(true);
    expect(calendar.isOpen(at('2027-07-01T04:00:00Z'))).toBe(false);
    expect(calendar.isOpen(at('2027-07-02T03:59:59Z'))).toBe(false);
    expect(calendar.isOpen(at('2027-07-02T04:00:00Z'))).toBe(true);
    expect(calendar.elapsedMinutes(at('2027-06-30T04:00:00Z'), at('2027-07-03T04:00:00Z'))).toBe(2 * 24 * 60);
    expect(calendar.elapsedMinutes(at('2027-07-04T04:00:00Z'), at('2027-07-08T04:00:00Z'))).toBe(2 * 24 * 60);
  });

  it('move a due time past them', () => {
    const calendar = compiledFixture(`
Time zone: Europe/London
Holidays: GB-ENG
| Monday–Friday | 09:00–12:30, 13:30–17:30 |
Closed: 2027-12-24, 2027-12-31`);
    // Thursday 23 Dec 17:00: half an hour left; 24 closed, 25–28 holidays and the weekend; Wednesday 29 Dec.
    expect(iso(calendar.addMinutes(at('2027-12-23T17:00:00Z'), 60))).toBe('2027-12-29T09:30:00.000Z');
  });
});
