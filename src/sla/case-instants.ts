/**
 * @module sla/case-instants
 * The instants of one case ("now" among them) and their open-time positions in each calendar its
 * clocks count in, looked up once per case: a case's dozen clocks measure their intervals between the
 * same twenty-odd instants, and a calendar look-up costs more than the subtraction it then becomes.
 */

import type { Calendar } from '../hours/calendar.ts';

/**
 * Instants by event index (input order), with "now" at index `nowEvent` (the number of events).
 * Marks and stops carry the index of the event whose instant they are, so an interval's open minutes
 * are `(positions[to] - positions[from]) / 60_000`. One per engine, reset for each case.
 *
 * @example
 * instants.reset(times, events.length, now);
 * const positions = instants.positionsIn(calendar); // null: measure with calendar.elapsedMinutes
 */
export class CaseInstants {
  now = 0;
  nowEvent = 0;
  private instants = new Float64Array(64);
  private readonly calendars: Calendar[] = [];
  private readonly tables: Float64Array[] = [];
  private used = 0;

  /** Starts a case: event instants in input order (those after `now` count as `now`), then `now`. */
  reset(times: Float64Array, events: number, now: number): void {
    if (this.instants.length <= events) this.instants = new Float64Array((events + 1) * 2);
    const instants = this.instants;
    for (let i = 0; i < events; i++) {
      const at = times[i] as number;
      instants[i] = Math.min(at, now);
    }
    instants[events] = now;
    this.now = now;
    this.nowEvent = events;
    this.used = 0;
  }

  /** Open-time positions of the case's instants in `calendar`; null when it gives none in a batch. */
  positionsIn(calendar: Calendar): Float64Array | null {
    for (let k = 0; k < this.used; k++)
      if (this.calendars[k] === calendar) return this.tables[k] as Float64Array;
    if (calendar.openPositions === undefined) return null;
    const count = this.nowEvent + 1;
    const k = this.used++;
    let table = this.tables[k];
    if (table === undefined || table.length < count) {
      table = new Float64Array(Math.max(64, count * 2));
      this.tables[k] = table;
    }
    this.calendars[k] = calendar;
    calendar.openPositions(this.instants, count, table);
    return table;
  }
}
