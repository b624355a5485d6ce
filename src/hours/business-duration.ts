/**
 * @module hours/business-duration
 * ISO 8601 durations counted in business time: the one parser of them (SLA targets use it too), and
 * what they amount to in a calendar.
 *
 * - `PT7H30M` = 450 open minutes (fractions and seconds allowed: `PT1.5H`, `PT90S`).
 * - `P1D` = the same local time on the next business day (see `businessDaysDue`); `P2DT4H` = two
 *   business days, then 4 open hours. A business day has no fixed length (7.5 h on a weekday, 4 h on a
 *   Saturday, 24 h in a 24/7 calendar), so days are never turned into a fixed number of hours: from a
 *   given start they amount to the open minutes up to that instant.
 * - Years, months and weeks are refused: their length in business time is not defined.
 */

import type { Position, Result } from '../policy/model.ts';
import { businessDaysDue } from './business-days.ts';
import type { Calendar } from './calendar.ts';
import { shift, toProblems } from './hours-issue.ts';

/** Business days (`P1D` = the same local time on the next business day), then open minutes. */
export interface BusinessDuration {
  readonly days: number;
  readonly minutes: number;
}

/** Why a duration does not parse, and where: `offset` is the index into the text (0-based). */
export interface DurationError {
  readonly offset: number;
  readonly unexpected: string;
  readonly expected: string;
}

const START: Position = { line: 1, column: 1 };
const EXAMPLES = 'an ISO 8601 business duration such as PT4H, PT7H30M or P1D';
const NO_FIXED_LENGTH =
  'business days or hours such as P1D or PT7H30M (years, months and weeks have no fixed length in business time)';
const DATE_UNITS: Readonly<Record<string, string>> = { Y: 'years', M: 'months', W: 'weeks' };
/** Parts in the order ISO 8601 writes them; each at most once. */
const DAY_RANK = 0;
const TIME_RANKS: Readonly<Record<string, number>> = { H: 1, M: 2, S: 3 };
const RANK_NAMES = ['days', 'hours', 'minutes', 'seconds'];

/**
 * Reads `PnDTnHnMnS` (any part optional but at least one; fractions on hours, minutes and seconds,
 * with `.` or `,`), surrounding whitespace ignored. The error says where the text goes wrong.
 *
 * @example
 * readBusinessDuration('P1DT2H'); // { days: 1, minutes: 120 }
 * readBusinessDuration('P1W');    // { offset: 1, unexpected: 'weeks in duration "P1W"', expected: … }
 */
export function readBusinessDuration(text: string): BusinessDuration | DurationError {
  const lead = text.length - text.trimStart().length;
  const s = text.trim();
  const error = (at: number, unexpected: string, expected: string): DurationError => ({
    offset: lead + at,
    unexpected,
    expected,
  });
  const quoted = JSON.stringify(s);
  if (s === '') return error(0, 'empty duration ""', EXAMPLES);
  if (s[0] !== 'P') {
    return error(0, `${JSON.stringify(s[0])} at the start of duration ${quoted}`, '"P", as in PT4H or P1D');
  }
  let days = 0;
  const time = [0, 0, 0]; // hours, minutes, seconds
  let inTime = false;
  let lastRank = -1;
  let i = 1;
  if (s.length === 1)
    return error(1, `end of duration ${quoted}`, 'business days or a time after "P", as in P1D or PT4H');
  while (i < s.length) {
    if (s[i] === 'T' && !inTime) {
      inTime = true;
      i++;
      if (i === s.length) {
        return error(i, `end of duration ${quoted}`, 'hours, minutes or seconds after "T", as in PT4H');
      }
      continue;
    }
    const numberStart = i;
    while (isDigit(s, i)) i++;
    if (i === numberStart) {
      const expected = inTime
        ? 'a number of hours, minutes or seconds'
        : 'a number of business days, or "T" and a time';
      return error(i, `${JSON.stringify(s[i])} in duration ${quoted}`, expected);
    }
    let fraction = false;
    if ((s[i] === '.' || s[i] === ',') && isDigit(s, i + 1)) {
      fraction = true;
      i++;
      while (isDigit(s, i)) i++;
    }
    const digits = s.slice(numberStart, i);
    if (i === s.length) {
      return error(i, `end of duration ${quoted}`, `${inTime ? '"H", "M" or "S"' : '"D"'} after ${digits}`);
    }
    const designator = s[i] as string;
    const dateUnit = inTime ? undefined : DATE_UNITS[designator];
    if (dateUnit !== undefined)
      return error(numberStart, `${dateUnit} in duration ${quoted}`, NO_FIXED_LENGTH);
    const rank = inTime ? TIME_RANKS[designator] : designator === 'D' ? DAY_RANK : undefined;
    if (rank === undefined) {
      return error(
        i,
        `${JSON.stringify(designator)} in duration ${quoted}`,
        inTime ? '"H", "M" or "S"' : '"D"',
      );
    }
    if (rank <= lastRank) {
      return error(
        i,
        `${RANK_NAMES[rank]} after ${RANK_NAMES[lastRank]} in duration ${quoted}`,
        'days, hours, minutes and seconds at most once each, in that order',
      );
    }
    if (rank === DAY_RANK && fraction) {
      return error(
        numberStart,
        `a fraction of a day in duration ${quoted}`,
        'whole business days such as P1D, or hours such as PT12H',
      );
    }
    const value = Number(digits.replace(',', '.'));
    if (rank === DAY_RANK) days = value;
    else time[rank - 1] = value;
    lastRank = rank;
    i++;
  }
  const [hours = 0, minutes = 0, seconds = 0] = time;
  return { days, minutes: hours * 60 + minutes + seconds / 60 };
}

function isDigit(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  return code >= 48 && code <= 57;
}

/** Whether `readBusinessDuration` failed. */
export function isDurationError(read: BusinessDuration | DurationError): read is DurationError {
  return 'offset' in read;
}

/**
 * Parses an ISO 8601 business duration; a problem is positioned at the offending character, `position`
 * being where the text starts (as the policy parser gives cells and fields).
 *
 * @example parseBusinessDuration('PT7H30M') // { ok: true, value: { days: 0, minutes: 450 }, problems: [] }
 * @example parseBusinessDuration('P1W', { line: 7, column: 20 }).problems[0].position // { line: 7, column: 21 }
 */
export function parseBusinessDuration(text: string, position: Position = START): Result<BusinessDuration> {
  const read = readBusinessDuration(text);
  if (!isDurationError(read)) return { ok: true, value: read, problems: [] };
  const { unexpected, expected, offset } = read;
  return { ok: false, problems: toProblems([{ unexpected, expected, position: shift(position, offset) }]) };
}

/**
 * The open minutes `duration` amounts to from `start` in `calendar`: its minutes, plus for days the open
 * minutes from `start` to the same local time `days` business days on. `null` when the calendar never
 * opens (within its horizon).
 *
 * @example
 * // Monday–Friday 09:00–17:00 UTC, from Friday 15:00: P1D is Monday 15:00, 8 open hours on
 * businessDurationMinutes(weekdays, Date.parse('2027-01-08T15:00:00Z'), { days: 1, minutes: 0 }); // 480
 */
export function businessDurationMinutes(
  calendar: Calendar,
  start: number,
  duration: BusinessDuration,
): number | null {
  if (duration.days === 0) return duration.minutes;
  const due = businessDaysDue(calendar, start, duration.days);
  if (due === null) return null;
  return calendar.elapsedMinutes(start, due) + duration.minutes;
}

/**
 * The due instant of an ISO 8601 business duration started at `start` (epoch ms): the earliest instant
 * at which its open minutes are used (the same due instant an SLA clock with that target has).
 * `+Infinity` when the calendar never opens.
 *
 * @example addBusinessDuration(calendar, Date.parse('2027-01-04T16:00:00Z'), 'PT2H') // Tue 10:00 UK time, if it opens at 09:00
 */
export function addBusinessDuration(calendar: Calendar, start: number, duration: string): Result<number> {
  const parsed = parseBusinessDuration(duration);
  if (!parsed.ok) return parsed;
  const minutes = businessDurationMinutes(calendar, start, parsed.value);
  const value = minutes === null ? Number.POSITIVE_INFINITY : calendar.addMinutes(start, minutes);
  return { ok: true, value, problems: [] };
}
