/**
 * @module cases/transfer-case
 * Hands a case to another team, with the reason. The assignee stays only if they belong to the new
 * team; otherwise the new team picks the case up from its queue.
 */
import { AppError } from '../server/errors.ts';
import { applyChange, type CaseOutcome, expectVersion, lockCase } from './case-change.ts';
import type { CaseContext } from './case-context.ts';
import { teamOf } from './staff-lookup.ts';

/**
 * @throws AppError `not-found` (case or team), `conflict` (already with that team), `version-conflict`
 * @example await transferCase(ctx, caseId, { teamId, reason: 'Needs a returns label' })
 */
export async function transferCase(
  ctx: CaseContext,
  caseId: string,
  input: { readonly teamId: string; readonly reason: string; readonly version?: number | undefined },
): Promise<CaseOutcome> {
  const row = await lockCase(ctx, caseId);
  expectVersion(row, input.version);
  const team = await teamOf(ctx, input.teamId, 'body.team_id');
  if (team.id === row.team_id) throw new AppError('conflict', `The case is already with team ${team.name}.`);
  let assignee = row.assignee_id;
  if (assignee !== null) {
    const user = await ctx.trx
      .selectFrom('users')
      .select(['team_id'])
      .where('org_id', '=', row.org_id)
      .where('id', '=', assignee)
      .executeTakeFirst();
    if (user?.team_id !== team.id) assignee = null;
  }
  const data = {
    team: { from: row.team_id, to: team.id },
    assignee: { from: row.assignee_id, to: assignee },
    reason: input.reason,
  };
  return applyChange(ctx, row, {
    entries: [
      {
        kind: 'transfer',
        visibility: 'internal',
        body: `Transferred to team ${team.name}: ${input.reason}`,
        data,
      },
    ],
    set: { team_id: team.id, assignee_id: assignee },
    action: 'case.transferred',
    auditData: data,
  });
}
