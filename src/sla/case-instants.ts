/**
 * @module sla/case-instants
 * The instants of one case ("now" among them), placed once per case in each calendar its clocks count
 * in: a case's dozen clocks measure intervals and due times between the same twenty-odd instants, and a
 * calendar look-up costs more than the subtraction it then becomes.
 */

import type { Calendar, InstantPlacement } from '../hours/calendar.ts';

/** Calendars an engine keeps placements for; beyond, it starts over (calendars are few in practice). */
const MAX_CALENDARS = 16;

/**
 * Instants by event index (input order), with "now" at index `nowEvent` (the number of events).
 * Marks and stops carry the index of the event whose instant they are, so an interval's open minutes
 * are `(positions[to] - positions[from]) / 60_000` and a due time is `placement.addMinutes(from, …)`.
 * One per engine, reset for each case; placements are kept per calendar and placed again per case.
 *
 * @example
 * instants.reset(times, events.length, now);
 * const placement = instants.placementIn(calendar); // null: ask the calendar itself
 */
export class CaseInstants {
  now = 0;
  nowEvent = 0;
  private instants = new Float64Array(64);
  private readonly calendars: Calendar[] = [];
  private readonly placements: (InstantPlacement | null)[] = [];
  /** The case each placement was last placed for (see `cases`). */
  private readonly placedFor: number[] = [];
  private cases = 0;

  /** Starts a case: event instants in input order (those after `now` count as `now`), then `now`. */
  reset(times: Float64Array, events: number, now: number): void {
    if (this.instants.length <= events) this.instants = new Float64Array((events + 1) * 2);
    const instants = this.instants;
    for (let i = 0; i < events; i++) instants[i] = Math.min(times[i] as number, now);
    instants[events] = now;
    this.now = now;
    this.nowEvent = events;
    this.cases++;
  }

  /** The case's instants placed in `calendar`; null when it offers no placement. */
  placementIn(calendar: Calendar): InstantPlacement | null {
    const calendars = this.calendars;
    let k = 0;
    while (k < calendars.length && calendars[k] !== calendar) k++; // a plain loop: one or two calendars
    if (k === calendars.length) {
      if (this.calendars.length >= MAX_CALENDARS) {
        this.calendars.length = 0;
        this.placements.length = 0;
        this.placedFor.length = 0;
      }
      k = calendars.length;
      calendars.push(calendar);
      this.placements.push(calendar.placement?.() ?? null);
      this.placedFor.push(-1);
    }
    const placement = this.placements[k] as InstantPlacement | null;
    if (placement !== null && this.placedFor[k] !== this.cases) {
      placement.place(this.instants, this.nowEvent + 1);
      this.placedFor[k] = this.cases;
    }
    return placement;
  }
}
