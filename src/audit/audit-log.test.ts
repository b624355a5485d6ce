import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshStore } from '../../test/databases.ts';
import type { Store } from '../store/index.ts';
import { appendAudit, verifyAudit } from './index.ts';

describe.each(ENGINES)('audit chain on %s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(engine);
    for (const org of ['a', 'b'])
      await store.db
        .insertInto('orgs')
        .values({
          org_id: org,
          slug: org,
          name: org,
          time_zone: 'UTC',
          currency: 'GBP',
          created_at: 0,
          next_case_number: 1,
        })
        .execute();
  });
  afterAll(() => store.close());

  const append = (orgId: string, i: number) =>
    store.db.transaction().execute((trx) =>
      appendAudit(trx, store.dialect, {
        orgId,
        actorType: 'user',
        actorId: 'u1',
        action: 'case.created',
        entity: 'case',
        entityId: `c${i}`,
        data: { i, note: 'ünïcødé ✓' },
        at: 1_700_000_000_000 + i,
      }),
    );

  it('chains entries per organisation and verifies', async () => {
    for (let i = 1; i <= 25; i++) await append('a', i);
    await append('b', 1);
    const a = await verifyAudit(store.db, 'a', 7);
    expect(a).toMatchObject({ ok: true, entries: 25 });
    expect(await verifyAudit(store.db, 'b')).toMatchObject({ ok: true, entries: 1 });
  });

  it('keeps the chain whole under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => append('b', 100 + i)));
    expect(await verifyAudit(store.db, 'b')).toMatchObject({ ok: true, entries: 21 });
  });

  it('keeps the chain whole when writes through the committer mix with others and some roll back', async () => {
    const via = (i: number, fail = false) =>
      store.transact(async (trx) => {
        await appendAudit(trx, store.dialect, {
          orgId: 'b',
          actorType: 'system',
          actorId: null,
          action: 'test.appended',
          entity: 'test',
          entityId: `t${i}`,
          data: { i },
          at: 1_700_000_100_000 + i,
        });
        if (fail) throw new Error('undo this one');
        return i;
      });
    await via(1);
    await append('b', 201); // a transaction the committer did not open: its remembered head is now stale
    await via(2);
    // Concurrent works share a group; the failing one's entry is rolled back with its savepoint.
    const results = await Promise.allSettled([via(3), via(4, true), via(5), append('b', 202), via(6)]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    await via(7);
    const r = await verifyAudit(store.db, 'b');
    expect(r).toMatchObject({ ok: true, entries: 21 + 8 });
  });

  it('names the first entry whose contents were changed', async () => {
    await sql`update audit_log set data = ${'{"i":999}'} where org_id = 'a' and seq = 12`.execute(store.db);
    const r = await verifyAudit(store.db, 'a');
    expect(r).toMatchObject({
      ok: false,
      entries: 11,
      brokenAt: { seq: 12, reason: 'contents do not match the hash' },
    });
  });

  it('names a deleted entry', async () => {
    await sql`delete from audit_log where org_id = 'b' and seq = 5`.execute(store.db);
    const r = await verifyAudit(store.db, 'b');
    expect(r).toMatchObject({ ok: false, brokenAt: { seq: 6, reason: 'missing entry 5' } });
  });
});
