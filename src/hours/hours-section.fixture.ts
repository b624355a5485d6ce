/**
 * @module hours/hours-section.fixture
 * Test support: an `HoursSection` from a compact Markdown-like description, with the positions a parser
 * would give (1-based line and column of each field line and of each cell's text).
 */

import type { HoursField, HoursRow, HoursSection } from '../policy/model.ts';
import type { Calendar } from './calendar.ts';
import { type CompileCalendarOptions, compileCalendar } from './compile-calendar.ts';

/**
 * Fields are positioned at their value and cells at their first character, as the policy parser does.
 * Builds a section from lines such as `Time zone: Europe/London`, `| Monday–Friday | 09:00–17:00 |` and
 * `Closed: 2027-12-24`. A `| Day | Open |` header and `|---|---|` separator may be written and are skipped.
 * Line 1 is the first line after the opening newline of a template literal.
 * @example hoursSection(`
 * Time zone: UTC
 * | Monday | 09:00–17:00 |`).rows[0].openPosition // { line: 2, column: 14 }
 */
export function hoursSection(text: string, name = 'Test'): HoursSection {
  const lines = text.replace(/^\n/, '').split('\n');
  const fields: HoursField[] = [];
  const rows: HoursRow[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content.startsWith('|')) {
      const cells = cellsOf(raw, line);
      const [day, open] = cells;
      if (!day || !open) throw new Error(`Fixture line ${line}: a row needs two cells`);
      if (/^:?-+:?$/.test(day.text) || (day.text === 'Day' && open.text === 'Open')) return;
      rows.push({ day: day.text, open: open.text, dayPosition: day.position, openPosition: open.position });
      return;
    }
    const field = /^(\s*[^:]+:\s*)(.*)$/.exec(raw);
    if (field) {
      const key = field[1]!.trim().slice(0, -1).trim();
      fields.push({ key, value: field[2]!.trim(), position: { line, column: field[1]!.length + 1 } });
    }
  });
  return { kind: 'hours', name, fields, rows, markdown: text, position: { line: 1, column: 1 } };
}

/**
 * Compiles a described section that must compile (2027 only, unless told), failing loudly otherwise.
 * @example compiledFixture('Time zone: UTC\n| Monday | 09:00–17:00 |').isOpen(Date.parse('2027-01-04T10:00Z')) // true
 */
export function compiledFixture(
  text: string,
  options: CompileCalendarOptions = { fromYear: 2027, toYear: 2027 },
): Calendar {
  const result = compileCalendar(hoursSection(text), options);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

function cellsOf(raw: string, line: number) {
  const cells: { text: string; position: { line: number; column: number } }[] = [];
  let start = raw.indexOf('|') + 1;
  while (start < raw.length) {
    const end = raw.indexOf('|', start);
    if (end < 0) break;
    const cell = raw.slice(start, end);
    const lead = cell.length - cell.trimStart().length;
    cells.push({ text: cell.trim(), position: { line, column: start + lead + 1 } });
    start = end + 1;
  }
  return cells;
}
