/**
 * @module hours/parse-day-cell
 * The `Day` cell of an Hours row: a day (`Monday`, `Mon`), a range (`Monday–Friday`, `Mon-Fri`, `Fri–Mon`
 * wraps over the weekend), or several of those separated by commas.
 */

import { partsOf } from './cell-parts.ts';

/** Day names as people write them; index 0 is Monday. */
export const DAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

const ALIASES: ReadonlyMap<string, number> = new Map([
  ...DAY_NAMES.map((name, index) => [name.toLowerCase(), index] as const),
  ...['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((name, index) => [name, index] as const),
  ['tues', 1],
  ['thur', 3],
  ['thurs', 3],
]);

export type DayCell =
  | { readonly ok: true; readonly days: readonly number[] }
  | {
      readonly ok: false;
      readonly unexpected: string;
      readonly expected: string;
      /** Where in the cell's text the problem starts (0-based). */
      readonly offset: number;
    };

const EXPECTED = 'a day such as Monday or Mon, or a range such as Monday–Friday';

/**
 * Parses a `Day` cell into weekday indices (Monday = 0 … Sunday = 6), in the order written.
 * @example parseDayCell('Monday–Friday') // { ok: true, days: [0, 1, 2, 3, 4] }
 * @example parseDayCell('Sat, Sun') // { ok: true, days: [5, 6] }
 */
export function parseDayCell(text: string): DayCell {
  const days: number[] = [];
  for (const { part, offset } of partsOf(text)) {
    const ends = part.split(/\s*[-–—]\s*/);
    if (ends.length > 2) return { ok: false, unexpected: `day range "${part}"`, expected: EXPECTED, offset };
    const [firstText = '', lastText = firstText] = ends;
    const first = ALIASES.get(firstText.toLowerCase());
    if (first === undefined)
      return { ok: false, unexpected: `day "${firstText}"`, expected: EXPECTED, offset };
    const last = ALIASES.get(lastText.toLowerCase());
    if (last === undefined) {
      const lastOffset = offset + part.length - lastText.length;
      return { ok: false, unexpected: `day "${lastText}"`, expected: EXPECTED, offset: lastOffset };
    }
    for (let day = first; ; day = (day + 1) % 7) {
      days.push(day);
      if (day === last) break;
    }
  }
  return { ok: true, days };
}
