import { describe, expect, it } from 'vitest';
import { compileCalendar } from './compile-calendar.ts';
import { hoursSection } from './hours-section.fixture.ts';

/** The problems of a section that must not compile, as `line:column message`. */
function problemsOf(text: string): string[] {
  const result = compileCalendar(hoursSection(text), { file: 'hours.md', fromYear: 2027, toYear: 2027 });
  expect(result.ok).toBe(false);
  for (const problem of result.problems) {
    expect(problem).toMatchObject({ code: 'hours', severity: 'error', file: 'hours.md' });
  }
  return result.problems.map((p) => `${p.position.line}:${p.position.column} ${p.message}`);
}

describe('compileCalendar: what compiles', () => {
  it('accepts the example of the design, with its day range, lunch break, Closed day and closed dates', () => {
    const result = compileCalendar(
      hoursSection(`
Time zone: Europe/London
Holidays: GB-ENG            # public holidays of a country/region, from a holiday library
| Day | Open |
|---|---|
| Monday–Friday | 09:00–12:30, 13:30–17:30 |
| Saturday | 10:00–14:00 |
| Sunday | Closed |
Closed: 2027-12-24, 2027-12-31`),
      { fromYear: 2027, toYear: 2027 },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.name).toBe('Test');
    expect(result.value.zone).toBe('Europe/London');
    expect(result.problems).toEqual([]);
  });

  it('accepts hyphen ranges, short names, comma lists, wrapping ranges, several Closed lines and Open 24 hours', () => {
    const result = compileCalendar(
      hoursSection(`
Time zone: America/New_York
Holidays: US-NY, US
| Mon-Wed | 9:00-17:00 |
| Thu, Fri | 08:00 – 12:00 , 13:00 – 24:00 |
| Sat–Sun | Open 24 hours |
Closed: 2027-07-02
Closed: 2027-07-06, 2027-07-07`),
      { fromYear: 2027, toYear: 2027 },
    );
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

// Cells are positioned at their first character and fields at their value, as the policy parser does;
// a problem points at the offending item inside them.
describe('compileCalendar: problems, positioned at the offending cell or field', () => {
  it('reports times that are not HH:MM from 00:00 to 24:00', () => {
    expect(
      problemsOf(`
Time zone: Europe/London
| Monday | 09:00–25:00 |
| Tuesday | 9-5 |
| Wednesday | 09:60–17:00 |
| Thursday | 24:00–06:00 |
| Friday | 09:00 to 17:00 |`),
    ).toEqual([
      '2:18 Unexpected time "25:00", expected a time as HH:MM from 00:00 to 24:00',
      '3:13 Unexpected time "9", expected a time as HH:MM from 00:00 to 24:00',
      '4:15 Unexpected time "09:60", expected a time as HH:MM from 00:00 to 24:00',
      '5:14 Unexpected opening 24:00, expected an opening from 00:00 to 23:59',
      '6:12 Unexpected interval "09:00 to 17:00", expected an interval such as 09:00–17:30, several separated by commas, or Closed',
    ]);
  });

  it('reports a closing before the opening unless it is the last interval (a shift past midnight)', () => {
    expect(
      problemsOf(`
Time zone: Europe/London
| Monday | 17:30–09:00, 18:00–19:00 |
| Tuesday | 09:00–09:00 |`),
    ).toEqual([
      "2:18 Unexpected closing 09:00 before opening 17:30, expected a closing after the opening (only a day's last interval may run past midnight)",
      '3:13 Unexpected empty interval 09:00–09:00, expected a closing after the opening (00:00–24:00 for the whole day)',
    ]);
  });

  it('reports overlapping intervals on one day, and a shift past midnight running into the next day', () => {
    expect(
      problemsOf(`
Time zone: Europe/London
| Monday | 09:00–12:30, 12:00–17:00 |
| Tuesday | 13:00–14:00, 12:00–22:00 |
| Friday | 22:00–06:00 |
| Saturday | 05:00–12:00 |`),
    ).toEqual([
      '2:25 Unexpected overlap of 09:00–12:30 with 12:00–17:00, expected intervals that do not overlap',
      '3:26 Unexpected overlap of 12:00–22:00 with 13:00–14:00, expected intervals that do not overlap',
      '4:12 Unexpected overlap of Friday 22:00–06:00 with Saturday 05:00–12:00, expected a shift past midnight to end before the next day opens',
    ]);
  });

  it('reports a shift past Sunday midnight running into Monday', () => {
    expect(
      problemsOf(`
Time zone: Europe/London
| Monday | 09:00–17:00 |
| Sunday | 20:00–09:30 |`),
    ).toEqual([
      '3:12 Unexpected overlap of Sunday 20:00–09:30 with Monday 09:00–17:00, expected a shift past midnight to end before the next day opens',
    ]);
  });

  it('reports unknown day names and ranges, and a day listed twice', () => {
    expect(
      problemsOf(`
Time zone: Europe/London
| Funday | 09:00–17:00 |
| Monday–Fryday | 09:00–17:00 |
| Mon–Wed–Fri | 09:00–17:00 |
| Monday–Friday | 09:00–17:00 |
| Friday | 10:00–16:00 |`),
    ).toEqual([
      '2:3 Unexpected day "Funday", expected a day such as Monday or Mon, or a range such as Monday–Friday',
      '3:10 Unexpected day "Fryday", expected a day such as Monday or Mon, or a range such as Monday–Friday',
      '4:3 Unexpected day range "Mon–Wed–Fri", expected a day such as Monday or Mon, or a range such as Monday–Friday',
      '6:3 Unexpected Friday listed again (first on line 5), expected each day in one row only',
    ]);
  });

  it('reports an unknown time zone, holiday region and bad Closed dates at their field', () => {
    expect(
      problemsOf(`
Time zone: Europe/Londn
Holidays: GB-XYZ, XX, US-NY, DE-BY, AU-NSW, GB-ENG, US-ZZ
| Monday | 09:00–17:00 |
Closed: 2027-02-30, 27-12-24, 2027-12-24
  Closed: 2027-13-01`),
    ).toEqual([
      '1:12 Unexpected time zone "Europe/Londn", expected an IANA time zone such as Europe/London',
      '2:11 Unexpected holiday region "GB-XYZ", expected a date-holidays country or region code such as GB-ENG, US-NY, DE-BY or AU-NSW',
      '2:19 Unexpected holiday region "XX", expected a date-holidays country or region code such as GB-ENG, US-NY, DE-BY or AU-NSW',
      '2:53 Unexpected holiday region "US-ZZ", expected a date-holidays country or region code such as GB-ENG, US-NY, DE-BY or AU-NSW',
      '4:9 Unexpected date "2027-02-30", expected a date as YYYY-MM-DD',
      '4:21 Unexpected date "27-12-24", expected a date as YYYY-MM-DD',
      '5:11 Unexpected date "2027-13-01", expected a date as YYYY-MM-DD',
    ]);
  });

  it('reports a missing Time zone at the section, unknown and repeated fields at theirs', () => {
    expect(
      problemsOf(`
Holidays: GB-ENG
Holidays: GB-SCT
Open: weekdays
| Monday | 09:00–17:00 |`),
    ).toEqual([
      '1:1 Unexpected Hours without a Time zone, expected a line such as "Time zone: Europe/London"',
      '2:11 Unexpected a second Holidays line, expected one Holidays line, codes separated by commas',
      '3:7 Unexpected field "Open", expected Time zone, Holidays or Closed',
    ]);
  });

  it('reports an Hours section that is never open', () => {
    expect(
      problemsOf(`
Time zone: Europe/London
| Monday–Sunday | Closed |`),
    ).toEqual([
      '1:1 Unexpected Hours without any opening hours, expected a table row such as "| Monday–Friday | 09:00–17:00 |"',
    ]);
  });

  it('leaves out the file when none is given', () => {
    const result = compileCalendar(hoursSection('| Monday | 09:00–17:00 |'));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).not.toHaveProperty('file');
  });
});
