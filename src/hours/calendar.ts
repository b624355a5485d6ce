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
  /**
   * `elapsedMinutes` for many instants at once (an SLA case measures a dozen clocks between the same
   * twenty instants): `out[i]` is the open milliseconds from the calendar's origin up to `instants[i]`,
   * NaN when that instant is outside the supported years, so that `elapsedMinutes(instants[i],
   * instants[j])` is `(out[j] - out[i]) / 60_000`. Compare results of one call only: the origin may
   * move as the calendar grows. Optional; without it, call `elapsedMinutes`.
   */
  openPositions?(instants: Float64Array, count: number, out: Float64Array): void;
  /** Whether the calendar is open at the instant (intervals are half-open [open, close)). */
  isOpen(at: number): boolean;
  /** The first opening at or after `at` (`at` itself when open), or null when none within the horizon. */
  nextOpening(at: number): number | null;
  /** The first closing strictly after `at` while open (or after the next opening), or null. */
  nextClosing(at: number): number | null;
}
