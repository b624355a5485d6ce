/**
 * @module hours/always-open
 * The 24/7 calendar: business time is plain elapsed time, with no table to search.
 */

import type { Calendar } from './calendar.ts';

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
    openPositions: (instants, count, out) => {
      for (let i = 0; i < count; i++) out[i] = instants[i] as number;
    },
    isOpen: () => true,
    nextOpening: (at) => at,
    nextClosing: () => null,
  };
}
