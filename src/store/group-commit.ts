/**
 * @module store/group-commit
 * Write transactions on SQLite, committed in groups. SQLite has one writer and every commit writes
 * its pages to the WAL; when requests arrive together, running their work back to back inside one
 * transaction (each in its own savepoint, so one failure undoes only its own writes) and committing
 * once costs one commit instead of many. Every caller's promise settles only after the commit, so
 * nothing is acknowledged before it is durable. PostgreSQL has real concurrent transactions: there
 * each call is its own transaction.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from './dialect.ts';
import type { Database } from './schema.ts';

export type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  readonly work: Work<unknown>;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Memory for values that only writes change and that a transaction would otherwise read back on
 * every write (the head of an organisation's audit chain). It belongs to one committer and is handed
 * to the transactions it opens; any rollback forgets all of it, so it never outlives what it
 * describes. Holders must still detect staleness from writes made elsewhere (another process, or a
 * transaction opened without the committer): the audit chain does so by its primary key.
 */
export type WriteMemo = Map<string, unknown>;

/** The part of better-sqlite3's statement this module's callers use. */
export interface DirectStatement {
  readonly reader: boolean;
  all(params: readonly unknown[]): unknown[];
  run(params: readonly unknown[]): unknown;
}
/** Prepares (or finds prepared) a statement on the one SQLite connection. */
export type PrepareDirect = (sql: string) => DirectStatement;

interface Held {
  readonly memo: WriteMemo;
  readonly prepare: PrepareDirect | undefined;
}
const held = new WeakMap<object, Held>();

/** The committer's memo when `trx` was opened by one (SQLite), else undefined. */
export function writeMemoOf(trx: object): WriteMemo | undefined {
  return held.get(trx)?.memo;
}

/**
 * The SQLite connection itself when `trx` is a committer's transaction whose work is running: the
 * transaction holds the only connection, so a statement run on it directly is inside that
 * transaction (and skips the query builder's layers of promises). Undefined anywhere else, where a
 * statement must go through the builder to wait its turn for the connection.
 */
export function directOf(trx: object): PrepareDirect | undefined {
  return held.get(trx)?.prepare;
}

const SAVEPOINT = CompiledQuery.raw('savepoint grouped');
const RELEASE = CompiledQuery.raw('release savepoint grouped');
const ROLLBACK = CompiledQuery.raw('rollback to savepoint grouped');

async function execute(trx: Transaction<Database>, query: CompiledQuery): Promise<void> {
  const prepare = directOf(trx);
  if (prepare) prepare(query.sql).run([]);
  else await trx.executeQuery(query);
}

type Settled =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

/** Most works in one group. */
const MAX_GROUP = 64;
/**
 * A group stops taking works once it has run this long. Works run back to back without yielding to
 * the event loop, so a long group would hold up every other request (and its own first member's
 * answer): under a backlog, groups of ~10 ms each keep the wait bounded while still sharing commits.
 */
const GROUP_BUDGET_MS = 4;

export interface CommitterOptions {
  /** The SQLite connection's own prepare, for statements run directly inside a group. */
  readonly prepare?: PrepareDirect | undefined;
  /**
   * Asked before each group; a promise it returns holds that group (and every later one) back until
   * it settles, with no write in progress meanwhile. The checkpointer uses it to let the WAL restart.
   */
  readonly beforeGroup?: (() => Promise<unknown> | undefined) | undefined;
}

/**
 * @example const transact = groupCommitter(db, 'sqlite'); const row = await transact((trx) => insert(trx));
 */
export function groupCommitter(
  db: Kysely<Database>,
  dialect: DialectName,
  { prepare, beforeGroup }: CommitterOptions = {},
): <T>(work: Work<T>) => Promise<T> {
  if (dialect === 'postgres') return (work) => db.transaction().execute(work);
  const queue: Pending[] = [];
  let draining = false;
  const memo: WriteMemo = new Map();
  const holding: Held = { memo, prepare };

  async function runAlone(only: Pending): Promise<void> {
    try {
      only.resolve(
        await db.transaction().execute((trx) => {
          held.set(trx, holding);
          return only.work(trx);
        }),
      );
    } catch (e) {
      memo.clear();
      only.reject(e);
    }
  }

  /** Runs the works at the head of the queue in one transaction, within the group's budget. */
  async function runGroup(): Promise<void> {
    if (queue.length === 1) return runAlone(queue.shift()!);
    const group: Pending[] = [];
    const settled: Settled[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        held.set(trx, holding);
        const started = performance.now();
        while (
          queue.length > 0 &&
          group.length < MAX_GROUP &&
          (group.length === 0 || performance.now() - started < GROUP_BUDGET_MS)
        ) {
          const p = queue.shift()!;
          group.push(p);
          await execute(trx, SAVEPOINT);
          try {
            const value = await p.work(trx);
            await execute(trx, RELEASE);
            settled.push({ ok: true, value });
          } catch (error) {
            memo.clear();
            await execute(trx, ROLLBACK);
            await execute(trx, RELEASE);
            settled.push({ ok: false, error });
          }
        }
      });
    } catch (e) {
      // The commit itself failed: nothing of the group is stored.
      memo.clear();
      for (const p of group) p.reject(e);
      // The transaction could not even begin (the store is closed): every waiting work would fail
      // the same way, and leaving them queued would retry forever.
      if (group.length === 0) for (const p of queue.splice(0)) p.reject(e);
      return;
    }
    group.forEach((p, i) => {
      const s = settled[i]!;
      if (s.ok) p.resolve(s.value);
      else p.reject(s.error);
    });
  }

  // Waiting one turn of the event loop before each group lets requests that are between their
  // reads (which queue behind the open transaction on SQLite's one connection) join the group.
  const turn = () => new Promise<void>((r) => setImmediate(r));

  async function drain(): Promise<void> {
    draining = true;
    try {
      await turn();
      while (queue.length > 0) {
        const hold = beforeGroup?.();
        if (hold) await hold;
        await runGroup();
        await turn();
      }
    } finally {
      draining = false;
    }
  }

  return <T>(work: Work<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work: work as Work<unknown>, resolve: resolve as (v: unknown) => void, reject });
      if (!draining) void drain();
    });
}
