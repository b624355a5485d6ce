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
 *
 * Marks are made by event index: their instants are read from the case's `times` here, never passed
 * around, since an instant handed from function to function is boxed into a new heap number each time.
 */
export class MarkArena {
  from = new Float64Array(256);
  running = new Uint8Array(256);
  why: Why[] = new Array<Why>(256).fill('created');
  event = new Int32Array(256);
  /** The instants of the case's events, by index (see `eventTimes`). */
  times: Float64Array = new Float64Array(0);
  private used = 0;
  /**
   * The case's timelines in the order they were opened: `timelines[0 … count)`. The objects are reused
   * from case to case like the marks (they never leave the engine).
   */
  readonly timelines: Timeline[] = [];
  count = 0;

  /** Starts a case whose event instants are `times`: the timelines of the previous one must no longer be read. */
  reset(times: Float64Array): void {
    this.times = times;
    this.used = 0;
    this.count = 0;
  }

  /** A timeline with its first mark (see `Timeline.open`), valid until `reset`. */
  open(metricIndex: number, cycle: number, event: number, running: boolean, why: Why): Timeline {
    let timeline = this.timelines[this.count];
    if (timeline === undefined) {
      timeline = new Timeline(this);
      this.timelines.push(timeline);
    }
    this.count++;
    timeline.open(metricIndex, cycle, event, running, why);
    return timeline;
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

/** Slots a timeline gets at first: most cycles pause at most a few times (resolution a few more). */
const INITIAL_SLOTS = 8;

/**
 * Marks: mark i opens an interval at `fromAt(i)`, running or paused, for `whyAt(i)`, caused by event
 * `eventAt(i)` (index in the caller's array, whose instant `fromAt(i)` is); it lasts until the next
 * mark, the stop, or "now". Marks at the same instant collapse into one. They live in the case's
 * `MarkArena`, which also hands out the timelines themselves (`arena.open`).
 */
export class Timeline {
  metric: Metric = 'first_reply';
  /** Index of the metric in `METRICS`. */
  metricIndex = 0;
  cycle = 0;
  /** The instant of the first mark. */
  startAt = 0;
  /** Number of marks (at least 1). */
  marks = 0;
  /**
   * The instant it stopped, NaN while active: a number field is written in place, where `null | number`
   * would box every stop into a new heap number (and these objects live long, in the arena).
   */
  stopAt = Number.NaN;
  stopWhy: Why | null = null;
  /** Index of the event that stopped it (whose instant `stopAt` is); -1 while not stopped. */
  stopEvent = -1;
  cancelled = false;
  /** Where mark 0 sits in the arena's arrays (the walk reads them directly; only the timeline writes). */
  base = 0;
  private capacity = INITIAL_SLOTS;

  constructor(
    /** Where the marks live; valid until the arena is reset for the next case. */
    readonly arena: MarkArena,
  ) {}

  /** (Re)starts this object as a new cycle with its first mark at event `event`; see `MarkArena.open`. */
  open(metricIndex: number, cycle: number, event: number, running: boolean, why: Why): void {
    const arena = this.arena;
    const base = arena.allocate(INITIAL_SLOTS);
    const at = arena.times[event] as number;
    this.metric = METRICS[metricIndex] as Metric;
    this.metricIndex = metricIndex;
    this.cycle = cycle;
    this.startAt = at;
    this.marks = 1;
    this.stopAt = Number.NaN;
    this.stopWhy = null;
    this.stopEvent = -1;
    this.cancelled = false;
    this.base = base;
    this.capacity = INITIAL_SLOTS;
    // The arrays are read after `allocate`, which may have replaced them.
    arena.from[base] = at;
    arena.running[base] = running ? 1 : 0;
    arena.why[base] = why;
    arena.event[base] = event;
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
    return Number.isNaN(this.stopAt);
  }

  get isRunning(): boolean {
    return Number.isNaN(this.stopAt) && this.runningAt(this.marks - 1);
  }

  pause(event: number, why: Why): void {
    if (this.isRunning) this.mark(event, false, why);
  }

  resume(event: number, why: Why): void {
    if (Number.isNaN(this.stopAt) && !this.isRunning) this.mark(event, true, why);
  }

  stop(event: number, why: Why, cancelled = false): void {
    if (!Number.isNaN(this.stopAt)) return;
    this.stopAt = this.arena.times[event] as number;
    this.stopWhy = why;
    this.stopEvent = event;
    this.cancelled = cancelled;
  }

  /** Counts again after a stop (a reopened case): the stopped span becomes a pause. */
  restart(event: number, running: boolean, why: Why): void {
    if (Number.isNaN(this.stopAt)) return;
    this.stopAt = Number.NaN;
    this.mark(this.stopEvent, false, this.stopWhy as Why, true);
    this.stopWhy = null;
    this.stopEvent = -1;
    this.cancelled = false;
    this.mark(event, running, why, true);
  }

  private mark(event: number, running: boolean, why: Why, force = false): void {
    let arena = this.arena;
    const flag = running ? 1 : 0;
    const last = this.base + this.marks - 1;
    if (arena.from[last] === arena.times[event]) {
      // Marks at the same instant collapse into one.
      if (this.marks === 1)
        arena.running[last] = flag; // keep the start's reason
      else if (arena.running[last - 1] === flag)
        this.marks--; // back to the state before: no change at all
      else {
        arena.running[last] = flag;
        arena.why[last] = why;
        arena.event[last] = event;
      }
      return;
    }
    if (arena.running[last] === flag && !force) return;
    if (this.marks === this.capacity) {
      this.move();
      arena = this.arena; // the arrays may have grown
    }
    const slot = this.base + this.marks;
    arena.from[slot] = arena.times[event] as number;
    arena.running[slot] = flag;
    arena.why[slot] = why;
    arena.event[slot] = event;
    this.marks++;
  }

  /** Moves the marks to a run of slots twice as long. */
  private move(): void {
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
}
