/**
 * @module sla/clock-budget
 * A target's budget in open minutes of its calendar, counted from the clock's start.
 */

import { businessDurationMinutes } from '../hours/index.ts';
import type { PreparedTarget } from './target-memo.ts';

/** Whether two targets give the same budget (same calendar and duration), so it need not be recomputed. */
export function sameBudget(a: PreparedTarget, b: PreparedTarget): boolean {
  return a === b || (a.calendar === b.calendar && a.days === b.days && a.minutes === b.minutes);
}

/**
 * Open minutes of the budget, counted from the clock's start (`P1D` depends on where it starts);
 * `null` when the calendar never opens. The meaning is that of `hours`' business durations.
 *
 * @example
 * budgetMinutes(prepared, Date.parse('2027-01-08T15:00:00Z')); // P1D, weekdays 09–17: 480
 */
export function budgetMinutes(prepared: PreparedTarget, start: number): number | null {
  // Hours and minutes need no calendar (the usual case, kept inline); days depend on the start.
  return prepared.days === 0
    ? prepared.minutes
    : businessDurationMinutes(prepared.calendar, start, prepared.duration);
}
