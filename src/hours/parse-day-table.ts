/**
 * @module hours/parse-day-table
 * The `| Day | Open |` table of an Hours section, checked as a whole week: each day once, and no shift past
 * midnight running into the next day's opening hours.
 */

import type { HoursRow } from '../policy/model.ts';
import { type HoursIssue, shift } from './hours-issue.ts';
import { DAY_NAMES, parseDayCell } from './parse-day-cell.ts';
import { formatSpan, parseOpenCell, type Span } from './parse-open-cell.ts';
import { DAY_MINUTES } from './parse-time.ts';

/** Opening hours per weekday (index 0 = Monday), spans sorted by opening; a day not in the table is closed. */
export type WeekTemplate = readonly (readonly Span[])[];

/** A parsed table; the cells are positioned at their first character, as the policy parser does. */
export interface DayTable {
  readonly week: WeekTemplate;
  readonly issues: readonly HoursIssue[];
}

/**
 * Reads the table rows into a week template, collecting every issue with the position of its cell.
 * @example parseDayTable([{ day: 'Mon–Fri', open: '09:00–17:00', dayPosition, openPosition }]).week[0]
 * // [{ open: 540, close: 1020 }]
 */
export function parseDayTable(rows: readonly HoursRow[]): DayTable {
  const issues: HoursIssue[] = [];
  const week: Span[][] = DAY_NAMES.map(() => []);
  const rowOf: (HoursRow | undefined)[] = DAY_NAMES.map(() => undefined);

  for (const row of rows) {
    const dayCell = parseDayCell(row.day);
    if (!dayCell.ok) {
      const position = shift(row.dayPosition, dayCell.offset);
      issues.push({ unexpected: dayCell.unexpected, expected: dayCell.expected, position });
    }
    const openCell = parseOpenCell(row.open);
    if (!openCell.ok) {
      const position = shift(row.openPosition, openCell.offset);
      issues.push({ unexpected: openCell.unexpected, expected: openCell.expected, position });
    }
    if (!dayCell.ok || !openCell.ok) continue;
    for (const day of dayCell.days) {
      const first = rowOf[day];
      if (first !== undefined) {
        issues.push({
          unexpected: `${DAY_NAMES[day]} listed again (first on line ${first.dayPosition.line})`,
          expected: 'each day in one row only',
          position: row.dayPosition,
        });
        continue;
      }
      rowOf[day] = row;
      week[day] = [...openCell.spans];
    }
  }

  // A shift past midnight belongs to the day it starts and must end before the next day opens.
  for (let day = 0; day < 7; day++) {
    const last = week[day]!.at(-1);
    const nextDay = (day + 1) % 7;
    const next = week[nextDay]![0];
    if (last === undefined || next === undefined || last.close <= DAY_MINUTES) continue;
    if (last.close - DAY_MINUTES > next.open) {
      issues.push({
        unexpected: `overlap of ${DAY_NAMES[day]} ${formatSpan(last)} with ${DAY_NAMES[nextDay]} ${formatSpan(next)}`,
        expected: 'a shift past midnight to end before the next day opens',
        position: rowOf[day]!.openPosition,
      });
    }
  }
  return { week, issues };
}
