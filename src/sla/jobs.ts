/**
 * @module sla/jobs
 * What a scheduler should enqueue for a case: SLA warnings and breaches at their instants.
 */

import type { Clock } from './ledger.ts';
import type { Metric, PromiseKind } from './targets.ts';

/** A job to run at `at`. `key` names it for idempotent enqueueing: it changes when the instant does. */
export interface SlaJob {
  readonly kind: 'warning' | 'breach';
  readonly at: number;
  readonly key: string;
  readonly clock: string;
  readonly metric: Metric;
  readonly promise: PromiseKind;
}

/**
 * Warning and breach jobs of the clocks still counting, earliest first. A breach already past comes
 * back with its instant (a scheduler that missed it fires it once, by key); paused clocks have none
 * until they resume. After every event, replace the case's pending SLA jobs with this list; when a
 * job runs, recompute the clocks and act only if they still say so.
 *
 * @example
 * slaJobs(clocks); // [{ kind: 'warning', at: …, key: 'first_reply:customer:1/warning/…', … }, …]
 */
export function slaJobs(clocks: readonly Clock[]): SlaJob[] {
  const jobs: SlaJob[] = [];
  for (const clock of clocks) {
    if (!clock.active) continue;
    const { id, metric, promise } = clock;
    if (clock.breachedAt !== null) {
      jobs.push({
        kind: 'breach',
        at: clock.breachedAt,
        key: `${id}/breach/${clock.breachedAt}`,
        clock: id,
        metric,
        promise,
      });
      continue;
    }
    if (clock.paused || clock.dueAt === null) continue;
    if (clock.warningAt !== null && clock.warningAt < clock.dueAt) {
      const at = clock.warningAt;
      jobs.push({ kind: 'warning', at, key: `${id}/warning/${at}`, clock: id, metric, promise });
    }
    jobs.push({
      kind: 'breach',
      at: clock.dueAt,
      key: `${id}/breach/${clock.dueAt}`,
      clock: id,
      metric,
      promise,
    });
  }
  return jobs.sort((a, b) => a.at - b.at);
}
