/**
 * @module decisions/context
 * Who is deciding, in which organisation, and when: services never read the clock themselves, and
 * every query they make is filtered by `orgId`.
 */

import type { Kysely } from 'kysely';
import { AppError } from '../server/errors.ts';
import type { DialectName } from '../store/dialect.ts';
import { hotSql, runHot } from '../store/hot-sql.ts';
import type { Database, OrgTable, Role } from '../store/schema.ts';

export interface DecisionContext {
  /** The store or an open transaction (a Transaction is a Kysely). */
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly orgId: string;
  readonly actorId: string;
  readonly role: Role;
  readonly now: number;
}

export interface Org extends Pick<OrgTable, 'org_id' | 'time_zone' | 'currency'> {
  /** Bumped by every write to the organisation's policy versions (see charterInForce). */
  readonly charter_revision: number;
}

// Both run on every decision: written once rather than built each time.
const ORG = hotSql('select org_id, time_zone, currency, charter_revision from orgs where org_id = ?');
const TEAM = hotSql(
  `select teams.name from users left join teams on teams.org_id = users.org_id and teams.id = users.team_id
   where users.org_id = ? and users.id = ?`,
);

/** The acting organisation's calendar, currency and charter revision. */
export async function orgOf(ctx: DecisionContext): Promise<Org> {
  const [org] = await runHot<Org>(ctx.db, ctx.dialect, ORG, [ctx.orgId]);
  if (!org) throw new AppError('not-found', 'No such organisation.');
  return org;
}

/** A staff member's team name (the charter's `Team` fact), or null. */
export async function teamOf(ctx: DecisionContext, userId: string): Promise<string | null> {
  const [row] = await runHot<{ name: string | null }>(ctx.db, ctx.dialect, TEAM, [ctx.orgId, userId]);
  return row?.name ?? null;
}
