/**
 * @module cases/assign-case
 * Gives a case to a person and/or a team. Assigning a person without naming a team moves the case
 * into that person's team (when they have one); `null` unassigns.
 */
import { AppError } from '../server/errors.ts';
import { applyChange, type CaseOutcome, type CaseUpdate, expectVersion, lockCase } from './case-change.ts';
import type { CaseContext } from './case-context.ts';
import { assignableUser, teamOf } from './staff-lookup.ts';

export interface Assignment {
  readonly assigneeId?: string | null | undefined;
  readonly teamId?: string | null | undefined;
  readonly version?: number | undefined;
  /** Why, when the change is not the caller's own choice (e.g. the assignee was deactivated). */
  readonly reason?: string | undefined;
}

/**
 * @throws AppError `not-found` (case, user or team), `validation` (auditor), `version-conflict`
 * @example await assignCase(ctx, caseId, { assigneeId: userId })
 */
export async function assignCase(ctx: CaseContext, caseId: string, input: Assignment): Promise<CaseOutcome> {
  if (input.assigneeId === undefined && input.teamId === undefined)
    throw new AppError('validation', 'Name an assignee, a team or both.', [
      { path: 'body', message: 'expected assignee_id or team_id' },
    ]);
  const row = await lockCase(ctx, caseId);
  expectVersion(row, input.version);
  const set: CaseUpdate = {};
  const words: string[] = [];
  if (input.assigneeId !== undefined) {
    if (input.assigneeId === null) {
      set.assignee_id = null;
      words.push('Unassigned');
    } else {
      const user = await assignableUser(ctx, input.assigneeId, 'body.assignee_id');
      set.assignee_id = user.id;
      words.push(`Assigned to ${user.name}`);
      if (input.teamId === undefined && user.team_id !== null) set.team_id = user.team_id;
    }
  }
  if (input.teamId !== undefined)
    set.team_id = input.teamId === null ? null : (await teamOf(ctx, input.teamId, 'body.team_id')).id;
  if (set.team_id !== undefined && set.team_id !== row.team_id) {
    const name = set.team_id === null ? null : (await teamOf(ctx, set.team_id, 'body.team_id')).name;
    words.push(name === null ? 'no team' : `team ${name}`);
  }
  const assigneeChanges = set.assignee_id !== undefined && set.assignee_id !== row.assignee_id;
  const teamChanges = set.team_id !== undefined && set.team_id !== row.team_id;
  if (!assigneeChanges && !teamChanges) return { case: row, entries: [] };
  const data = {
    ...(assigneeChanges ? { assignee: { from: row.assignee_id, to: set.assignee_id ?? null } } : {}),
    ...(teamChanges ? { team: { from: row.team_id, to: set.team_id ?? null } } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
  };
  const body = `${words.join(', ')}${input.reason ? ` (${input.reason})` : ''}`;
  return applyChange(ctx, row, {
    entries: [{ kind: 'assignment', visibility: 'internal', body, data }],
    set,
    action: 'case.assigned',
    auditData: data,
  });
}
