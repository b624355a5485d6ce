/**
 * @module store/migrations/0004-decision-authority
 * Decisions keep their authority check (which rule of `Grant authority` applied, with its inputs and
 * policy version) and the names of the facts the caller supplied, so both can be explained and
 * replayed later without re-reading a charter that may have changed.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('decisions').addColumn('authority', 'text').execute();
  await db.schema
    .alterTable('decisions')
    .addColumn('supplied_facts', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createIndex('approvals_by_decision')
    .on('approvals')
    .columns(['org_id', 'decision_id'])
    .execute();
}
