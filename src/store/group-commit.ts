/**
 * @module store/group-commit
 * Write transactions on SQLite, committed in groups. SQLite has one writer and every commit writes
 * its pages to the WAL; when requests arrive together, running their work back to back inside one
 * transaction (each in its own savepoint, so one failure undoes only its own writes) and committing
 * once costs one commit instead of many. Every caller's promise settles only after the commit, so
 * nothing is acknowledged before it is durable. PostgreSQL has real concurrent transactions: there
 * each call is its own transaction.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DialectName } from './dialect.ts';
import type { Database } from './schema.ts';

export type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  readonly work: Work<unknown>;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
}

type Settled =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

/** Most works in one group: bounds the latency a late arrival adds to the first. */
const MAX_GROUP = 64;

/**
 * @example const transact = groupCommitter(db, 'sqlite'); const row = await transact((trx) => insert(trx));
 */
export function groupCommitter(db: Kysely<Database>, dialect: DialectName): <T>(work: Work<T>) => Promise<T> {
  if (dialect === 'postgres') return (work) => db.transaction().execute(work);
  const queue: Pending[] = [];
  let draining = false;

  async function runGroup(group: readonly Pending[]): Promise<void> {
    if (group.length === 1) {
      const only = group[0]!;
      try {
        only.resolve(await db.transaction().execute(only.work));
      } catch (e) {
        only.reject(e);
      }
      return;
    }
    const settled: Settled[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const p of group) {
          await sql`savepoint grouped`.execute(trx);
          try {
            const value = await p.work(trx);
            await sql`release savepoint grouped`.execute(trx);
            settled.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint grouped`.execute(trx);
            await sql`release savepoint grouped`.execute(trx);
            settled.push({ ok: false, error });
          }
        }
      });
    } catch (e) {
      // The commit itself failed: nothing of the group is stored.
      for (const p of group) p.reject(e);
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
        await runGroup(queue.splice(0, MAX_GROUP));
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
