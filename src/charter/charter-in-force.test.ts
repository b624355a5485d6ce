import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES, freshStore } from '../../test/databases.ts';
import { createOrg } from '../orgs/index.ts';
import type { Store } from '../store/index.ts';
import { charterInForce } from './charter-in-force.ts';
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

  it('is cached per revision and day, and a version written by anyone changes the revision', async () => {
    const store = await freshStore(engine);
    stores.push(store);
    const { orgId } = await createOrg(store, 0, {
      slug: 'acme',
      name: 'Acme',
      timeZone: 'Europe/London',
      currency: 'GBP',
      teams: [],
      users: [],
    });
    await store.db
      .transaction()
      .execute((trx) =>
        importCharter(trx, store.dialect, orgId, [{ file: 'r1.md', text: doc(1, 14) }], null, 0),
      );
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
