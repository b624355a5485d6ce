/**
 * @module sla/next-deadline
 * Queue ordering: the most urgent instant among a case's clocks.
 */

import type { Clock } from './ledger.ts';
import type { PromiseKind } from './targets.ts';

/**
 * The earliest due instant among clocks still counting (active and not paused), breached ones
 * included: they are the most urgent. `null` when nothing is counting. `promise` restricts the
 * choice to customer promises or internal targets.
 *
 * @example
 * nextDeadline(clocks);             // e.g. 1799064000000
 * nextDeadline(clocks, 'internal'); // ordering by internal targets only
 */
export function nextDeadline(clocks: readonly Clock[], promise?: PromiseKind): number | null {
  let earliest: number | null = null;
  for (const clock of clocks) {
    if (!clock.active || clock.paused || clock.dueAt === null) continue;
    if (promise !== undefined && clock.promise !== promise) continue;
    if (earliest === null || clock.dueAt < earliest) earliest = clock.dueAt;
  }
  return earliest;
}
