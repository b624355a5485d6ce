import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareOrg, freshStore } from '../../test/databases.ts';
import type { Store } from '../store/index.ts';
import { listCases, queuePageQuery } from './list-cases.ts';

describe('case search on PostgreSQL (migration 0008)', () => {
  let store: Store;
  let orgId: string;
  beforeAll(async () => {
    store = await freshStore('postgres');
    orgId = await bareOrg(store, 'search');
    // 50,000 cases about deliveries, and one about marmalade: enough that reading them all is dearer.
    await sql`
      insert into cases (org_id, id, number, kind, channel, priority, status, subject, policy_versions,
                         search_text, created_at, updated_at, version)
      select ${orgId}, 'c' || lpad(n::text, 6, '0'), n, 'question', 'email', 'normal', 'open',
             'Delivery ' || n, '{}', '#' || n || E'\\nwhere is my delivery ' || n, 0, 0, 1
      from generate_series(1, 50000) as n`.execute(store.db);
    await sql`
      update cases set search_text = search_text || E'\\ncan the marmalade armchair come on saturday?'
      where org_id = ${orgId} and number = 43210`.execute(store.db);
    await sql`analyze cases`.execute(store.db);
  });
  afterAll(() => store.close());

  it('answers a word from the trigram index instead of reading every case of the organisation', async () => {
    const query = queuePageQuery(store.db, orgId, { q: 'Marmalade' }, null, 50).compile();
    // With the search's own parameters, as the route runs it.
    const r = await store.db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
    );
    const plan = r.rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toContain('cases_search_trgm');
    expect(plan).not.toMatch(/Seq Scan on cases/);
    const page = await listCases(store.db, orgId, { q: 'Marmalade' }, null, 50);
    expect(page.cases.map((c) => c.number)).toEqual([43210]);
  });

  it('finds the same cases as the scan would: every word, anywhere in the text', async () => {
    const both = await listCases(store.db, orgId, { q: 'armchair saturday' }, null, 50);
    expect(both.cases.map((c) => c.number)).toEqual([43210]);
    expect((await listCases(store.db, orgId, { q: 'armchair sunday' }, null, 50)).cases).toEqual([]);
    // Part of a word still matches, as with the scan.
    expect((await listCases(store.db, orgId, { q: 'rmalad' }, null, 50)).cases).toHaveLength(1);
  });
});
