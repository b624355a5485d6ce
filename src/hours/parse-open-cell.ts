/**
 * @module hours/parse-open-cell
 * The `Open` cell of an Hours row: `Closed`, `Open 24 hours`, or intervals such as `09:00–12:30, 13:30–17:30`.
 */

import { partsOf } from './cell-parts.ts';
import { DAY_MINUTES, formatTime, parseTime } from './parse-time.ts';

/**
 * An open interval of one day, in minutes after that day's local midnight, half-open [open, close).
 * `close` exceeds 1440 for a shift that runs past midnight into the next day (it belongs to the day it starts).
 */
export interface Span {
  readonly open: number;
  readonly close: number;
}

export type OpenCell =
  | { readonly ok: true; readonly spans: readonly Span[] }
  | {
      readonly ok: false;
      readonly unexpected: string;
      readonly expected: string;
      /** Where in the cell's text the problem starts (0-based). */
      readonly offset: number;
    };

const TIME = 'a time as HH:MM from 00:00 to 24:00';
const INTERVAL = 'an interval such as 09:00–17:30, several separated by commas, or Closed';

/**
 * Parses an `Open` cell into spans sorted by opening time.
 * A closing before the opening is a shift past midnight, allowed for the cell's last interval only;
 * `22:00–00:00` is the same as `22:00–24:00`.
 * @example parseOpenCell('09:00–12:30, 13:30–17:30') // { ok: true, spans: [{ open: 540, close: 750 }, { open: 810, close: 1050 }] }
 * @example parseOpenCell('22:00–06:00') // { ok: true, spans: [{ open: 1320, close: 1800 }] }
 */
export function parseOpenCell(text: string): OpenCell {
  const lower = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (lower === 'closed') return { ok: true, spans: [] };
  // A common way to write it on a website; the same as 00:00–24:00.
  if (lower === 'open 24 hours' || lower === '24 hours')
    return { ok: true, spans: [{ open: 0, close: DAY_MINUTES }] };
  if (lower === '') return fail('empty cell', INTERVAL, 0);

  const parts = partsOf(text);
  const spans: (Span & { readonly offset: number })[] = [];
  for (const [index, { part, offset }] of parts.entries()) {
    const ends = part.split(/\s*[-–—]\s*/);
    if (part === '' || ends.length !== 2) return fail(`interval "${part}"`, INTERVAL, offset);
    const [openText = '', closeText = ''] = ends;
    const closeOffset = offset + part.length - closeText.length;
    const open = parseTime(openText);
    if (open === null) return fail(`time "${openText}"`, TIME, offset);
    let close = parseTime(closeText);
    if (close === null) return fail(`time "${closeText}"`, TIME, closeOffset);
    if (open === DAY_MINUTES) return fail('opening 24:00', 'an opening from 00:00 to 23:59', offset);
    if (close === open) {
      return fail(
        `empty interval ${part}`,
        'a closing after the opening (00:00–24:00 for the whole day)',
        offset,
      );
    }
    if (close < open) {
      if (index !== parts.length - 1) {
        return fail(
          `closing ${closeText} before opening ${openText}`,
          "a closing after the opening (only a day's last interval may run past midnight)",
          closeOffset,
        );
      }
      close += DAY_MINUTES;
    }
    spans.push({ open, close, offset });
  }

  spans.sort((a, b) => a.open - b.open);
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1]!;
    const after = spans[i]!;
    if (before.close > after.open) {
      return fail(
        `overlap of ${formatSpan(before)} with ${formatSpan(after)}`,
        'intervals that do not overlap',
        Math.max(before.offset, after.offset),
      );
    }
  }
  return { ok: true, spans: spans.map(({ open, close }) => ({ open, close })) };
}

/**
 * Formats a span as written in a table.
 * @example formatSpan({ open: 1320, close: 1800 }) // '22:00–06:00'
 */
export function formatSpan(span: Span): string {
  return `${formatTime(span.open)}–${formatTime(span.close)}`;
}

function fail(unexpected: string, expected: string, offset: number): OpenCell {
  return { ok: false, unexpected, expected, offset };
}
