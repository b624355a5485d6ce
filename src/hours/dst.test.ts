import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledFixture } from './hours-section.fixture.ts';

// Expected instants are worked out by hand from each zone's 2027 rules (offsets checked with Intl):
//   America/New_York  14 Mar 02:00 EST→03:00 EDT;   7 Nov 02:00 EDT→01:00 EST
//   Europe/London     28 Mar 01:00 GMT→02:00 BST;  31 Oct 02:00 BST→01:00 GMT
//   Europe/Berlin     28 Mar 02:00 CET→03:00 CEST; 31 Oct 03:00 CEST→02:00 CET
//   Australia/Sydney   4 Apr 03:00 AEDT→02:00 AEST; 3 Oct 02:00 AEST→03:00 AEDT
const at = Date.parse;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function allDay(zone: string) {
  return compiledFixture(`Time zone: ${zone}\n| Monday–Sunday | 00:00–24:00 |`);
}

describe('a day on which clocks change has its real length', () => {
  const cases = [
    // zone, local midnight before (UTC), local midnight after (UTC), hours
    ['America/New_York', '2027-03-14T05:00:00Z', '2027-03-15T04:00:00Z', 23],
    ['America/New_York', '2027-11-07T04:00:00Z', '2027-11-08T05:00:00Z', 25],
    ['Europe/London', '2027-03-28T00:00:00Z', '2027-03-28T23:00:00Z', 23],
    ['Europe/London', '2027-10-30T23:00:00Z', '2027-11-01T00:00:00Z', 25],
    ['Europe/Berlin', '2027-03-27T23:00:00Z', '2027-03-28T22:00:00Z', 23],
    ['Europe/Berlin', '2027-10-30T22:00:00Z', '2027-10-31T23:00:00Z', 25],
    ['Australia/Sydney', '2027-04-03T13:00:00Z', '2027-04-04T14:00:00Z', 25],
    ['Australia/Sydney', '2027-10-02T14:00:00Z', '2027-10-03T13:00:00Z', 23],
  ] as const;

  for (const [zone, start, end, hours] of cases) {
    it(`${zone}: ${hours} hours from ${start} to ${end}`, () => {
      const calendar = allDay(zone);
      expect(calendar.elapsedMinutes(at(start), at(end))).toBe(hours * 60);
      expect(iso(calendar.addMinutes(at(start), hours * 60))).toBe(new Date(at(end)).toISOString());
      // No gap at either midnight.
      expect(calendar.isOpen(at(start))).toBe(true);
      expect(calendar.isOpen(at(end))).toBe(true);
      expect(calendar.isOpen(at(start) - 1)).toBe(true);
    });
  }

  it('adds real time, not wall-clock time, across the change', () => {
    // London, 28 Mar: two hours after local midnight is 03:00 BST = 02:00Z (not 02:00 local).
    expect(iso(allDay('Europe/London').addMinutes(at('2027-03-28T00:00:00Z'), 120))).toBe(
      '2027-03-28T02:00:00.000Z',
    );
    // New York, 7 Nov: three hours after local midnight (04:00Z) is 02:00 EST = 07:00Z.
    expect(iso(allDay('America/New_York').addMinutes(at('2027-11-07T04:00:00Z'), 180))).toBe(
      '2027-11-07T07:00:00.000Z',
    );
  });
});

describe('opening hours that span the hour that changes', () => {
  it('Europe/London Sunday 00:30–03:00', () => {
    const calendar = compiledFixture('Time zone: Europe/London\n| Sunday | 00:30–03:00 |');
    // 28 Mar: 00:30 GMT = 00:30Z to 03:00 BST = 02:00Z.
    expect(calendar.elapsedMinutes(at('2027-03-27T12:00:00Z'), at('2027-03-28T12:00:00Z'))).toBe(90);
    expect(iso(calendar.nextClosing(at('2027-03-28T01:00:00Z')))).toBe('2027-03-28T02:00:00.000Z');
    // 31 Oct: 00:30 BST = 30 Oct 23:30Z to 03:00 GMT = 03:00Z.
    expect(calendar.elapsedMinutes(at('2027-10-30T12:00:00Z'), at('2027-10-31T12:00:00Z'))).toBe(210);
    expect(iso(calendar.nextOpening(at('2027-10-30T12:00:00Z')))).toBe('2027-10-30T23:30:00.000Z');
  });

  it('Europe/London: an opening in the skipped hour moves forward by the gap, a repeated one is its first', () => {
    const calendar = compiledFixture('Time zone: Europe/London\n| Sunday | 01:30–04:00 |');
    // 28 Mar: 01:30 does not exist; it becomes 02:30 BST = 01:30Z. Closing 04:00 BST = 03:00Z.
    expect(iso(calendar.nextOpening(at('2027-03-27T12:00:00Z')))).toBe('2027-03-28T01:30:00.000Z');
    expect(calendar.elapsedMinutes(at('2027-03-27T12:00:00Z'), at('2027-03-28T12:00:00Z'))).toBe(90);
    // 31 Oct: 01:30 happens twice; the first is 01:30 BST = 00:30Z. Closing 04:00 GMT = 04:00Z.
    expect(iso(calendar.nextOpening(at('2027-10-30T12:00:00Z')))).toBe('2027-10-31T00:30:00.000Z');
    expect(calendar.elapsedMinutes(at('2027-10-30T12:00:00Z'), at('2027-10-31T12:00:00Z'))).toBe(210);
  });

  it('America/New_York Sunday 01:00–04:00', () => {
    const calendar = compiledFixture('Time zone: America/New_York\n| Sunday | 01:00–04:00 |');
    // 14 Mar: 01:00 EST = 06:00Z to 04:00 EDT = 08:00Z.
    expect(iso(calendar.nextOpening(at('2027-03-13T12:00:00Z')))).toBe('2027-03-14T06:00:00.000Z');
    expect(iso(calendar.nextClosing(at('2027-03-13T12:00:00Z')))).toBe('2027-03-14T08:00:00.000Z');
    // 7 Nov: 01:00 EDT (its first occurrence) = 05:00Z to 04:00 EST = 09:00Z.
    expect(iso(calendar.nextOpening(at('2027-11-06T12:00:00Z')))).toBe('2027-11-07T05:00:00.000Z');
    expect(calendar.elapsedMinutes(at('2027-11-06T12:00:00Z'), at('2027-11-07T12:00:00Z'))).toBe(240);
  });

  it('Europe/Berlin Sunday 01:00–04:00', () => {
    const calendar = compiledFixture('Time zone: Europe/Berlin\n| Sunday | 01:00–04:00 |');
    // 28 Mar: 01:00 CET = 00:00Z to 04:00 CEST = 02:00Z.
    expect(calendar.elapsedMinutes(at('2027-03-27T12:00:00Z'), at('2027-03-28T12:00:00Z'))).toBe(120);
    // 31 Oct: 01:00 CEST = 30 Oct 23:00Z to 04:00 CET = 03:00Z.
    expect(calendar.elapsedMinutes(at('2027-10-30T12:00:00Z'), at('2027-10-31T12:00:00Z'))).toBe(240);
  });

  it('Australia/Sydney Sunday 01:00–04:00, and weekday hours either side of the change', () => {
    const calendar = compiledFixture(
      'Time zone: Australia/Sydney\n| Sunday | 01:00–04:00 |\n| Monday–Friday | 09:00–17:00 |',
    );
    // 4 Apr: 01:00 AEDT = 3 Apr 14:00Z to 04:00 AEST = 3 Apr 18:00Z.
    expect(calendar.elapsedMinutes(at('2027-04-03T00:00:00Z'), at('2027-04-04T00:00:00Z'))).toBe(240);
    // 3 Oct: 01:00 AEST = 2 Oct 15:00Z to 04:00 AEDT = 2 Oct 17:00Z.
    expect(calendar.elapsedMinutes(at('2027-10-02T00:00:00Z'), at('2027-10-03T00:00:00Z'))).toBe(120);
    // Friday 1 Oct 16:00 AEST (06:00Z) + 2 h: one hour on Friday, then Sunday from 01:00 AEST (2 Oct 15:00Z);
    // the hour runs out at 16:00Z, the instant clocks go from 02:00 AEST to 03:00 AEDT.
    expect(iso(calendar.addMinutes(at('2027-10-01T06:00:00Z'), 120))).toBe('2027-10-02T16:00:00.000Z');
    // Monday 5 Apr 09:00 AEST = 4 Apr 23:00Z.
    expect(iso(calendar.nextOpening(at('2027-04-04T12:00:00Z')))).toBe('2027-04-04T23:00:00.000Z');
  });
});

describe('the answer does not depend on when the code runs', () => {
  afterEach(() => {
    Settings.now = () => Date.now();
  });

  // Luxon's DateTime.fromObject resolves a repeated wall time with an offset guessed from the current clock.
  for (const now of ['2026-01-15T00:00:00Z', '2026-07-15T00:00:00Z']) {
    it(`gives the first 01:30 of 31 Oct in London when the clock reads ${now}`, () => {
      Settings.now = () => at(now);
      const calendar = compiledFixture('Time zone: Europe/London\n| Sunday | 01:30–04:00 |');
      expect(iso(calendar.nextOpening(at('2027-10-30T12:00:00Z')))).toBe('2027-10-31T00:30:00.000Z');
    });
  }
});
