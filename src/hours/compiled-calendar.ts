/**
 * @module hours/compiled-calendar
 * A calendar compiled from an Hours section: an `OpenTimeline` over whole years, grown on demand (and kept)
 * when an instant or a due time falls outside it, within the supported years.
 */

import type { CalendarSpec } from './build-timeline.ts';
import { buildTimeline } from './build-timeline.ts';
import type { Calendar } from './calendar.ts';
import type { OpenTimeline } from './open-timeline.ts';

/** The years a compiled calendar can reach; instants outside are a programmer error (RangeError). */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2100;

const MINUTE_MS = 60_000;
/** Growing by at least this many years keeps repeated growth rare. */
const GROWTH_YEARS = 10;

export class CompiledCalendar implements Calendar {
  readonly zone: string;
  readonly #spec: CalendarSpec;
  #fromYear: number;
  #toYear: number;
  #timeline: OpenTimeline;
  // Copies of the timeline's bounds, read on every call.
  #lo: number;
  #hi: number;

  /**
   * Builds the timeline for the years given; see `compileCalendar` for the checked way in.
   * @example new CompiledCalendar('Support', spec, 2027, 2027).isOpen(Date.UTC(2027, 0, 4, 10)) // true
   */
  constructor(
    readonly name: string,
    spec: CalendarSpec,
    fromYear: number,
    toYear: number,
  ) {
    if (!(Number.isInteger(fromYear) && Number.isInteger(toYear) && fromYear <= toYear)) {
      throw new RangeError(
        `Unexpected years ${fromYear}–${toYear}, expected whole years, the first not after the last`,
      );
    }
    if (fromYear < MIN_YEAR || toYear > MAX_YEAR) {
      throw new RangeError(
        `Unexpected years ${fromYear}–${toYear}, expected years within ${MIN_YEAR}–${MAX_YEAR}`,
      );
    }
    this.zone = spec.zone;
    this.#spec = spec;
    this.#fromYear = fromYear;
    this.#toYear = toYear;
    this.#timeline = buildTimeline(spec, fromYear, toYear);
    this.#lo = this.#timeline.lo;
    this.#hi = this.#timeline.hi;
  }

  addMinutes(start: number, minutes: number): number {
    if (!(start >= this.#lo && start <= this.#hi)) this.#cover(start);
    const ms = minutes * MINUTE_MS;
    if (Number.isNaN(ms)) throw new RangeError('Unexpected NaN minutes, expected a number');
    let due = this.#timeline.add(start, ms);
    while (Number.isNaN(due)) {
      // Never due within the supported years (e.g. an enormous budget): say so with an infinite instant.
      if (!this.#grow(ms >= 0)) return ms >= 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      due = this.#timeline.add(start, ms);
    }
    return due;
  }

  elapsedMinutes(start: number, end: number): number {
    if (!(start >= this.#lo && start <= this.#hi)) this.#cover(start);
    if (!(end >= this.#lo && end <= this.#hi)) this.#cover(end);
    return (this.#timeline.position(end) - this.#timeline.position(start)) / MINUTE_MS;
  }

  openPositions(instants: Float64Array, count: number, out: Float64Array): void {
    // Grown for every instant first, so that all positions share one origin.
    let outside = false;
    for (let i = 0; i < count; i++) {
      const at = instants[i] as number;
      if (!(at >= this.#lo && at <= this.#hi) && !this.#tryCover(at)) outside = true;
    }
    const timeline = this.#timeline;
    if (!outside) {
      timeline.positions(instants, count, out);
      return;
    }
    for (let i = 0; i < count; i++) {
      const at = instants[i] as number;
      out[i] = at >= this.#lo && at <= this.#hi ? timeline.position(at) : Number.NaN;
    }
  }

  isOpen(at: number): boolean {
    if (!(at >= this.#lo && at <= this.#hi)) this.#cover(at);
    return this.#timeline.isOpen(at);
  }

  nextOpening(at: number): number | null {
    if (!(at >= this.#lo && at <= this.#hi)) this.#cover(at);
    let opening = this.#timeline.nextOpening(at);
    while (Number.isNaN(opening)) {
      if (!this.#grow(true)) return null;
      opening = this.#timeline.nextOpening(at);
    }
    return opening;
  }

  nextClosing(at: number): number | null {
    if (!(at >= this.#lo && at <= this.#hi)) this.#cover(at);
    let closing = this.#timeline.nextClosing(at);
    while (Number.isNaN(closing)) {
      if (!this.#grow(true)) return null;
      closing = this.#timeline.nextClosing(at);
    }
    return closing;
  }

  /** Grows the timeline to hold `at`, or throws when `at` is outside the supported years. */
  #cover(at: number): void {
    if (!Number.isFinite(at)) throw new RangeError(`Unexpected instant ${at}, expected epoch milliseconds`);
    if (!this.#tryCover(at)) {
      throw new RangeError(
        `Unexpected instant ${new Date(at).toISOString()}, expected one within ${MIN_YEAR}–${MAX_YEAR} in ${this.zone}`,
      );
    }
  }

  /** Grows the timeline to hold `at`; false when `at` is not a finite instant within the supported years. */
  #tryCover(at: number): boolean {
    if (!Number.isFinite(at)) return false;
    // The local year is within one of the UTC year, whatever the zone.
    const year = new Date(at).getUTCFullYear();
    const span = Math.max(GROWTH_YEARS, this.#toYear - this.#fromYear + 1);
    const fromYear =
      year - 1 < this.#fromYear
        ? Math.max(MIN_YEAR, Math.min(year - 1, this.#fromYear - span))
        : this.#fromYear;
    const toYear =
      year + 1 > this.#toYear ? Math.min(MAX_YEAR, Math.max(year + 1, this.#toYear + span)) : this.#toYear;
    if (fromYear !== this.#fromYear || toYear !== this.#toYear) this.#rebuild(fromYear, toYear);
    return at >= this.#lo && at <= this.#hi;
  }

  /** Doubles the timeline forward or backward; false when it already reaches the supported limit. */
  #grow(forward: boolean): boolean {
    const span = Math.max(GROWTH_YEARS, this.#toYear - this.#fromYear + 1);
    if (forward) {
      if (this.#toYear >= MAX_YEAR) return false;
      this.#rebuild(this.#fromYear, Math.min(MAX_YEAR, this.#toYear + span));
    } else {
      if (this.#fromYear <= MIN_YEAR) return false;
      this.#rebuild(Math.max(MIN_YEAR, this.#fromYear - span), this.#toYear);
    }
    return true;
  }

  #rebuild(fromYear: number, toYear: number): void {
    this.#timeline = buildTimeline(this.#spec, fromYear, toYear);
    this.#fromYear = fromYear;
    this.#toYear = toYear;
    this.#lo = this.#timeline.lo;
    this.#hi = this.#timeline.hi;
  }
}
