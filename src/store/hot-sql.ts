/**
 * @module store/hot-sql
 * The write paths every request takes (open a case, record a decision, append to the timeline and
 * the audit chain) run a few fixed statements. Building them through the query builder on every call
 * cost more CPU than SQLite spent running them, so these are written once as SQL text (`?`
 * placeholders, the portable subset of SQL both engines share) and executed as compiled queries:
 * SQLite reuses the prepared statement (run on the connection directly inside a committer's
 * transaction), PostgreSQL gets `$n` placeholders.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { DialectName } from './dialect.ts';
import { directOf } from './group-commit.ts';
import type { Database } from './schema.ts';

export interface HotSql {
  readonly sqlite: string;
  readonly postgres: string;
}

/** `?` → `$1, $2…`, leaving quoted text alone. */
function numbered(text: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of text) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') out += `$${++n}`;
    else out += ch;
  }
  return out;
}

/**
 * A statement written once, run on either engine.
 * @example const HEAD = hotSql('select seq, hash from audit_log where org_id = ? order by seq desc limit 1');
 */
export function hotSql(text: string): HotSql {
  const sqlite = text.replace(/\s+/g, ' ').trim();
  return { sqlite, postgres: numbered(sqlite) };
}

/**
 * Runs a hot statement in `db` (the store or an open transaction) and returns its rows (those of
 * `returning` for writes).
 * @example const [head] = await runHot<{ seq: number; hash: string }>(trx, 'sqlite', HEAD, [orgId]);
 */
export async function runHot<R = Record<string, unknown>>(
  db: Kysely<Database>,
  dialect: DialectName,
  statement: HotSql,
  params: readonly unknown[],
): Promise<R[]> {
  if (dialect === 'sqlite') {
    const prepare = directOf(db);
    if (prepare !== undefined) {
      const st = prepare(statement.sqlite);
      if (st.reader) return st.all(params) as R[];
      st.run(params);
      return [];
    }
  }
  const text = dialect === 'postgres' ? statement.postgres : statement.sqlite;
  const result = await db.executeQuery<R>(CompiledQuery.raw(text, params as unknown[]));
  return result.rows as R[];
}

// Per column list (each caller's constant array), the statement for each row count.
const inserts = new WeakMap<readonly string[], Map<string, HotSql>>();

/**
 * Inserts rows naming each column once: the statement is built per table, columns and row count
 * the first time and reused after.
 * @example await insertRows(trx, 'sqlite', 'cases', CASE_COLUMNS, [row]);
 */
export async function insertRows<R>(
  db: Kysely<Database>,
  dialect: DialectName,
  table: string,
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
): Promise<void> {
  if (rows.length === 0) return;
  let byShape = inserts.get(columns);
  if (byShape === undefined) {
    byShape = new Map();
    inserts.set(columns, byShape);
  }
  const key = `${table} ${rows.length}`;
  let statement = byShape.get(key);
  if (statement === undefined) {
    const one = `(${columns.map(() => '?').join(', ')})`;
    statement = hotSql(
      `insert into ${table} (${columns.join(', ')}) values ${Array(rows.length).fill(one).join(', ')}`,
    );
    byShape.set(key, statement);
  }
  const params: unknown[] = [];
  for (const row of rows) for (const c of columns) params.push(row[c]);
  await runHot(db, dialect, statement, params);
}
