/**
 * @module sla/ledger
 * What a clock shows as of a moment: its intervals, the targets that applied and why, the minutes
 * used, and its due, warning and breach instants. All instants are epoch milliseconds.
 */

import type { CaseAttributes } from './events.ts';
import type { Metric, PolicyRef, PromiseKind, RuleRef } from './targets.ts';
import type { Why } from './timeline.ts';

/**
 * `running` / `paused`: still counting, not breached. `met`: stopped at or before its due instant.
 * `breached`: its budget ran out before it stopped (stopped or not; see `active`). `cancelled`:
 * stopped with no outcome (a follow-up no longer due because the case reopened; a target withdrawn).
 */
export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

/** One stretch of a clock's life. The intervals of a clock tile [startedAt, stoppedAt ?? asOf]. */
export interface LedgerInterval {
  readonly state: 'running' | 'paused';
  readonly from: number;
  /** `null` while the interval is still open as of `asOf`. */
  readonly to: number | null;
  /** Why it began. */
  readonly why: Why;
  /** Why it ended; `null` while open. */
  readonly until: Why | null;
  /** Index (in the caller's event array) of the event that began it. */
  readonly event: number;
  /** Wall-clock minutes, up to `asOf` while open. */
  readonly wallMinutes: number;
  /** Open minutes of the clock's calendar counted in it (0 when paused). */
  readonly businessMinutes: number;
}

/** A target as it applied to a clock from `from` on, and which case attributes selected it. */
export interface AppliedTarget {
  readonly from: number;
  /** `created` or the attribute changes that re-targeted the clock (`priority → urgent`). */
  readonly why: string;
  readonly attributes: CaseAttributes;
  readonly policy: PolicyRef;
  readonly rule: RuleRef;
  /** As the policy wrote it, e.g. `PT4H`, `P1D`. */
  readonly duration: string;
  readonly calendar: string;
  /** The budget in open minutes of `calendar`, counted from the clock's start. */
  readonly budgetMinutes: number;
  readonly warnAt: number | null;
  /** When the budget runs out under this target, over the clock's running intervals. */
  readonly dueAt: number | null;
}

/** A clock and its ledger, as of `asOf`. */
export interface Clock {
  /** `metric:promise:cycle`, e.g. `next_reply:customer:2`; stable across evaluations. */
  readonly id: string;
  readonly metric: Metric;
  readonly promise: PromiseKind;
  /** 1-based; next reply, periodic update and follow-up run in successive cycles. */
  readonly cycle: number;
  readonly state: ClockState;
  /** Still counting or paused (not stopped), even when already breached. */
  readonly active: boolean;
  /** Active and paused right now. */
  readonly paused: boolean;
  readonly startedAt: number;
  readonly stoppedAt: number | null;
  readonly stopWhy: Why | null;
  /** The target that applies now (or at the stop); the last of `targets`. */
  readonly target: AppliedTarget;
  /** Every target that applied, oldest first: more than one after a re-targeting. */
  readonly targets: readonly AppliedTarget[];
  readonly intervals: readonly LedgerInterval[];
  readonly budgetMinutes: number;
  /** Open minutes used, in the target's calendar. */
  readonly usedMinutes: number;
  /** `budgetMinutes − usedMinutes`; negative once overdue. */
  readonly remainingMinutes: number;
  /** Wall-clock minutes of the running intervals. */
  readonly runningMinutes: number;
  /** Wall-clock minutes of the paused intervals. */
  readonly pausedMinutes: number;
  /**
   * When the budget runs out: known while running, once stopped (the deadline it met or missed,
   * continued from the stop) and once breached; `null` while paused with budget left.
   */
  readonly dueAt: number | null;
  /** When `warnAt` of the budget is used; `null` without `warnAt` or while paused before it. */
  readonly warningAt: number | null;
  /**
   * When the breach became a fact: the due instant, or the re-targeting instant when a stricter target
   * was already exceeded. A breach stands even if a later re-targeting would have allowed more time.
   */
  readonly breachedAt: number | null;
  readonly asOf: number;
}
