import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bareOrg, ENGINES, freshStore } from '../../test/databases.ts';
import type { Store } from '../store/index.ts';
import { charterCacheStats, charterInForce, resetCharterCache, warmCharters } from './charter-in-force.ts';
import { importCharter } from './import-charter.ts';

const doc = (version: number, window: number) => `---
policy: returns
title: Returns
version: ${version}
effective: 2026-01-0${version}
audience: public
owner: Service
---
# Returns

## Decision: Window
Hit policy: FIRST

| Tier | → Days |
|---|---|
| - | ${window} |
`;

describe.each(ENGINES)('the charter in force on %s', (engine) => {
  const stores: Store[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close();
  });
  afterEach(() => resetCharterCache());

  /** An organisation with a one-policy charter, last active (audited) at `at`. */
  const orgActiveAt = async (store: Store, slug: string, at: number) => {
    const orgId = await bareOrg(store, slug, at);
    await store.db
      .transaction()
      .execute((trx) =>
        importCharter(trx, store.dialect, orgId, [{ file: 'r1.md', text: doc(1, 14) }], null, at),
      );
    return orgId;
  };

  it('evicts the least recently used charter when more organisations are active than it holds', async () => {
    const store = await freshStore(engine);
    stores.push(store);
    const [a, b, c] = [
      await orgActiveAt(store, 'lru-a', 1),
      await orgActiveAt(store, 'lru-b', 1),
      await orgActiveAt(store, 'lru-c', 1),
    ];
    resetCharterCache(2);
    const day = '2026-06-01';
    await charterInForce(store.db, a, day);
    await charterInForce(store.db, b, day);
    expect(charterCacheStats()).toEqual({ capacity: 2, cached: 2, compiled: 2 });
    await charterInForce(store.db, a, day); // a is now the most recently used
    await charterInForce(store.db, c, day); // so b goes
    expect(charterCacheStats().compiled).toBe(3);
    await charterInForce(store.db, a, day);
    await charterInForce(store.db, c, day);
    expect(charterCacheStats().compiled).toBe(3);
    await charterInForce(store.db, b, day);
    expect(charterCacheStats()).toEqual({ capacity: 2, cached: 2, compiled: 4 });
  });

  it('warms the most recently active organisations at start, as many as it holds', async () => {
    const store = await freshStore(engine);
    stores.push(store);
    const now = Date.parse('2026-06-01T12:00:00Z');
    const quiet = await orgActiveAt(store, 'warm-quiet', now - 3_000);
    const busy = await orgActiveAt(store, 'warm-busy', now - 1_000);
    const recent = await orgActiveAt(store, 'warm-recent', now - 2_000);
    resetCharterCache(2);
    expect(await warmCharters(store.db, now)).toBe(2);
    expect(charterCacheStats().compiled).toBe(2);
    await charterInForce(store.db, busy, '2026-06-01');
    await charterInForce(store.db, recent, '2026-06-01');
    expect(charterCacheStats().compiled).toBe(2);
    await charterInForce(store.db, quiet, '2026-06-01');
    expect(charterCacheStats().compiled).toBe(3);
  });

  it('is cached per revision and day, and a version written by anyone changes the revision', async () => {
    const store = await freshStore(engine);
    stores.push(store);
    const orgId = await orgActiveAt(store, 'acme', 0);
    const revision = async () =>
      (
        await store.db
          .selectFrom('orgs')
          .select('charter_revision')
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).charter_revision;
    const r1 = await revision();
    const first = await charterInForce(store.db, orgId, '2026-06-01');
    expect(first.versions).toEqual({ returns: 1 });
    expect(first.charter.evaluate('Window', {}).value).toBe(14);
    // Nothing written: the same object comes back from the cache.
    expect(await charterInForce(store.db, orgId, '2026-06-01')).toBe(first);

    await store.db
      .transaction()
      .execute((trx) =>
        importCharter(trx, store.dialect, orgId, [{ file: 'r2.md', text: doc(2, 30) }], null, 0),
      );
    expect(await revision()).toBeGreaterThan(r1);
    const second = await charterInForce(store.db, orgId, '2026-06-01');
    expect(second.versions).toEqual({ returns: 2 });
    expect(second.charter.evaluate('Window', {}).value).toBe(30);
    // A day before version 2 took effect, version 1 is still the one in force.
    expect((await charterInForce(store.db, orgId, '2026-01-01')).versions).toEqual({ returns: 1 });
  });
});
