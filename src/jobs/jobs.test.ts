import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshStore } from '../../test/databases.ts';
import type { Store } from '../store/index.ts';
import { enqueueJob, runDueJobs } from './index.ts';

describe.each(ENGINES)('jobs on %s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(engine);
    await store.db
      .insertInto('orgs')
      .values({
        org_id: 'o',
        slug: 'o',
        name: 'o',
        time_zone: 'UTC',
        currency: 'GBP',
        created_at: 0,
        next_case_number: 1,
      })
      .execute();
  });
  afterAll(() => store.close());

  it('runs each due job once across competing workers, and not before it is due', async () => {
    for (let i = 0; i < 40; i++)
      await enqueueJob(store.db, store.dialect, {
        orgId: 'o',
        kind: 'count',
        dueAt: 1000 + i,
        payload: { i },
      });
    await enqueueJob(store.db, store.dialect, {
      orgId: 'o',
      kind: 'count',
      dueAt: 99_999,
      payload: { i: 'later' },
    });
    const seen: unknown[] = [];
    const handlers = {
      count: async (_trx: unknown, job: { payload: string }) => {
        seen.push(JSON.parse(job.payload));
        return null;
      },
    };
    const reports = await Promise.all(
      ['w1', 'w2', 'w3'].map((owner) => runDueJobs(store, handlers, { owner, now: 5000, limit: 20 })),
    );
    const again = await runDueJobs(store, handlers, { owner: 'w4', now: 5000 });
    expect(reports.reduce((n, r) => n + r.done, 0) + again.done).toBe(40);
    expect(seen).toHaveLength(40);
    expect(new Set(seen.map((s) => JSON.stringify(s))).size).toBe(40);
  });

  it('enqueueing with the same key twice makes one job', async () => {
    await enqueueJob(store.db, store.dialect, { orgId: 'o', kind: 'k', dueAt: 1e9, payload: 1, key: 'same' });
    await enqueueJob(store.db, store.dialect, { orgId: 'o', kind: 'k', dueAt: 1e9, payload: 2, key: 'same' });
    const rows = await store.db.selectFrom('jobs').selectAll().where('kind', '=', 'k').execute();
    expect(rows).toHaveLength(1);
  });

  it('rolls back a handler whose lease was taken over', async () => {
    await enqueueJob(store.db, store.dialect, {
      orgId: 'o',
      kind: 'slow',
      dueAt: 1,
      payload: null,
      key: 'slow',
    });
    const report = await runDueJobs(
      store,
      {
        slow: async (trx) => {
          // Simulate the lease expiring and another worker claiming the job meanwhile.
          await trx.updateTable('jobs').set({ lease_owner: 'other' }).where('kind', '=', 'slow').execute();
          return null;
        },
      },
      { owner: 'me', now: 10 },
    );
    expect(report).toMatchObject({ claimed: 1, done: 0, lost: 1 });
    const row = await store.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'slow')
      .executeTakeFirstOrThrow();
    expect(row.done_at).toBeNull();
  });
});
