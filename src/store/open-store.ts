/**
 * @module store/open-store
 * Opens the database: embedded SQLite (WAL, foreign keys on) by default, PostgreSQL when a URL is
 * given, and runs the versioned migrations (Kysely's migrator, which locks so that several server
 * processes starting together migrate once).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type Migration,
  Migrator,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
} from 'kysely';
import pg from 'pg';
import { startCheckpointer } from './checkpointer.ts';
import type { DialectName } from './dialect.ts';
import { groupCommitter, type PrepareDirect, type Work } from './group-commit.ts';
import * as initial from './migrations/0001-initial.ts';
import * as customerRefs from './migrations/0002-customer-refs.ts';
import * as decisionAuthority from './migrations/0004-decision-authority.ts';
import * as charterRevision from './migrations/0005-charter-revision.ts';
import * as portalTokenByCase from './migrations/0006-portal-token-by-case.ts';
import * as decisionGrants from './migrations/0007-decision-grants.ts';
import * as searchIndexes from './migrations/0008-search-indexes.ts';
import type { Database } from './schema.ts';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /**
   * Runs `work` in a write transaction. On SQLite, works that arrive together share one commit
   * (each in its own savepoint); the promise settles after the commit. Use it for request writes.
   */
  transact<T>(work: Work<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; when absent, SQLite in `dataDir`. */
  readonly databaseUrl?: string | undefined;
  /** Folder for the SQLite file (default `./data`). */
  readonly dataDir?: string | undefined;
  /** SQLite file name inside `dataDir`, or `:memory:`. */
  readonly filename?: string | undefined;
  readonly poolSize?: number;
  /** SQLite: WAL size, in pages, at which writes pause for a checkpoint to catch up (tests shrink it). */
  readonly walRestartPages?: number | undefined;
}

// pg returns 64-bit integers as strings; our bigints are epoch ms and minor units, safe as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-initial': { up: (db) => initial.up(db, dialect) },
    '0002-customer-refs': { up: (db) => customerRefs.up(db, dialect) },
    '0004-decision-authority': { up: (db) => decisionAuthority.up(db, dialect) },
    '0005-charter-revision': { up: (db) => charterRevision.up(db, dialect) },
    '0006-portal-token-by-case': { up: (db) => portalTokenByCase.up(db) },
    '0007-decision-grants': { up: (db) => decisionGrants.up(db) },
    '0008-search-indexes': { up: (db) => searchIndexes.up(db, dialect) },
  };
}

/**
 * Kysely prepares every query afresh; preparing costs more than running most of ours. Queries are
 * built from a fixed set of shapes, so the distinct SQL texts are few: keep their prepared
 * statements (bounded, in case a caller builds unbounded shapes such as long IN lists).
 */
function withStatementCache(
  database: SQLite.Database,
  max = 1000,
): SqliteDatabase & { prepare(sql: string): SQLite.Statement } {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let st = statements.get(sql);
      if (!st) {
        if (statements.size >= max) statements.clear();
        st = database.prepare(sql);
        statements.set(sql, st);
      }
      return st;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}

/**
 * Opens (and migrates) the store.
 * @example const store = await openStore({ dataDir: './data' });
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  let db: Kysely<Database>;
  let dialect: DialectName;
  let stopCheckpointer = async () => {};
  let prepare: PrepareDirect | undefined;
  let beforeGroup: (() => Promise<unknown> | undefined) | undefined;
  if (options.databaseUrl) {
    dialect = 'postgres';
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    dialect = 'sqlite';
    const filename = options.filename ?? 'charter.db';
    let path = filename;
    if (filename !== ':memory:') {
      const dir = options.dataDir ?? './data';
      mkdirSync(dir, { recursive: true });
      path = join(dir, filename);
    }
    const database = new SQLite(path);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // Every grouped write runs in a savepoint, whose undo journal SQLite keeps in a temporary file
    // once it outgrows a small buffer: in memory it costs no system calls (measured: a third of the
    // time of each insert, and most of the system time of a request).
    database.pragma('temp_store = MEMORY');
    // NORMAL in WAL mode survives a process crash (kill -9) with every committed write; FULL also
    // survives power loss at the cost of an fsync per commit.
    database.pragma(`synchronous = ${process.env.CHARTER_SQLITE_SYNC === 'FULL' ? 'FULL' : 'NORMAL'}`);
    if (filename !== ':memory:') {
      // Only a fallback should the checkpointer stop: it keeps the WAL far below this.
      database.pragma('wal_autocheckpoint = 20000');
      const checkpointer = startCheckpointer(path, { restartPages: options.walRestartPages });
      stopCheckpointer = checkpointer.stop;
      beforeGroup = () => (checkpointer.behind ? checkpointer.catchUp() : undefined);
    }
    const cached = withStatementCache(database);
    prepare = (sql) => cached.prepare(sql);
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrationsFor(dialect) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await stopCheckpointer();
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    db,
    dialect,
    transact: groupCommitter(db, dialect, { prepare, beforeGroup }),
    close: async () => {
      await stopCheckpointer();
      await db.destroy();
    },
  };
}
