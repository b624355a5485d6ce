/**
 * @module store/dialect
 * Every difference between SQLite and PostgreSQL lives here: column types for instants, JSON
 * encoding, text search, and how a write transaction takes its lock.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** Column type for epoch-millisecond instants and money in minor units (64-bit in PostgreSQL). */
export function bigintType(dialect: DialectName): 'bigint' | 'integer' {
  return dialect === 'postgres' ? 'bigint' : 'integer';
}

/** JSON is stored as text in both engines: what goes in comes out byte for byte (hash-stable). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJsonText<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

/**
 * A case-insensitive "contains every word" filter over `search_text`. Portable by design (LIKE on a
 * lower-cased column); the search text is built at write time from subject, customer and messages.
 */
export function searchTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[%_\\]/g, (c) => `\\${c}`))
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * Serialises writers of one organisation's audit chain. PostgreSQL: a row lock on the org;
 * SQLite: writes are already serialised by the database lock.
 */
export async function lockOrg(db: Kysely<Database>, dialect: DialectName, orgId: string): Promise<void> {
  if (dialect === 'postgres') await sql`select 1 from orgs where org_id = ${orgId} for update`.execute(db);
}
