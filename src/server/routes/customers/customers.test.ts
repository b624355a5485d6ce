import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { type Caller, ROLES, startTestServer, type TestServer } from '../../../../test/http.ts';

interface Customer {
  id: string;
  name: string;
  email: string | null;
  tier: string;
  consent: Record<string, boolean>;
  version: number;
}

describe.each(ENGINES)('customers on %s', (engine) => {
  let s: TestServer;
  let agent: Caller;
  let seq = 0;
  const create = async (caller: Caller, payload: Record<string, unknown>) => {
    const r = await caller.request({ method: 'POST', url: '/api/customers', payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Customer;
  };
  const order = (extra: Record<string, unknown> = {}) => ({
    number: `LK-${++seq}`,
    placed_at: '2026-11-01T09:30:00Z',
    currency: 'GBP',
    total_minor: 4500,
    items: [{ sku: 'PAN-24', name: 'Frying pan 24 cm', category: 'cookware', quantity: 1, unit_minor: 4500 }],
    ...extra,
  });

  beforeAll(async () => {
    s = await startTestServer(engine);
    agent = await s.caller('agent');
  });
  afterAll(() => s.close());

  it('creates a customer with defaults and answers it by id', async () => {
    const c = await create(agent, {
      name: 'Ada Lovelace',
      email: 'Ada@Example.com',
      consent: { marketing: true },
    });
    expect(c).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      tier: 'standard',
      consent: { marketing: true, surveys: false },
      channel_restriction: null,
      erased_at: null,
      version: 1,
    });
    const got = await agent.request({ method: 'GET', url: `/api/customers/${c.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id: c.id, orders: [], order_count: 0, lifetime_value: [] });
  });

  it('derives lifetime value from the orders, per currency', async () => {
    const c = await create(agent, { name: 'Grace Hopper', tier: 'gold' });
    for (const o of [
      order({ total_minor: 1250 }),
      order({ total_minor: 8799, delivered_at: '2026-11-03T12:00:00Z' }),
      order({ currency: 'EUR', total_minor: 1000, items: [] }),
    ]) {
      const r = await agent.request({ method: 'POST', url: `/api/customers/${c.id}/orders`, payload: o });
      expect(r.statusCode, r.body).toBe(201);
    }
    const got = (await agent.request({ method: 'GET', url: `/api/customers/${c.id}` })).json();
    expect(got.lifetime_value).toEqual([
      { currency: 'EUR', total_minor: 1000 },
      { currency: 'GBP', total_minor: 10049 },
    ]);
    expect(got.order_count).toBe(3);
    expect(got.orders[0]).toMatchObject({ customer_id: c.id, placed_at: '2026-11-01T09:30:00.000Z' });
    expect(got.orders.find((o: { total_minor: number }) => o.total_minor === 8799).delivered_at).toBe(
      '2026-11-03T12:00:00.000Z',
    );
  });

  it('keeps order numbers unique within the organisation', async () => {
    const c = await create(agent, { name: 'Order Twice' });
    const o = order();
    const first = await agent.request({ method: 'POST', url: `/api/customers/${c.id}/orders`, payload: o });
    expect(first.statusCode).toBe(201);
    const again = await agent.request({ method: 'POST', url: `/api/customers/${c.id}/orders`, payload: o });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', errors: [{ path: 'body.number' }] });
    // Another organisation may use the same number.
    const b = await s.caller('agent', 'b');
    const cb = await create(b, { name: 'Other org' });
    const other = await b.request({ method: 'POST', url: `/api/customers/${cb.id}/orders`, payload: o });
    expect(other.statusCode).toBe(201);
  });

  it('refuses bad input with field paths', async () => {
    const bad = await agent.request({
      method: 'POST',
      url: '/api/customers',
      payload: { name: '', email: 'nope', tier: 'x'.repeat(41), consent: { marketing: 'yes' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.name', 'body.email', 'body.tier', 'body.consent.marketing']),
    );
    const c = await create(agent, { name: 'Valid' });
    const badOrder = await agent.request({
      method: 'POST',
      url: `/api/customers/${c.id}/orders`,
      payload: order({
        currency: 'XYZ',
        total_minor: 12.5,
        placed_at: '2026-11-01',
        items: [{ sku: 'A', name: 'B', quantity: 0, unit_minor: 1 }],
      }),
    });
    expect(badOrder.statusCode).toBe(400);
    expect((badOrder.json().errors as { path: string }[]).map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'body.currency',
        'body.total_minor',
        'body.placed_at',
        'body.items.0.quantity',
      ]),
    );
    const early = await agent.request({
      method: 'POST',
      url: `/api/customers/${c.id}/orders`,
      payload: order({ delivered_at: '2026-10-01T00:00:00Z' }),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([expect.objectContaining({ path: 'body.delivered_at' })]);
    const noChange = await agent.request({
      method: 'PATCH',
      url: `/api/customers/${c.id}`,
      payload: { version: 1 },
    });
    expect(noChange.statusCode).toBe(400);
    const noVersion = await agent.request({
      method: 'PATCH',
      url: `/api/customers/${c.id}`,
      payload: { tier: 'gold' },
    });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors).toEqual([expect.objectContaining({ path: 'body.version' })]);
    const cursor = await agent.request({ method: 'GET', url: '/api/customers?cursor=garbage' });
    expect(cursor.statusCode).toBe(400);
  });

  it('updates with optimistic concurrency and merges consent', async () => {
    const c = await create(agent, { name: 'Alan Turing', consent: { marketing: true } });
    const manager = await s.caller('manager');
    const first = await agent.request({
      method: 'PATCH',
      url: `/api/customers/${c.id}`,
      payload: { version: 1, tier: 'silver', consent: { surveys: true }, channel_restriction: 'email only' },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      version: 2,
      tier: 'silver',
      consent: { marketing: true, surveys: true },
      channel_restriction: 'email only',
    });
    // A second writer still holding version 1 is refused, and nothing it sent is applied.
    const stale = await manager.request({
      method: 'PATCH',
      url: `/api/customers/${c.id}`,
      payload: { version: 1, tier: 'gold' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version-conflict');
    const now = (await agent.request({ method: 'GET', url: `/api/customers/${c.id}` })).json();
    expect(now).toMatchObject({ tier: 'silver', version: 2 });
    const cleared = await manager.request({
      method: 'PATCH',
      url: `/api/customers/${c.id}`,
      payload: { version: 2, channel_restriction: null, email: 'alan@example.org' },
    });
    expect(cleared.json()).toMatchObject({
      version: 3,
      channel_restriction: null,
      email: 'alan@example.org',
    });
    // The audit entry names what changed but carries no personal data.
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('org_id', '=', s.orgs.a.orgId)
      .where('entity_id', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['customer.created', 'customer.updated', 'customer.updated']);
    expect(audit.map((a) => a.data).join()).not.toMatch(/Alan|alan@/);
    expect(JSON.parse(audit[2]?.data ?? '{}')).toMatchObject({ changed: ['email', 'channel_restriction'] });
  });

  it('refuses an external reference another customer has', async () => {
    await create(agent, { name: 'One', external_ref: 'SHOP-1' });
    const dup = await agent.request({
      method: 'POST',
      url: '/api/customers',
      payload: { name: 'Two', external_ref: 'SHOP-1' },
    });
    expect(dup.statusCode).toBe(409);
    const two = await create(agent, { name: 'Two', external_ref: 'SHOP-2' });
    const patch = await agent.request({
      method: 'PATCH',
      url: `/api/customers/${two.id}`,
      payload: { version: 1, external_ref: 'SHOP-1' },
    });
    expect(patch.statusCode).toBe(409);
  });

  it('honours Idempotency-Key on creates', async () => {
    const headers = { 'idempotency-key': `cust-${engine}` };
    const payload = { name: 'Retry Rita' };
    const a = await agent.request({ method: 'POST', url: '/api/customers', payload, headers });
    const b = await agent.request({ method: 'POST', url: '/api/customers', payload, headers });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const count = await s.store.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', s.orgs.a.orgId)
      .where('name', '=', 'Retry Rita')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const other = await agent.request({
      method: 'POST',
      url: '/api/customers',
      payload: { name: 'Someone else' },
      headers,
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('idempotency-conflict');
    const o = order();
    const oh = { 'idempotency-key': `order-${engine}` };
    const id = a.json().id as string;
    const o1 = await agent.request({
      method: 'POST',
      url: `/api/customers/${id}/orders`,
      payload: o,
      headers: oh,
    });
    const o2 = await agent.request({
      method: 'POST',
      url: `/api/customers/${id}/orders`,
      payload: o,
      headers: oh,
    });
    expect(o1.statusCode).toBe(201);
    expect(o2.statusCode).toBe(201);
    expect(o2.json().id).toBe(o1.json().id);
  });

  it('lists with search, tier filter and stable cursor pages', async () => {
    const b = await s.caller('admin', 'b');
    const names = ['Zed Able', 'Zed Baker', 'Zed Carter', 'Zed Dunn', 'Zed Evans'];
    const made: Customer[] = [];
    for (const n of names)
      made.push(await create(agent, { name: n, email: `${n.split(' ')[1]?.toLowerCase()}@zed.test` }));
    await create(agent, { name: 'Not matching', tier: 'gold' });
    await create(b, { name: 'Zed In Other Org' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/customers?q=zed&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await agent.request({ method: 'GET', url });
      expect(r.statusCode).toBe(200);
      const page = r.json() as { items: Customer[]; next_cursor: string | null };
      seen.push(...page.items.map((c) => c.name));
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(names);
    expect(pages).toBe(3);
    const byEmail = (await agent.request({ method: 'GET', url: '/api/customers?q=BAKER%40ZED' })).json();
    expect(byEmail.items.map((c: Customer) => c.id)).toEqual([made[1]?.id]);
    const twoWords = (await agent.request({ method: 'GET', url: '/api/customers?q=zed%20dunn' })).json();
    expect(twoWords.items.map((c: Customer) => c.name)).toEqual(['Zed Dunn']);
    const wildcard = (await agent.request({ method: 'GET', url: '/api/customers?q=%25' })).json();
    expect(wildcard.items).toEqual([]);
    const gold = (await agent.request({ method: 'GET', url: '/api/customers?tier=gold&limit=200' })).json();
    expect(gold.items.length).toBeGreaterThan(0);
    expect(gold.items.every((c: Customer) => c.tier === 'gold')).toBe(true);
  });

  it('keeps organisations apart: a foreign id is not found', async () => {
    const mine = await create(agent, { name: 'Private Person', email: 'private@a.test' });
    const b = await s.caller('admin', 'b');
    const tries = [
      { method: 'GET' as const, url: `/api/customers/${mine.id}` },
      {
        method: 'PATCH' as const,
        url: `/api/customers/${mine.id}`,
        payload: { version: 1, name: 'Hijacked' },
      },
      { method: 'POST' as const, url: `/api/customers/${mine.id}/orders`, payload: order() },
    ];
    for (const t of tries) {
      const r = await b.request(t);
      expect(r.statusCode, `${t.method} ${t.url}`).toBe(404);
    }
    const list = (await b.request({ method: 'GET', url: '/api/customers?q=private&limit=200' })).json();
    expect(list.items).toEqual([]);
    const still = (await agent.request({ method: 'GET', url: `/api/customers/${mine.id}` })).json();
    expect(still).toMatchObject({ name: 'Private Person', version: 1, order_count: 0 });
  });

  it('lets each role do what the design says, and no more', async () => {
    const admin = await s.caller('admin');
    const target = await create(admin, { name: 'Role Table' });
    const csv = () => `name,external_ref\nImported ${++seq},REF-${engine}-${seq}\n`;
    type Probe = {
      name: string;
      allowed: readonly string[];
      ok: number;
      send: (c: Caller) => Promise<{ statusCode: number; body: string }>;
    };
    const probes: Probe[] = [
      {
        name: 'POST /api/customers',
        allowed: ['admin', 'manager', 'agent'],
        ok: 201,
        send: (c) => c.request({ method: 'POST', url: '/api/customers', payload: { name: 'By role' } }),
      },
      {
        name: 'GET /api/customers',
        allowed: ROLES,
        ok: 200,
        send: (c) => c.request({ method: 'GET', url: '/api/customers' }),
      },
      {
        name: 'GET /api/customers/:id',
        allowed: ROLES,
        ok: 200,
        send: (c) => c.request({ method: 'GET', url: `/api/customers/${target.id}` }),
      },
      {
        name: 'PATCH /api/customers/:id',
        allowed: ['admin', 'manager', 'agent'],
        ok: 200,
        send: async (c) => {
          const v = (await admin.request({ method: 'GET', url: `/api/customers/${target.id}` })).json()
            .version;
          return c.request({
            method: 'PATCH',
            url: `/api/customers/${target.id}`,
            payload: { version: v, tier: 'gold' },
          });
        },
      },
      {
        name: 'POST /api/customers/:id/orders',
        allowed: ['admin', 'manager', 'agent'],
        ok: 201,
        send: (c) =>
          c.request({ method: 'POST', url: `/api/customers/${target.id}/orders`, payload: order() }),
      },
      {
        name: 'POST /api/customers/import',
        allowed: ['admin', 'manager'],
        ok: 200,
        send: (c) =>
          c.request({ method: 'POST', url: '/api/customers/import', payload: { customers_csv: csv() } }),
      },
      {
        name: 'GET /api/customers/:id/export',
        allowed: ['admin', 'manager', 'auditor'],
        ok: 200,
        send: (c) => c.request({ method: 'GET', url: `/api/customers/${target.id}/export` }),
      },
      {
        name: 'POST /api/customers/:id/erase',
        allowed: ['admin', 'manager'],
        ok: 200,
        send: async (c) => {
          const victim = await create(admin, { name: 'To erase' });
          return c.request({ method: 'POST', url: `/api/customers/${victim.id}/erase` });
        },
      },
    ];
    const wrong: string[] = [];
    for (const p of probes)
      for (const role of ROLES) {
        const r = await p.send(await s.caller(role));
        const expected = p.allowed.includes(role) ? p.ok : 403;
        if (r.statusCode !== expected)
          wrong.push(`${p.name} as ${role}: ${r.statusCode} (expected ${expected}) ${r.body}`);
      }
    expect(wrong).toEqual([]);
    const anon = await s.anonymous({ method: 'GET', url: '/api/customers' });
    expect(anon.statusCode).toBe(401);
  });

  it('works with an API token too', async () => {
    const manager = await s.caller('manager');
    const r = await manager.withToken({
      method: 'POST',
      url: '/api/customers',
      payload: { name: 'Via token' },
    });
    expect(r.statusCode).toBe(201);
  });

  it('publishes the routes in OpenAPI', async () => {
    const doc = (await s.anonymous({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/customers',
        '/api/customers/{id}',
        '/api/customers/{id}/orders',
        '/api/customers/import',
        '/api/customers/{id}/export',
        '/api/customers/{id}/erase',
      ]),
    );
  });
});
