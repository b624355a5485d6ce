import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directOf } from './group-commit.ts';
import { hotSql, openStore, runHot, type Store } from './index.ts';

describe('group commit on SQLite', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'charter-group-')) });
  });
  afterAll(async () => {
    await store?.close();
  });

  const insert = (key: string) =>
    store.transact(async (trx) => {
      await trx
        .insertInto('login_attempts')
        .values({ org_id: 'o', key, window_start: 1, count: 1 })
        .execute();
      return key;
    });
  const keys = async () =>
    (await store.db.selectFrom('login_attempts').select('key').orderBy('key').execute()).map((r) => r.key);

  it('commits works that arrive together, and undoes only the one that fails', async () => {
    const failing = store.transact(async (trx) => {
      await trx
        .insertInto('login_attempts')
        .values({ org_id: 'o', key: 'half', window_start: 1, count: 1 })
        .execute();
      throw new Error('fails after writing');
    });
    const results = await Promise.allSettled([insert('a'), failing, insert('b'), insert('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await keys()).toEqual(['a', 'b', 'c']);
  });

  it('lets a later work in the group see an earlier one, and rejects a duplicate without losing the rest', async () => {
    const results = await Promise.allSettled([insert('d'), insert('d'), insert('e')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await keys()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('settles a work only once it is committed: a reader afterwards sees it', async () => {
    const all = await Promise.all(
      Array.from({ length: 200 }, (_, i) => insert(`k${String(i).padStart(3, '0')}`)),
    );
    expect(all).toHaveLength(200);
    expect((await keys()).filter((k) => k.startsWith('k'))).toHaveLength(200);
  });

  it('runs hot statements on the connection itself only inside a work, where they share its savepoint', async () => {
    const INSERT = hotSql(
      'insert into login_attempts (org_id, key, window_start, count) values (?, ?, 1, 1)',
    );
    expect(directOf(store.db)).toBeUndefined();
    const direct: boolean[] = [];
    const hot = (key: string, fail: boolean) =>
      store.transact(async (trx) => {
        direct.push(directOf(trx) !== undefined);
        await runHot(trx, 'sqlite', INSERT, ['o', key]);
        if (fail) throw new Error('fails after a hot write');
      });
    const results = await Promise.allSettled([hot('hot1', false), hot('hot2', true), hot('hot3', false)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(direct).toEqual([true, true, true]);
    expect((await keys()).filter((k) => k.startsWith('hot'))).toEqual(['hot1', 'hot3']);
    // Outside a work the statement goes through the builder, which waits for the connection.
    await runHot(store.db, 'sqlite', INSERT, ['o', 'hot4']);
    expect((await keys()).filter((k) => k.startsWith('hot'))).toEqual(['hot1', 'hot3', 'hot4']);
  });

  it('commits a backlog of slow works in several groups, so the first are answered before the last start', async () => {
    const started: number[] = [];
    const answered: number[] = [];
    const slow = (i: number) =>
      store
        .transact(async (trx) => {
          started[i] = performance.now();
          const until = started[i] + 3;
          while (performance.now() < until); // holds the event loop, as a long write does
          await trx
            .insertInto('login_attempts')
            .values({ org_id: 'o', key: `slow${i}`, window_start: 1, count: 1 })
            .execute();
        })
        .then(() => {
          answered[i] = performance.now();
        });
    await Promise.all(Array.from({ length: 8 }, (_, i) => slow(i)));
    expect(answered[0]).toBeLessThan(started[7]!);
    expect((await keys()).filter((k) => k.startsWith('slow'))).toHaveLength(8);
  });
});

describe('group commit after the store closes', () => {
  it('rejects waiting works instead of retrying them', async () => {
    const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'charter-group-closed-')) });
    await store.close();
    const works = Array.from({ length: 3 }, () => store.transact(async () => 'never'));
    const results = await Promise.allSettled(works);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });
});
