import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareOrg, freshStore } from '../../test/databases.ts';
import type { Store } from '../store/index.ts';
import { customerPageQuery, listCustomers } from './list-customers.ts';

describe('customer search on PostgreSQL (migration 0008)', () => {
  let store: Store;
  let orgId: string;
  beforeAll(async () => {
    store = await freshStore('postgres');
    orgId = await bareOrg(store, 'people');
    // 50,000 customers, one of them Ines Marlow: enough that reading them all is dearer.
    await sql`
      insert into customers (org_id, id, name, email, tier, consent, created_at, updated_at, version)
      select ${orgId}, 'p' || lpad(n::text, 6, '0'),
             case when n = 31337 then 'Ines Marlow' else 'Customer ' || n end,
             case when n = 31337 then 'ines.m@example.com' when n % 3 = 0 then null
                  else 'customer' || n || '@example.com' end,
             'standard', '{}', 0, 0, 1
      from generate_series(1, 50000) as n`.execute(store.db);
    await sql`analyze customers`.execute(store.db);
  });
  afterAll(() => store.close());

  const plan = async (q: string) => {
    const query = customerPageQuery(store.db, orgId, { q, limit: 50 }).compile();
    const r = await store.db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
    );
    return r.rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  it('answers a name or an email from the trigram indexes instead of reading every customer', async () => {
    const p = await plan('marlow');
    expect(p).toContain('customers_name_trgm');
    expect(p).toContain('customers_email_trgm');
    expect(p).not.toMatch(/Seq Scan on customers/);
    const byName = await listCustomers(store.db, orgId, { q: 'MARLOW', limit: 50 });
    expect(byName.items.map((c) => c.name)).toEqual(['Ines Marlow']);
    const byEmail = await listCustomers(store.db, orgId, { q: 'ines.m@', limit: 50 });
    expect(byEmail.items.map((c) => c.name)).toEqual(['Ines Marlow']);
  });
});
