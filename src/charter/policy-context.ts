/**
 * @module charter/policy-context
 * What every policy-version operation works with, and small helpers they share: the organisation's
 * local date, a version row by policy id and number, and the actor of a change.
 */
import type { Kysely, Transaction } from 'kysely';
import { localDate } from '../hours/index.ts';
import { AppError } from '../server/errors.ts';
import type { DialectName } from '../store/dialect.ts';
import type { Database, PolicyVersionTable } from '../store/schema.ts';

/** The signed-in staff member acting on policies. */
export interface PolicyActor {
  readonly orgId: string;
  readonly userId: string;
}

/** A change to policy versions: one transaction, one instant, one actor. */
export interface PolicyChangeContext {
  readonly trx: Transaction<Database>;
  readonly dialect: DialectName;
  /** Epoch ms of the change. */
  readonly now: number;
  readonly actor: PolicyActor;
}

/**
 * The organisation's local date today (`YYYY-MM-DD`, its time zone).
 * @throws AppError `not-found` for an unknown organisation.
 */
export async function orgToday(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  now: number,
): Promise<string> {
  const org = await db
    .selectFrom('orgs')
    .select(['time_zone'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw new AppError('not-found', 'No such organisation.');
  return localDate(now, org.time_zone);
}

/**
 * One version of a policy.
 * @throws AppError `not-found` when the organisation has no such version.
 */
export async function versionRow(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  policyId: string,
  version: number,
): Promise<PolicyVersionTable> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('policy_id', '=', policyId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `No version ${version} of policy ${policyId}.`);
  return row;
}
