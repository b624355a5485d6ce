/**
 * @module store/migrations/0008-search-indexes
 * On PostgreSQL, the cases' search text and the customers' names and emails get trigram indexes
 * (pg_trgm), so the "contains every word" searches (`LIKE '%word%'`, store/dialect `SEARCHED`) of
 * the queue and the customer list are answered from an index instead of reading every case or
 * customer of the organisation. Same queries, same matches: only words of three characters or more
 * use them.
 *
 * SQLite keeps the scan. An FTS5 trigram table kept by trigger made each case insert ~4× dearer
 * (15–18 µs → 80 µs, and its commit ~8 → ~22 µs per case; 40,000 inserts in groups of 28), while the
 * scan reads 40,000 cases in 13–17 ms.
 *
 * pg_trgm ships with the server and is a trusted extension (PostgreSQL 13+); where it cannot be
 * created (no privilege, stripped-down builds) the migration leaves search a scan rather than
 * refusing to start.
 */
import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  // An exception block is a subtransaction: a refusal here does not abort the migration's transaction.
  await sql`
    do $$ begin
      create extension if not exists pg_trgm;
    exception when others then
      raise notice 'pg_trgm is not available (%): case search stays a scan', sqlerrm;
    end $$`.execute(db);
  await sql`
    do $$ begin
      if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists cases_search_trgm on cases using gin (search_text gin_trgm_ops);
        -- The expressions the customer list's search compares (customers/list-customers).
        create index if not exists customers_name_trgm on customers using gin (lower(name) gin_trgm_ops);
        create index if not exists customers_email_trgm on customers
          using gin (coalesce(email, '') gin_trgm_ops);
      end if;
    end $$`.execute(db);
}
