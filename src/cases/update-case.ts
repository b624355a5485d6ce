/**
 * @module cases/update-case
 * PATCH of a case: status, priority and category, under optimistic concurrency. A priority or
 * category change is a `status_change` entry carrying `changes` (and, for priority, the new SLA
 * attributes, so the clocks re-target); a status change is its own entry after it.
 */
import type { CaseStatus } from '../store/schema.ts';
import {
  applyChange,
  type CaseOutcome,
  type CaseUpdate,
  expectVersion,
  lockCase,
  type NewEntry,
} from './case-change.ts';
import type { CaseContext } from './case-context.ts';
import { FINISHED, type Priority } from './case-vocabulary.ts';
import { cancelFollowUp, scheduleFollowUp } from './follow-up.ts';
import { planStatusChange } from './status-change.ts';

export interface CasePatch {
  readonly version: number;
  readonly status?: CaseStatus | undefined;
  readonly priority?: Priority | undefined;
  readonly category?: string | null | undefined;
  /** Why (recorded on the status change). */
  readonly reason?: string | undefined;
}

/**
 * Applies the patch; fields equal to the current values change nothing, and a patch that changes
 * nothing appends nothing.
 * @throws AppError `not-found`, `version-conflict`, `invalid-transition`, `procedure-incomplete`
 * @example await updateCase(ctx, caseId, { version: 3, status: 'resolved', reason: 'Replacement delivered' })
 */
export async function updateCase(ctx: CaseContext, caseId: string, patch: CasePatch): Promise<CaseOutcome> {
  const row = await lockCase(ctx, caseId);
  expectVersion(row, patch.version);
  const entries: NewEntry[] = [];
  const set: CaseUpdate = {};
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  if (patch.priority !== undefined && patch.priority !== row.priority) {
    changes.priority = { from: row.priority, to: patch.priority };
    set.priority = patch.priority;
  }
  if (patch.category !== undefined && patch.category !== row.category) {
    changes.category = { from: row.category, to: patch.category };
    set.category = patch.category;
  }
  if (Object.keys(changes).length > 0)
    entries.push({
      kind: 'status_change',
      visibility: 'internal',
      body: Object.entries(changes)
        .map(
          ([name, c]) =>
            `${name[0]?.toUpperCase()}${name.slice(1)} ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`,
        )
        .join('; '),
      data: { changes, ...(set.priority ? { sla_attributes: { priority: set.priority } } : {}) },
    });
  const statusChanges = patch.status !== undefined && patch.status !== row.status;
  if (statusChanges && patch.status) {
    const planned = await planStatusChange(ctx, row, patch.status, patch.reason);
    entries.push(planned.entry);
    Object.assign(set, planned.set);
  }
  if (entries.length === 0) return { case: row, entries: [] };
  const reopening = statusChanges && FINISHED.has(row.status) && !FINISHED.has(set.status ?? row.status);
  if (reopening) await cancelFollowUp(ctx, row);
  const result = await applyChange(ctx, row, {
    entries,
    set,
    action: statusChanges
      ? `case.${set.status === 'resolved' ? 'resolved' : reopening ? 'reopened' : 'status_changed'}`
      : 'case.updated',
    auditData: {
      ...changes,
      ...(statusChanges ? { status: { from: row.status, to: set.status } } : {}),
      ...(patch.reason ? { reason: patch.reason } : {}),
    },
  });
  if (set.status === 'resolved') await scheduleFollowUp(ctx, result.case, result.sla);
  return result;
}
