/**
 * @module hours/calendar
 * The contract every calendar meets. Instants are epoch milliseconds (UTC); durations are minutes.
 */

/** A compiled business calendar: pure, no clock reads. */
export interface Calendar {
  readonly name: string;
  /** IANA time zone, e.g. `Europe/London`. */
  readonly zone: string;
  /**
   * The instant at which `minutes` of business time starting at `start` are used up (the due time).
   * Negative minutes count back. ±Infinity when never due within the supported years (see README.md).
   */
  addMinutes(start: number, minutes: number): number;
  /** Business minutes between two instants; negative when `end` is before `start`. */
  elapsedMinutes(start: number, end: number): number;
  /** A reusable placement of many instants in this calendar (see `InstantPlacement`). Optional. */
  placement?(): InstantPlacement;
  /** Whether the calendar is open at the instant (intervals are half-open [open, close)). */
  isOpen(at: number): boolean;
  /** The first opening at or after `at` (`at` itself when open), or null when none within the horizon. */
  nextOpening(at: number): number | null;
  /** The first closing strictly after `at` while open (or after the next opening), or null. */
  nextClosing(at: number): number | null;
}

/**
 * Many instants placed in a calendar at once, for arithmetic between them: an SLA case's dozen clocks
 * measure their intervals and due times between the same twenty-odd instants, and each is looked up
 * here once rather than in every call. Reusable: `place` again for the next set.
 */
export interface InstantPlacement {
  /** Places the first `count` instants. `addMinutes` reads them again: keep them as they are until the next `place`. */
  place(instants: Float64Array, count: number): void;
  /**
   * Open milliseconds from an origin up to each placed instant, NaN for one outside the supported
   * years: `elapsedMinutes(instants[i], instants[j])` is `(positions[j] - positions[i]) / 60_000`.
   */
  readonly positions: Float64Array;
  /** `addMinutes(instants[i], minutes)`. */
  addMinutes(i: number, minutes: number): number;
}
