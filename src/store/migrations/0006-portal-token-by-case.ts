/**
 * @module store/migrations/0006-portal-token-by-case
 * Private links now carry their case's id, so the portal finds the case by its key and checks the
 * hash of the link on the row. The index on the hash goes: its keys are random, so every new case
 * wrote it on a page of its own. Links of the older form are still found, by scanning the
 * organisation's cases for the hash.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('cases_by_portal_token').ifExists().execute();
}
