/**
 * @module orgs/staff
 * The organisation's people and teams as its admin keeps them: add a member of staff, change their
 * name, role or team, deactivate a leaver (their sessions end and their API tokens are revoked at
 * once, and their open cases go back to their team's queue) or bring them back, set a new password; add and rename teams. Every change is audited (never
 * a password or its hash), and no change leaves the organisation without an active admin.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { appendAudit } from '../audit/index.ts';
import { assignCase, userActor } from '../cases/index.ts';
import { AppError } from '../server/errors.ts';
import { type DialectName, isUniqueViolation, lockOrg } from '../store/dialect.ts';
import { newId } from '../store/ids.ts';
import type { Database, Role, UserTable } from '../store/schema.ts';

/** Who changes the staff, where and when; `db` is the transaction the change runs in. */
export interface StaffContext {
  readonly db: Transaction<Database>;
  readonly dialect: DialectName;
  readonly orgId: string;
  readonly actorId: string;
  readonly now: number;
}

export interface StaffMember {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly active: boolean;
  readonly createdAt: number;
}

export interface Team {
  readonly id: string;
  readonly name: string;
  /** Active members. */
  readonly members: number;
}

export interface NewStaffMember {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: string | null;
  /** Already hashed (hashing is slow: it is done before the transaction). */
  readonly passwordHash: string;
}

export interface StaffChange {
  readonly name?: string | undefined;
  readonly role?: Role | undefined;
  readonly teamId?: string | null | undefined;
  readonly active?: boolean | undefined;
}

function member(
  u: Pick<UserTable, 'id' | 'email' | 'name' | 'role' | 'team_id' | 'disabled' | 'created_at'>,
) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    teamId: u.team_id,
    active: u.disabled === 0,
    createdAt: u.created_at,
  };
}

/**
 * The organisation's staff (by name) and teams (by name, with their active members).
 * @example const { staff, teams } = await listStaff(db, orgId);
 */
export async function listStaff(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ staff: StaffMember[]; teams: Team[] }> {
  const [users, teams] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'team_id', 'disabled', 'created_at'])
      .where('org_id', '=', orgId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db.selectFrom('teams').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').execute(),
  ]);
  const staff = users.map(member);
  return {
    staff,
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      members: staff.filter((s) => s.active && s.teamId === t.id).length,
    })),
  };
}

async function requireTeam(ctx: StaffContext, teamId: string, path: string): Promise<void> {
  const team = await ctx.db
    .selectFrom('teams')
    .select(['id'])
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team)
    throw new AppError('not-found', 'No such team in this organisation.', [
      { path, message: 'unknown team' },
    ]);
}

async function requireMember(ctx: StaffContext, userId: string): Promise<UserTable> {
  const user = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw new AppError('not-found', 'No such member of staff in this organisation.');
  return user;
}

const EMAIL_TAKEN = () =>
  new AppError('conflict', 'Someone in this organisation already signs in with this email.', [
    { path: 'body.email', message: 'already in use' },
  ]);

/**
 * Adds a member of staff (emails compare case-insensitively, so they are stored lower-cased).
 * @throws AppError `conflict` (email in use), `not-found` (team)
 * @example await addStaff(ctx, { email: 'ana@example.com', name: 'Ana', role: 'agent', teamId, passwordHash })
 */
export async function addStaff(ctx: StaffContext, input: NewStaffMember): Promise<StaffMember> {
  const email = input.email.trim().toLowerCase();
  if (input.teamId !== null) await requireTeam(ctx, input.teamId, 'body.team_id');
  const taken = await ctx.db
    .selectFrom('users')
    .select(['id'])
    .where('org_id', '=', ctx.orgId)
    .where(sql`lower(email)`, '=', email)
    .executeTakeFirst();
  if (taken) throw EMAIL_TAKEN();
  const row: UserTable = {
    org_id: ctx.orgId,
    id: newId(),
    email,
    name: input.name,
    role: input.role,
    team_id: input.teamId,
    password_hash: input.passwordHash,
    disabled: 0,
    created_at: ctx.now,
  };
  try {
    await ctx.db.insertInto('users').values(row).execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw EMAIL_TAKEN(); // a concurrent add took the same email
    throw e;
  }
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: 'staff.added',
    entity: 'user',
    entityId: row.id,
    data: { email, name: row.name, role: row.role, team_id: row.team_id },
    at: ctx.now,
  });
  return member(row);
}

/** Ends every session of `userId` except the one whose token hash is `keep`; answers how many ended. */
async function endSessions(ctx: StaffContext, userId: string, keep?: string): Promise<number> {
  let q = ctx.db.deleteFrom('sessions').where('org_id', '=', ctx.orgId).where('user_id', '=', userId);
  if (keep !== undefined) q = q.where('token_hash', '!=', keep);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface ChangedStaff {
  readonly member: StaffMember;
  /** Open cases that went back to their team's queue (the member can no longer work them). */
  readonly casesUnassigned: number;
}

/**
 * A member who can no longer work cases (deactivated, or now an auditor) holds none: each open case
 * of theirs is unassigned, keeping its team, with the reason on its timeline.
 */
async function releaseCases(ctx: StaffContext, userId: string, reason: string): Promise<number> {
  const open = await ctx.db
    .selectFrom('cases')
    .select(['id'])
    .where('org_id', '=', ctx.orgId)
    .where('assignee_id', '=', userId)
    .where('status', 'not in', ['resolved', 'closed'])
    .execute();
  const caseCtx = {
    trx: ctx.db,
    dialect: ctx.dialect,
    now: ctx.now,
    actor: userActor({ orgId: ctx.orgId, userId: ctx.actorId }),
  };
  for (const c of open) await assignCase(caseCtx, c.id, { assigneeId: null, reason });
  return open.length;
}

/**
 * Changes a member of staff. Deactivating ends their sessions and revokes their API tokens;
 * reactivating does not bring those back. Deactivating or making them an auditor returns their open
 * cases to their team's queue.
 * @throws AppError `not-found` (member, team), `conflict` (the last active admin would go)
 * @example await changeStaff(ctx, userId, { role: 'manager' })
 */
export async function changeStaff(
  ctx: StaffContext,
  userId: string,
  change: StaffChange,
): Promise<ChangedStaff> {
  // Two admins demoting each other at once must not both succeed: changes to staff take turns.
  await lockOrg(ctx.db, ctx.dialect, ctx.orgId);
  const before = await requireMember(ctx, userId);
  if (change.teamId !== undefined && change.teamId !== null)
    await requireTeam(ctx, change.teamId, 'body.team_id');
  const after: UserTable = {
    ...before,
    name: change.name ?? before.name,
    role: change.role ?? before.role,
    team_id: change.teamId === undefined ? before.team_id : change.teamId,
    disabled: change.active === undefined ? before.disabled : change.active ? 0 : 1,
  };
  const wasAdmin = before.role === 'admin' && before.disabled === 0;
  const staysAdmin = after.role === 'admin' && after.disabled === 0;
  if (wasAdmin && !staysAdmin) {
    const others = await ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', ctx.orgId)
      .where('role', '=', 'admin')
      .where('disabled', '=', 0)
      .where('id', '!=', userId)
      .executeTakeFirstOrThrow();
    if (Number(others.n) === 0)
      throw new AppError('conflict', 'The organisation needs at least one active admin.', [
        { path: after.disabled === 1 ? 'body.active' : 'body.role', message: 'the last active admin' },
      ]);
  }
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, from, to] of [
    ['name', before.name, after.name],
    ['role', before.role, after.role],
    ['team_id', before.team_id, after.team_id],
    ['active', before.disabled === 0, after.disabled === 0],
  ] as const)
    if (from !== to) changed[field] = { from, to };
  if (Object.keys(changed).length === 0) return { member: member(before), casesUnassigned: 0 };
  await ctx.db
    .updateTable('users')
    .set({ name: after.name, role: after.role, team_id: after.team_id, disabled: after.disabled })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', userId)
    .execute();
  const deactivated = before.disabled === 0 && after.disabled === 1;
  let sessionsEnded = 0;
  let tokensRevoked = 0;
  if (deactivated) {
    sessionsEnded = await endSessions(ctx, userId);
    const r = await ctx.db
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.now })
      .where('org_id', '=', ctx.orgId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    tokensRevoked = Number(r.numUpdatedRows);
  }
  const nowAuditor = before.role !== 'auditor' && after.role === 'auditor';
  const casesUnassigned =
    deactivated || nowAuditor
      ? await releaseCases(
          ctx,
          userId,
          `${after.name} ${deactivated ? 'was deactivated' : 'is now an auditor'}`,
        )
      : 0;
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: deactivated ? 'staff.deactivated' : 'staff.changed',
    entity: 'user',
    entityId: userId,
    data: {
      changed,
      ...(sessionsEnded || tokensRevoked
        ? { sessions_ended: sessionsEnded, tokens_revoked: tokensRevoked }
        : {}),
      ...(casesUnassigned ? { cases_unassigned: casesUnassigned } : {}),
    },
    at: ctx.now,
  });
  return { member: member(after), casesUnassigned };
}

/**
 * Sets a member's password (already hashed) and ends their sessions, all of them when an admin
 * resets it, all but the caller's own when they change their own (`keepSession`: its token hash).
 * @throws AppError `not-found`
 * @example await setPassword(ctx, userId, await hashPassword(pw))
 */
export async function setPassword(
  ctx: StaffContext,
  userId: string,
  passwordHash: string,
  keepSession?: string,
): Promise<void> {
  await requireMember(ctx, userId);
  await ctx.db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', userId)
    .execute();
  const ended = await endSessions(ctx, userId, keepSession);
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: ctx.actorId === userId ? 'staff.password_changed' : 'staff.password_reset',
    entity: 'user',
    entityId: userId,
    data: { sessions_ended: ended },
    at: ctx.now,
  });
}

const TEAM_TAKEN = () =>
  new AppError('conflict', 'This organisation already has a team of that name.', [
    { path: 'body.name', message: 'already in use' },
  ]);

async function assertTeamNameFree(ctx: StaffContext, name: string, except?: string): Promise<void> {
  let q = ctx.db
    .selectFrom('teams')
    .select(['id'])
    .where('org_id', '=', ctx.orgId)
    .where(sql`lower(name)`, '=', name.toLowerCase());
  if (except !== undefined) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw TEAM_TAKEN();
}

/**
 * Adds a team (names are unique in the organisation, ignoring case).
 * @throws AppError `conflict`
 * @example await addTeam(ctx, 'Returns')
 */
export async function addTeam(ctx: StaffContext, name: string): Promise<Team> {
  await lockOrg(ctx.db, ctx.dialect, ctx.orgId);
  await assertTeamNameFree(ctx, name);
  const id = newId();
  await ctx.db.insertInto('teams').values({ org_id: ctx.orgId, id, name, created_at: ctx.now }).execute();
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: 'team.added',
    entity: 'team',
    entityId: id,
    data: { name },
    at: ctx.now,
  });
  return { id, name, members: 0 };
}

/**
 * Renames a team.
 * @throws AppError `not-found`, `conflict`
 * @example await renameTeam(ctx, teamId, 'Returns and repairs')
 */
export async function renameTeam(ctx: StaffContext, teamId: string, name: string): Promise<Team> {
  await lockOrg(ctx.db, ctx.dialect, ctx.orgId);
  const team = await ctx.db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw new AppError('not-found', 'No such team in this organisation.');
  await assertTeamNameFree(ctx, name, teamId);
  await ctx.db
    .updateTable('teams')
    .set({ name })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', teamId)
    .execute();
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: 'team.renamed',
    entity: 'team',
    entityId: teamId,
    data: { from: team.name, to: name },
    at: ctx.now,
  });
  const members = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', ctx.orgId)
    .where('team_id', '=', teamId)
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return { id: teamId, name, members: Number(members.n) };
}
