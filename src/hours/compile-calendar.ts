/**
 * @module hours/compile-calendar
 * From an `Hours:` section as written to a `Calendar`, or to `hours` problems that point at the cell or field.
 */

import type { HoursSection, Problem, Result } from '../policy/model.ts';
import type { Calendar } from './calendar.ts';
import { CompiledCalendar } from './compiled-calendar.ts';
import { type HoursIssue, toProblems } from './hours-issue.ts';
import { parseDayTable } from './parse-day-table.ts';
import { parseFields } from './parse-fields.ts';

export interface CompileCalendarOptions {
  /** Reported with each problem. */
  readonly file?: string;
  /** First year precomputed (default 2015); instants before it grow the calendar on demand, down to 1970. */
  readonly fromYear?: number;
  /** Last year precomputed (default 2040); instants after it grow the calendar on demand, up to 2100. */
  readonly toYear?: number;
}

export const DEFAULT_FROM_YEAR = 2015;
export const DEFAULT_TO_YEAR = 2040;

/**
 * Compiles an Hours section into a calendar; every problem found is reported, positioned at its cell or field.
 * @example
 * const result = compileCalendar(section, { file: 'hours.md' });
 * if (result.ok) result.value.addMinutes(Date.parse('2027-01-04T16:00:00Z'), 120); // Tue 10:00 UK time
 */
export function compileCalendar(
  section: HoursSection,
  options: CompileCalendarOptions = {},
): Result<Calendar> {
  const fields = parseFields(section.fields, section.position);
  const table = parseDayTable(section.rows);
  const issues: HoursIssue[] = [...fields.issues, ...table.issues];
  if (table.issues.length === 0 && table.week.every((spans) => spans.length === 0)) {
    issues.push({
      unexpected: 'Hours without any opening hours',
      expected: 'a table row such as "| Monday–Friday | 09:00–17:00 |"',
      position: section.position,
    });
  }
  if (issues.length > 0 || fields.zone === null) {
    return { ok: false, problems: byPosition(toProblems(issues, options.file)) };
  }
  const calendar = new CompiledCalendar(
    section.name,
    { zone: fields.zone, week: table.week, holidays: fields.holidays, closedDays: fields.closedDays },
    options.fromYear ?? DEFAULT_FROM_YEAR,
    options.toYear ?? DEFAULT_TO_YEAR,
  );
  return { ok: true, value: calendar, problems: [] };
}

function byPosition(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}
