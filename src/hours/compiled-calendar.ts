/**
 * @module hours/compiled-calendar
 * A calendar compiled from an Hours section: an `OpenTimeline` over whole years, grown on demand (and kept)
 * when an instant or a due time falls outside it, within the supported years.
 */

import type { CalendarSpec } from './build-timeline.ts';
import { buildTimeline } from './build-timeline.ts';
import type { Calendar, InstantPlacement } from './calendar.ts';
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

  placement(): InstantPlacement {
    return new CompiledPlacement(this);
  }

  /**
   * For `CompiledPlacement`: positions and `last` indices of the instants (index -2 for all when one
   * is outside the supported years: those are not placed), in the timeline it returns. Grown for every
   * instant first when one is outside the timeline, so that all positions share one origin.
   */
  placeInstants(
    instants: Float64Array,
    count: number,
    positions: Float64Array,
    indices: Int32Array,
  ): OpenTimeline {
    if (this.#timeline.positions(instants, count, positions, indices)) return this.#timeline;
    let outside = false;
    for (let i = 0; i < count; i++) {
      const at = instants[i] as number;
      if (!(at >= this.#lo && at <= this.#hi) && !this.#tryCover(at)) outside = true;
    }
    const timeline = this.#timeline;
    if (!outside && timeline.positions(instants, count, positions, indices)) return timeline;
    for (let i = 0; i < count; i++) {
      const at = instants[i] as number;
      positions[i] = at >= this.#lo && at <= this.#hi ? timeline.position(at) : Number.NaN;
      indices[i] = -2;
    }
    return timeline;
  }

  /** For `CompiledPlacement`: `addMinutes` from an instant placed in `timeline` at index `j`. */
  addPlacedMinutes(timeline: OpenTimeline, start: number, j: number, minutes: number): number {
    // The calendar grew since (or the instant was not placed): the plain way.
    if (timeline !== this.#timeline || j < -1) return this.addMinutes(start, minutes);
    const ms = minutes * MINUTE_MS;
    if (Number.isNaN(ms)) throw new RangeError('Unexpected NaN minutes, expected a number');
    const due = timeline.addFrom(start, j, ms);
    return Number.isNaN(due) ? this.addMinutes(start, minutes) : due; // beyond the years held: grow
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

/** Instants placed in a compiled calendar: positions and interval indices, each looked up once. */
class CompiledPlacement implements InstantPlacement {
  positions = new Float64Array(0);
  #indices = new Int32Array(0);
  #instants: Float64Array = new Float64Array(0);
  #timeline: OpenTimeline | null = null;

  constructor(private readonly calendar: CompiledCalendar) {}

  place(instants: Float64Array, count: number): void {
    if (this.positions.length < count) {
      this.positions = new Float64Array(count * 2);
      this.#indices = new Int32Array(count * 2);
    }
    this.#instants = instants;
    this.#timeline = this.calendar.placeInstants(instants, count, this.positions, this.#indices);
  }

  addMinutes(i: number, minutes: number): number {
    const start = this.#instants[i] as number;
    const timeline = this.#timeline;
    if (timeline === null) return this.calendar.addMinutes(start, minutes);
    return this.calendar.addPlacedMinutes(timeline, start, this.#indices[i] as number, minutes);
  }
}
