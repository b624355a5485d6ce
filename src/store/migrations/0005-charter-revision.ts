/**
 * @module store/migrations/0005-charter-revision
 * Every write to an organisation's policy versions bumps `orgs.charter_revision` (a trigger, so no
 * writer can forget it). Servers cache the charter in force per revision and day: one primary-key
 * read tells them whether any process published, drafted or retired a version since. Also indexes
 * cases by the hash of their portal link.
 */
import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  // The portal finds a case by the hash of its private link.
  await db.schema
    .createIndex('cases_by_portal_token')
    .on('cases')
    .columns(['org_id', 'portal_token_hash'])
    .execute();
  await db.schema
    .alterTable('orgs')
    .addColumn('charter_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  if (dialect === 'sqlite') {
    for (const event of ['insert', 'update', 'delete'] as const) {
      const row = event === 'delete' ? 'old' : 'new';
      await sql
        .raw(
          `create trigger policy_versions_${event}_revision after ${event} on policy_versions
           begin update orgs set charter_revision = charter_revision + 1 where org_id = ${row}.org_id; end`,
        )
        .execute(db);
    }
    return;
  }
  await sql`
    create function bump_charter_revision() returns trigger language plpgsql as $$
    begin
      update orgs set charter_revision = charter_revision + 1
        where org_id = coalesce(new.org_id, old.org_id);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger policy_versions_revision after insert or update or delete on policy_versions
    for each row execute function bump_charter_revision()`.execute(db);
}
