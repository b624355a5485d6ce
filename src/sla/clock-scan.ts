/**
 * @module sla/clock-scan
 * Reads a case's events once and shapes every clock cycle (`Timeline`) and every stretch of
 * attributes (`Segment`). No targets are applied here.
 */

import type { CaseAttributes, CaseEvent, CaseStatus } from './events.ts';
import type { PreparedTarget, PreparedTargets, TargetMemo } from './target-memo.ts';
import type { MarkArena, Timeline, Why } from './timeline.ts';

/** A stretch of time over which the case had one set of attributes, hence one set of targets. */
export interface Segment {
  readonly from: number;
  readonly targets: PreparedTargets;
  /** `targets.bySlot` and `targets.attributes`, one load nearer: every clock reads them. */
  readonly bySlot: readonly (PreparedTarget | null)[];
  readonly attributes: CaseAttributes;
  /** `created`, or the changes that began it: `priority → urgent, tier → gold`. */
  readonly why: string;
  readonly event: number;
}

/**
 * Cycles in the order they started (`timelines[0 … count)`: the arena's reused list, not a copy), and
 * the attribute stretches in time order.
 */
export interface Scan {
  readonly timelines: readonly Timeline[];
  readonly count: number;
  readonly segments: readonly Segment[];
}

// Indices in `METRICS`; a targets mask has bit `1 << index` set for each metric with a target.
const FIRST_REPLY = 0;
const NEXT_REPLY = 1;
const PERIODIC = 2;
const RESOLUTION = 3;
const FOLLOW_UP = 4;

const STATUS_WHY: Readonly<Record<CaseStatus, Why>> = {
  new: 'status → new',
  open: 'status → open',
  waiting_on_customer: 'status → waiting on customer',
  waiting_on_us: 'status → waiting on us',
  resolved: 'resolved',
  closed: 'closed',
};

/**
 * Scans events (in `order`, or input order when `order` is null) up to and including `now`.
 * `null` when there is no `created` event by then. Only metrics some segment targets get timelines.
 * Their marks go to the scanner's arena, which is reset first (the scanner is reused too).
 *
 * @example
 * const scan = scanCase(events, eventTimes(events), null, now, memo, new CaseScanner(new MarkArena()));
 * scan?.timelines[0]?.metric; // 'first_reply'
 */
export function scanCase(
  events: readonly CaseEvent[],
  times: Float64Array,
  order: Uint32Array | null,
  now: number,
  memo: TargetMemo,
  scanner: CaseScanner,
): Scan | null {
  const segments = scanSegments(events, times, order, now, memo);
  if (segments.length === 0) return null;
  let mask = 0;
  for (const segment of segments) mask |= segment.targets.mask;
  const arena = scanner.arena;
  arena.reset(times);
  scanner.run(mask, events, times, order, now);
  return { timelines: arena.timelines, count: arena.count, segments };
}

function scanSegments(
  events: readonly CaseEvent[],
  times: Float64Array,
  order: Uint32Array | null,
  now: number,
  memo: TargetMemo,
): Segment[] {
  const segments: Segment[] = [];
  let current: PreparedTargets | null = null;
  for (let n = 0; n < events.length; n++) {
    const i = order === null ? n : (order[n] as number);
    const at = times[i] as number;
    if (at > now) break;
    const event = events[i] as CaseEvent;
    if (event.type === 'created') {
      if (current !== null) continue;
      current = memo.get(event.attributes);
      segments.push({
        from: at,
        targets: current,
        bySlot: current.bySlot,
        attributes: current.attributes,
        why: 'created',
        event: i,
      });
    } else if (event.type === 'attributes_changed' && current !== null) {
      const transition = memo.change(current, event.attributes);
      if (transition === null) continue;
      current = transition.targets;
      const last = segments[segments.length - 1] as Segment;
      if (last.from === at) {
        const why = last.why === 'created' ? 'created' : `${last.why}, ${transition.why}`;
        segments[segments.length - 1] = {
          from: at,
          targets: current,
          bySlot: current.bySlot,
          attributes: current.attributes,
          why,
          event: last.event,
        };
      } else
        segments.push({
          from: at,
          targets: current,
          bySlot: current.bySlot,
          attributes: current.attributes,
          why: transition.why,
          event: i,
        });
    }
  }
  return segments;
}

/** The case's state while scanning, and the cycles it opens (in its arena). Reused from case to case. */
export class CaseScanner {
  private mask = 0;
  private created = false;
  private status: CaseStatus = 'new';
  private resolved = false;
  private closed = false;
  private awaitingFirstReply = false;
  private firstReply: Timeline | null = null;
  private nextReply: Timeline | null = null;
  private periodic: Timeline | null = null;
  private resolution: Timeline | null = null;
  private followUp: Timeline | null = null;
  private nextReplyCycles = 0;
  private periodicCycles = 0;
  private followUpCycles = 0;

  constructor(readonly arena: MarkArena) {}

  /** Scans a case for the metrics in `mask` (see `scanCase`). */
  run(
    mask: number,
    events: readonly CaseEvent[],
    times: Float64Array,
    order: Uint32Array | null,
    now: number,
  ): void {
    this.mask = mask;
    this.created = false;
    this.status = 'new';
    this.resolved = false;
    this.closed = false;
    this.awaitingFirstReply = false;
    this.firstReply = null;
    this.nextReply = null;
    this.periodic = null;
    this.resolution = null;
    this.followUp = null;
    this.nextReplyCycles = 0;
    this.periodicCycles = 0;
    this.followUpCycles = 0;
    for (let n = 0; n < events.length; n++) {
      const i = order === null ? n : (order[n] as number);
      const at = times[i] as number;
      if (at > now) break;
      this.apply(events[i] as CaseEvent, i);
    }
  }

  // Events are passed on by index `i` (their instants are in the arena's `times`): see `MarkArena`.
  private apply(event: CaseEvent, i: number): void {
    if (!this.created) {
      if (event.type === 'created') this.create(event.status, i);
      return;
    }
    switch (event.type) {
      case 'customer_message':
        this.customerMessage(i);
        break;
      case 'agent_reply':
        this.agentReply(i);
        break;
      case 'status_changed':
        this.changeStatus(event.status, i);
        break;
      case 'resolved':
        this.changeStatus('resolved', i);
        break;
      case 'reopened':
        if (this.resolved) this.reopen(true, 'reopened', i);
        break;
      case 'follow_up':
        this.followUp?.stop(i, 'follow-up contact');
        break;
      default:
        break; // created twice, notes, automated messages, attribute changes (see segments)
    }
  }

  private create(status: CaseStatus | undefined, i: number): void {
    this.created = true;
    this.awaitingFirstReply = true;
    if (this.targets(FIRST_REPLY)) this.firstReply = this.open(FIRST_REPLY, 1, true, 'created', i);
    if (this.targets(RESOLUTION)) this.resolution = this.open(RESOLUTION, 1, true, 'created', i);
    this.startPeriodic(true, 'created', i);
    if (status !== undefined && status !== 'new') this.changeStatus(status, i);
  }

  private customerMessage(i: number): void {
    if (this.closed) return; // a closed case is final; the desk opens a new one
    if (this.resolved) this.reopen(true, 'customer replied', i);
    else if (this.status === 'waiting_on_customer') {
      this.status = 'open';
      this.resolution?.resume(i, 'customer replied');
      this.periodic?.resume(i, 'customer replied');
    }
    if (!this.awaitingFirstReply && this.nextReply?.active !== true && this.targets(NEXT_REPLY)) {
      this.nextReply = this.open(NEXT_REPLY, ++this.nextReplyCycles, true, 'customer replied', i);
    }
  }

  private agentReply(i: number): void {
    if (this.awaitingFirstReply) {
      this.awaitingFirstReply = false;
      this.firstReply?.stop(i, 'agent replied');
    }
    this.nextReply?.stop(i, 'agent replied');
    if (this.resolved) {
      this.followUp?.stop(i, 'follow-up contact');
      return;
    }
    this.periodic?.stop(i, 'agent replied');
    this.startPeriodic(this.status !== 'waiting_on_customer', 'agent replied', i);
  }

  private changeStatus(status: CaseStatus, i: number): void {
    if (status === 'resolved' || status === 'closed') {
      if (!this.resolved) this.resolve(STATUS_WHY[status], i);
      this.closed ||= status === 'closed';
      this.status = status;
      return;
    }
    const waiting = status === 'waiting_on_customer';
    if (this.resolved) {
      this.reopen(!waiting, 'reopened', i);
      return;
    }
    const wasWaiting = this.status === 'waiting_on_customer';
    this.status = status;
    if (waiting && !wasWaiting) {
      this.resolution?.pause(i, STATUS_WHY[status]);
      this.periodic?.pause(i, STATUS_WHY[status]);
    } else if (wasWaiting && !waiting) {
      this.resolution?.resume(i, STATUS_WHY[status]);
      this.periodic?.resume(i, STATUS_WHY[status]);
    }
  }

  private resolve(why: Why, i: number): void {
    this.resolved = true;
    this.awaitingFirstReply = false;
    this.firstReply?.stop(i, why);
    this.nextReply?.stop(i, why);
    this.periodic?.stop(i, why);
    this.resolution?.stop(i, why);
    if (this.targets(FOLLOW_UP)) this.followUp = this.open(FOLLOW_UP, ++this.followUpCycles, true, why, i);
  }

  private reopen(running: boolean, why: Why, i: number): void {
    this.resolved = false;
    this.closed = false;
    this.status = running ? 'open' : 'waiting_on_customer';
    this.resolution?.restart(i, running, why);
    this.followUp?.stop(i, 'reopened', true);
    this.startPeriodic(running, why, i);
  }

  private startPeriodic(running: boolean, why: Why, i: number): void {
    if (this.targets(PERIODIC)) this.periodic = this.open(PERIODIC, ++this.periodicCycles, running, why, i);
  }

  /** Whether some segment targets the metric (index in `METRICS`): only those get timelines. */
  private targets(metric: number): boolean {
    return (this.mask & (1 << metric)) !== 0;
  }

  private open(metric: number, cycle: number, running: boolean, why: Why, i: number): Timeline {
    return this.arena.open(metric, cycle, i, running, why);
  }
}
