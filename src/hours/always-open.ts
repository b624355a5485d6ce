/**
 * @module hours/always-open
 * The 24/7 calendar: business time is plain elapsed time, with no table to search.
 */

import type { Calendar, InstantPlacement } from './calendar.ts';

const MINUTE_MS = 60_000;

/**
 * A calendar that never closes, in UTC (the zone of an always-open calendar changes nothing).
 * @example calendar24x7().addMinutes(Date.UTC(2027, 0, 1), 90) // Date.UTC(2027, 0, 1, 1, 30)
 */
export function calendar24x7(name = '24/7'): Calendar {
  return {
    name,
    zone: 'UTC',
    addMinutes: (start, minutes) => start + minutes * MINUTE_MS,
    elapsedMinutes: (start, end) => (end - start) / MINUTE_MS,
    placement: () => new OpenPlacement(),
    isOpen: () => true,
    nextOpening: (at) => at,
    nextClosing: () => null,
  };
}

/** Placed instants of a 24/7 calendar: positions are the instants themselves. */
class OpenPlacement implements InstantPlacement {
  positions = new Float64Array(0);

  place(instants: Float64Array, count: number): void {
    if (this.positions.length < count) this.positions = new Float64Array(count * 2);
    this.positions.set(instants.subarray(0, count));
  }

  addMinutes(i: number, minutes: number): number {
    return (this.positions[i] as number) + minutes * MINUTE_MS;
  }
}
