/**
 * @module sla/timeline
 * One cycle of one metric as the events shaped it: when it started, ran, paused and stopped. Targets
 * are applied afterwards (`clock-evaluate.ts`), so re-targeting never changes the intervals.
 */

import { METRICS, type Metric } from './targets.ts';

/** Why an interval began or a clock stopped: the ledger's vocabulary, already in words. */
export type Why =
  | 'created'
  | 'customer replied'
  | 'agent replied'
  | 'status → new'
  | 'status → open'
  | 'status → waiting on customer'
  | 'status → waiting on us'
  | 'resolved'
  | 'closed'
  | 'reopened'
  | 'follow-up contact'
  | 'target withdrawn';

/**
 * The marks of every timeline of a case, in arrays reused from case to case. A case has a dozen or
 * more cycles of one to a few marks each; four small arrays per cycle were most of what scanning
 * allocated. Each timeline owns a contiguous run of slots and moves to a run twice as long when it
 * fills up (the old run is left behind until `reset`).
 */
export class MarkArena {
  from = new Float64Array(256);
  running = new Uint8Array(256);
  why: Why[] = new Array<Why>(256).fill('created');
  event = new Int32Array(256);
  private used = 0;

  /** Forgets every mark: the timelines of the previous case must no longer be read. */
  reset(): void {
    this.used = 0;
  }

  /** The first of `count` fresh slots, growing the arrays when needed. */
  allocate(count: number): number {
    const base = this.used;
    this.used += count;
    if (this.used > this.from.length) this.grow(this.used * 2);
    return base;
  }

  private grow(length: number): void {
    const from = new Float64Array(length);
    from.set(this.from);
    this.from = from;
    const running = new Uint8Array(length);
    running.set(this.running);
    this.running = running;
    const event = new Int32Array(length);
    event.set(this.event);
    this.event = event;
    while (this.why.length < length) this.why.push('created');
  }
}

/** Slots a timeline gets at first: most cycles pause at most once. */
const INITIAL_SLOTS = 4;

/**
 * Marks: mark i opens an interval at `fromAt(i)`, running or paused, for `whyAt(i)`, caused by event
 * `eventAt(i)` (index in the caller's array); it lasts until the next mark, the stop, or "now".
 * Marks at the same instant collapse into one. They live in the case's `MarkArena`.
 */
export class Timeline {
  readonly metric: Metric;
  /** Number of marks (at least 1). */
  marks = 0;
  stoppedAt: number | null = null;
  stopWhy: Why | null = null;
  stopEvent = -1;
  cancelled = false;
  private base: number;
  private capacity = INITIAL_SLOTS;

  constructor(
    /** Where the marks live; valid until the arena is reset for the next case. */
    private readonly arena: MarkArena,
    /** Index of the metric in `METRICS`. */
    readonly metricIndex: number,
    readonly cycle: number,
    at: number,
    running: boolean,
    why: Why,
    event: number,
  ) {
    this.metric = METRICS[metricIndex] as Metric;
    this.base = arena.allocate(INITIAL_SLOTS);
    this.push(at, running, why, event);
  }

  get start(): number {
    return this.fromAt(0);
  }

  fromAt(i: number): number {
    return this.arena.from[this.base + i] as number;
  }

  runningAt(i: number): boolean {
    return this.arena.running[this.base + i] === 1;
  }

  whyAt(i: number): Why {
    return this.arena.why[this.base + i] as Why;
  }

  eventAt(i: number): number {
    return this.arena.event[this.base + i] as number;
  }

  get active(): boolean {
    return this.stoppedAt === null;
  }

  get isRunning(): boolean {
    return this.stoppedAt === null && this.runningAt(this.marks - 1);
  }

  pause(at: number, why: Why, event: number): void {
    if (this.isRunning) this.mark(at, false, why, event);
  }

  resume(at: number, why: Why, event: number): void {
    if (this.stoppedAt === null && !this.isRunning) this.mark(at, true, why, event);
  }

  stop(at: number, why: Why, event: number, cancelled = false): void {
    if (this.stoppedAt !== null) return;
    this.stoppedAt = at;
    this.stopWhy = why;
    this.stopEvent = event;
    this.cancelled = cancelled;
  }

  /** Counts again after a stop (a reopened case): the stopped span becomes a pause. */
  restart(at: number, running: boolean, why: Why, event: number): void {
    const stoppedAt = this.stoppedAt;
    if (stoppedAt === null) return;
    this.stoppedAt = null;
    this.mark(stoppedAt, false, this.stopWhy as Why, this.stopEvent, true);
    this.stopWhy = null;
    this.stopEvent = -1;
    this.cancelled = false;
    this.mark(at, running, why, event, true);
  }

  private mark(at: number, running: boolean, why: Why, event: number, force = false): void {
    const last = this.marks - 1;
    if (this.fromAt(last) === at) {
      if (last === 0) {
        this.arena.running[this.base] = running ? 1 : 0; // keep the start's reason
        return;
      }
      if (this.runningAt(last - 1) === running) {
        this.marks--;
        return;
      }
      this.set(last, at, running, why, event);
      return;
    }
    if (this.runningAt(last) === running && !force) return;
    this.push(at, running, why, event);
  }

  private push(at: number, running: boolean, why: Why, event: number): void {
    if (this.marks === this.capacity) {
      const base = this.arena.allocate(this.capacity * 2);
      const arena = this.arena; // read after allocate: the arrays may have grown
      // A plain loop: a few marks, where `copyWithin` costs more to call than to run.
      for (let from = this.base, to = base, end = this.base + this.marks; from < end; from++, to++) {
        arena.from[to] = arena.from[from] as number;
        arena.running[to] = arena.running[from] as number;
        arena.why[to] = arena.why[from] as Why;
        arena.event[to] = arena.event[from] as number;
      }
      this.base = base;
      this.capacity *= 2;
    }
    this.set(this.marks, at, running, why, event);
    this.marks++;
  }

  private set(i: number, at: number, running: boolean, why: Why, event: number): void {
    const arena = this.arena;
    const slot = this.base + i;
    arena.from[slot] = at;
    arena.running[slot] = running ? 1 : 0;
    arena.why[slot] = why;
    arena.event[slot] = event;
  }
}
