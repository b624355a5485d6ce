/**
 * @module hours/business-duration
 * ISO 8601 durations counted in business time. Only hours, minutes and seconds (`PT24H`, `PT7H30M`) are
 * accepted: a business day has no fixed length (7.5 h on a weekday, 4 h on a Saturday, 24 h in a 24/7
 * calendar), so `P1D` would mean different things to different readers and is rejected rather than guessed.
 */

import type { Position, Result } from '../policy/model.ts';
import type { Calendar } from './calendar.ts';
import { toProblems } from './hours-issue.ts';

const TIME_ONLY = /^PT(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?$/;
const WITH_DATE_PART = /^P(?:\d+(?:[.,]\d+)?[YMWD])+(?:T.*)?$/;
const START: Position = { line: 1, column: 1 };

/**
 * Parses a time-only ISO 8601 duration into minutes of business time.
 * @example parseBusinessDuration('PT7H30M') // { ok: true, value: 450, problems: [] }
 * @example parseBusinessDuration('P1D').ok // false
 */
export function parseBusinessDuration(text: string, position: Position = START): Result<number> {
  const trimmed = text.trim();
  const match = TIME_ONLY.exec(trimmed);
  if (match && trimmed !== 'PT') {
    const [hours = 0, minutes = 0, seconds = 0] = match
      .slice(1)
      .map((part) => Number(part?.replace(',', '.') ?? 0));
    return { ok: true, value: hours * 60 + minutes + seconds / 60, problems: [] };
  }
  const issue = WITH_DATE_PART.test(trimmed)
    ? {
        unexpected: `years, months, weeks or days in "${trimmed}"`,
        expected: 'business time in hours and minutes such as PT7H30M (a business day has no fixed length)',
        position,
      }
    : {
        unexpected: `duration "${trimmed}"`,
        expected: 'an ISO 8601 duration such as PT24H or PT7H30M',
        position,
      };
  return { ok: false, problems: toProblems([issue]) };
}

/**
 * The due instant of an ISO 8601 business duration started at `start` (epoch ms).
 * @example addBusinessDuration(calendar, Date.parse('2027-01-04T16:00:00Z'), 'PT2H') // Tue 10:00 UK time, if it opens at 09:00
 */
export function addBusinessDuration(calendar: Calendar, start: number, duration: string): Result<number> {
  const minutes = parseBusinessDuration(duration);
  return minutes.ok ? { ok: true, value: calendar.addMinutes(start, minutes.value), problems: [] } : minutes;
}
