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
 * Marks in parallel arrays: mark i opens an interval at `from[i]`, running or paused, for `why[i]`,
 * caused by event `event[i]` (index in the caller's array); it lasts until the next mark, the stop,
 * or "now". Marks at the same instant collapse into one.
 */
export class Timeline {
  readonly from: number[];
  readonly running: boolean[];
  readonly why: Why[];
  readonly event: number[];
  /** Index of `metric` in `METRICS`. */
  readonly metricIndex: number;
  stoppedAt: number | null = null;
  stopWhy: Why | null = null;
  stopEvent = -1;
  cancelled = false;

  constructor(
    readonly metric: Metric,
    readonly cycle: number,
    at: number,
    running: boolean,
    why: Why,
    event: number,
  ) {
    this.metricIndex = METRICS.indexOf(metric);
    this.from = [at];
    this.running = [running];
    this.why = [why];
    this.event = [event];
  }

  get start(): number {
    return this.from[0] as number;
  }

  get active(): boolean {
    return this.stoppedAt === null;
  }

  get isRunning(): boolean {
    return this.stoppedAt === null && (this.running[this.running.length - 1] as boolean);
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
    const last = this.from.length - 1;
    if (this.from[last] === at) {
      if (last === 0) {
        this.running[0] = running; // keep the start's reason
        return;
      }
      if (this.running[last - 1] === running) {
        this.from.pop();
        this.running.pop();
        this.why.pop();
        this.event.pop();
        return;
      }
      this.running[last] = running;
      this.why[last] = why;
      this.event[last] = event;
      return;
    }
    if (this.running[last] === running && !force) return;
    this.from.push(at);
    this.running.push(running);
    this.why.push(why);
    this.event.push(event);
  }
}
