/**
 * @module cases/staff-lookup
 * Users and teams a case may be given to: of the caller's organisation only (another
 * organisation's id is simply not found), active, and able to work cases.
 */
import { AppError } from '../server/errors.ts';
import type { CaseContext } from './case-context.ts';

/**
 * An active user of the organisation who may work cases (not an auditor).
 * @throws AppError `not-found` for an unknown or disabled user; `validation` for an auditor
 */
export async function assignableUser(ctx: CaseContext, userId: string, path: string) {
  const user = await ctx.trx
    .selectFrom('users')
    .select(['id', 'name', 'role', 'team_id', 'disabled'])
    .where('org_id', '=', ctx.actor.orgId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled)
    throw new AppError('not-found', 'No such active user.', [{ path, message: 'unknown user' }]);
  if (user.role === 'auditor')
    throw new AppError('validation', 'Auditors review cases; they cannot be assigned one.', [
      { path, message: 'expected an admin, manager or agent' },
    ]);
  return user;
}

/**
 * A team of the organisation.
 * @throws AppError `not-found`
 */
export async function teamOf(ctx: CaseContext, teamId: string, path: string) {
  const team = await ctx.trx
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('org_id', '=', ctx.actor.orgId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw new AppError('not-found', 'No such team.', [{ path, message: 'unknown team' }]);
  return team;
}
