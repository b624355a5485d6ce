/**
 * @module decisions/context
 * Who is deciding, in which organisation, and when: services never read the clock themselves, and
 * every query they make is filtered by `orgId`.
 */

import type { Kysely } from 'kysely';
import type { DialectName } from '../store/dialect.ts';
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

export type Org = Pick<OrgTable, 'org_id' | 'time_zone' | 'currency'>;

/** The acting organisation's calendar and currency. */
export async function orgOf(ctx: DecisionContext): Promise<Org> {
  return ctx.db
    .selectFrom('orgs')
    .select(['org_id', 'time_zone', 'currency'])
    .where('org_id', '=', ctx.orgId)
    .executeTakeFirstOrThrow();
}

/** A staff member's team name (the charter's `Team` fact), or null. */
export async function teamOf(ctx: DecisionContext, userId: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('users')
    .leftJoin('teams', (j) =>
      j.onRef('teams.org_id', '=', 'users.org_id').onRef('teams.id', '=', 'users.team_id'),
    )
    .select('teams.name')
    .where('users.org_id', '=', ctx.orgId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row?.name ?? null;
}
