/**
 * @module sla/fixtures.test-support
 * Test helpers: instants from short strings, calendars compiled by `hours`, and a response-times
 * resolver keyed by priority.
 */

import type { Calendar } from '../hours/calendar.ts';
import { calendar24x7, compileCalendar } from '../hours/index.ts';
import type { HoursSection } from '../policy/model.ts';
import type { CaseAttributes } from './events.ts';
import type { Target, TargetResolver, TargetSet } from './targets.ts';

/**
 * Epoch ms of a UTC wall time written `2027-01-04 09:00` (2027-01-04 is a Monday).
 *
 * @example
 * at('2027-01-04 09:00'); // Date.parse('2027-01-04T09:00:00Z')
 */
export function at(text: string): number {
  const ms = Date.parse(`${text.replace(' ', 'T')}:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Unexpected test instant ${text}`);
  return ms;
}

/** A target in one call: `target('first_reply', 'PT4H', 'Weekdays')`. */
export function target(
  metric: Target['metric'],
  duration: string,
  calendar: string,
  options: { promise?: Target['promise']; warnAt?: number } = {},
): Target {
  return {
    metric,
    duration,
    calendar,
    promise: options.promise ?? 'customer',
    ...(options.warnAt === undefined ? {} : { warnAt: options.warnAt }),
  };
}

/**
 * A resolver choosing targets by the `priority` attribute (`normal` when absent), rule numbers in
 * table order; `null` for a priority not in the table. Counts its calls in `calls`.
 */
export function byPriority(
  table: Readonly<Record<string, readonly Target[]>>,
): TargetResolver & { calls: number } {
  const priorities = Object.keys(table);
  const resolver = (attributes: CaseAttributes): TargetSet | null => {
    resolver.calls++;
    const priority = String(attributes.priority ?? 'normal');
    const targets = table[priority];
    if (targets === undefined) return null;
    return {
      targets,
      policy: { id: 'response-times', version: 3 },
      rule: { decision: 'Response times', number: priorities.indexOf(priority) + 1, annotation: priority },
    };
  };
  resolver.calls = 0;
  return resolver;
}

/**
 * A compiled calendar from an Hours section written as rows, e.g.
 * `hoursCalendar('Support', 'Europe/London', [['Monday–Friday', '09:00–17:00']])`.
 */
export function hoursCalendar(
  name: string,
  zone: string,
  rows: readonly (readonly [day: string, open: string])[],
  closed: readonly string[] = [],
): Calendar {
  const position = { line: 1, column: 1 };
  const section: HoursSection = {
    kind: 'hours',
    name,
    fields: [
      { key: 'Time zone', value: zone, position },
      ...(closed.length === 0 ? [] : [{ key: 'Closed', value: closed.join(', '), position }]),
    ],
    rows: rows.map(([day, open]) => ({ day, open, dayPosition: position, openPosition: position })),
    markdown: '',
    position,
  };
  const result = compileCalendar(section, { fromYear: 2026, toYear: 2028 });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

/** Open all the time (UTC). */
export const always = calendar24x7('24/7');

/** Monday–Friday 09:00–17:00 UTC. */
export const weekdays = hoursCalendar('Weekdays', 'UTC', [['Monday–Friday', '09:00–17:00']]);

/**
 * The design's example: Monday–Friday 09:00–12:30, 13:30–17:30, Saturday 10:00–14:00, London time
 * (UTC in January, UTC+1 from 28 March 2027).
 */
export const lunchBreak = hoursCalendar('Support', 'Europe/London', [
  ['Monday–Friday', '09:00–12:30, 13:30–17:30'],
  ['Saturday', '10:00–14:00'],
]);
