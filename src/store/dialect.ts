/**
 * @module store/dialect
 * Every difference between SQLite and PostgreSQL lives here: column types for instants, JSON
 * encoding, text search, and how a write transaction takes its lock.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** Column type for epoch-millisecond instants and money in minor units (64-bit in PostgreSQL). */
export function bigintType(dialect: DialectName): 'bigint' | 'integer' {
  return dialect === 'postgres' ? 'bigint' : 'integer';
}

/**
 * Whether a database error is a unique-key violation (a concurrent writer took the same key), on
 * either engine.
 * @example if (isUniqueViolation(e)) throw new AppError('conflict', '…')
 */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || !('code' in e)) return false;
  const code = (e as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** JSON is stored as text in both engines: what goes in comes out byte for byte (hash-stable). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJsonText<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

/** The values a freshly made row's JSON columns were written from (see `jsonText`). */
const written = new WeakMap<object, Map<string, unknown>>();

/**
 * The JSON text for `row[column]`, remembering `value` for `jsonValue`: a row made in this
 * request and then shown or read again needs no parse of what was just serialised. Rows are not
 * changed after they are made, so what is remembered stays what is stored.
 * @example const row = { data: '' }; row.data = jsonText(row, 'data', { created: true });
 */
export function jsonText(row: object, column: string, value: unknown): string {
  let values = written.get(row);
  if (values === undefined) {
    values = new Map();
    written.set(row, values);
  }
  values.set(column, value ?? null);
  return toJsonText(value);
}

/**
 * The value of a JSON column: the one it was written from when `row` was made here, else parsed.
 * @example jsonValue(entry, 'data', entry.data, {})
 */
export function jsonValue<T>(row: object, column: string, text: string | null | undefined, fallback: T): T {
  const values = written.get(row);
  if (values?.has(column)) return values.get(column) as T;
  return fromJsonText(text, fallback);
}

/**
 * The words of a search, lower-cased, with LIKE's wildcards escaped (at most 8).
 * @example searchTerms('Late  SOFA') // ['late', 'sofa']
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
 * What the desk's searches read, exactly as written here: on PostgreSQL, migration 0008's trigram
 * indexes are built on these same expressions, so a search is answered from an index; SQLite scans
 * the organisation's rows (measured cheaper than keeping an FTS5 table in step: see the migration).
 * Every searched text is stored or compared lower-cased.
 */
export const SEARCHED = {
  cases: [sql`search_text`],
  customers: [sql`lower(name)`, sql`coalesce(email, '')`],
} as const;

/**
 * A case-insensitive "contains every word" filter: each word of `query` must appear, part-words
 * included, in at least one of `texts`. The same SQL on both engines (LIKE). Null for no words.
 * @example const match = containsEveryWord(SEARCHED.customers, 'ada'); if (match) q = q.where(match);
 */
export function containsEveryWord(
  texts: readonly RawBuilder<unknown>[],
  query: string,
): RawBuilder<boolean> | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  // `escape` makes the backslashes of searchTerms literal.
  const word = (term: string) =>
    sql<boolean>`(${sql.join(
      texts.map((t) => sql`${t} like ${`%${term}%`} escape '\\'`),
      sql` or `,
    )})`;
  return sql<boolean>`(${sql.join(terms.map(word), sql` and `)})`;
}

/**
 * Serialises writers of one organisation's audit chain. PostgreSQL: a row lock on the org;
 * SQLite: writes are already serialised by the database lock.
 *
 * `for no key update`, not `for update`: every row inserted with a foreign key to the org (a
 * session, a token, a customer) takes a key-share lock on it, which `for update` waits for. Two
 * sign-ins at once each held a key-share lock from their session row and each waited for the
 * other's to take `for update`: a deadlock, answered with a 500. `for no key update` still excludes
 * itself (and `update orgs …`), so appends stay serialised.
 */
export async function lockOrg(db: Kysely<Database>, dialect: DialectName, orgId: string): Promise<void> {
  if (dialect === 'postgres')
    await sql`select 1 from orgs where org_id = ${orgId} for no key update`.execute(db);
}
