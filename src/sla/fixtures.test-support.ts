/**
 * @module sla/fixtures.test-support
 * Test helpers: instants from short strings, and a response-times resolver keyed by priority.
 */

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
