import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { type Caller, startTestServer, type TestServer } from '../../../../test/http.ts';

const CUSTOMERS = [
  'external_ref,name,email,phone,tier,consent_marketing,consent_surveys,channel_restriction',
  'C-100,Mary Shelley,mary@example.com,+44 20 7946 0000,gold,yes,no,',
  'C-101,"Brontë, Charlotte",charlotte@example.com,,silver,1,1,email only',
  ',Jane Austen,jane@example.com,,,,,',
].join('\n');

const ORDERS = [
  'number,customer_ref,customer_email,placed_at,delivered_at,currency,total,sku,item_name,category,quantity,unit_price',
  'W-1,C-100,,2026-10-01T10:00:00Z,2026-10-03,GBP,12.50,MUG-1,Mug,tableware,2,6.25',
  'W-2,C-101,,2026-10-02,,GBP,1000,THROW-1,Wool throw,textiles,1,999.99',
  'W-2,,,,,,,POST,Delivery,,1,0.01',
  'W-3,,jane@example.com,2026-10-05T08:00:00+01:00,,EUR,0.1,,,,,',
  'W-4,C-100,,2026-10-06T00:00:00Z,,JPY,1500,,,,,',
].join('\n');

describe.each(ENGINES)('customer import on %s', (engine) => {
  let s: TestServer;
  let manager: Caller;
  const counts = async () => {
    const org = s.orgs.a.orgId;
    const [c, o] = await Promise.all([
      s.store.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', org)
        .executeTakeFirstOrThrow(),
      s.store.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', org)
        .executeTakeFirstOrThrow(),
    ]);
    return { customers: Number(c.n), orders: Number(o.n) };
  };
  const importCsv = (payload: Record<string, string>) =>
    manager.request({ method: 'POST', url: '/api/customers/import', payload });

  beforeAll(async () => {
    s = await startTestServer(engine);
    manager = await s.caller('manager');
  });
  afterAll(() => s.close());

  it('writes nothing when one row is bad, and names the file, line and field', async () => {
    const before = await counts();
    const badCustomers = CUSTOMERS.replace('charlotte@example.com', 'not-an-email');
    const badOrders = ORDERS.replace(
      'W-3,,jane@example.com,2026-10-05T08:00:00+01:00,,EUR,0.1',
      'W-3,,jane@example.com,2026-10-05T08:00:00+01:00,,EUR,0.123',
    );
    const r = await importCsv({ customers_csv: badCustomers, orders_csv: badOrders });
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const body = r.json();
    expect(body).toMatchObject({ code: 'import-rejected', imported: { customers: 0, orders: 0 } });
    expect(body.rejected).toEqual([
      { file: 'customers_csv', line: 3, errors: [{ field: 'email', message: expect.any(String) }] },
      {
        file: 'orders_csv',
        line: 5,
        errors: [{ field: 'total', message: 'expected at most 2 decimals for EUR' }],
      },
    ]);
    expect(await counts()).toEqual(before);
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('action', '=', 'customers.imported')
      .execute();
    expect(audit).toEqual([]);
  });

  it('imports good files in one go: amounts exact, order lines grouped, then listed', async () => {
    const before = await counts();
    const r = await importCsv({ customers_csv: CUSTOMERS, orders_csv: ORDERS });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ imported: { customers: 3, orders: 4 }, rejected: [] });
    expect(await counts()).toEqual({ customers: before.customers + 3, orders: before.orders + 4 });

    const list = (await manager.request({ method: 'GET', url: '/api/customers?q=example.com' })).json();
    expect(list.items.map((c: { name: string }) => c.name)).toEqual([
      'Mary Shelley',
      'Brontë, Charlotte',
      'Jane Austen',
    ]);
    const [mary, charlotte, jane] = list.items as { id: string }[];
    const m = (await manager.request({ method: 'GET', url: `/api/customers/${mary?.id}` })).json();
    expect(m).toMatchObject({
      external_ref: 'C-100',
      tier: 'gold',
      phone: '+44 20 7946 0000',
      consent: { marketing: true, surveys: false },
      channel_restriction: null,
      lifetime_value: [
        { currency: 'GBP', total_minor: 1250 },
        { currency: 'JPY', total_minor: 1500 },
      ],
    });
    const w1 = m.orders.find((o: { number: string }) => o.number === 'W-1');
    expect(w1).toMatchObject({
      placed_at: '2026-10-01T10:00:00.000Z',
      // A date is midnight in the organisation's zone (London, summer time: UTC+1).
      delivered_at: '2026-10-02T23:00:00.000Z',
      items: [{ sku: 'MUG-1', name: 'Mug', category: 'tableware', quantity: 2, unit_minor: 625 }],
    });
    const c = (await manager.request({ method: 'GET', url: `/api/customers/${charlotte?.id}` })).json();
    expect(c).toMatchObject({
      tier: 'silver',
      channel_restriction: 'email only',
      consent: { marketing: true, surveys: true },
    });
    expect(c.orders).toHaveLength(1);
    expect(c.orders[0]).toMatchObject({
      number: 'W-2',
      total_minor: 100000,
      items: [
        { sku: 'THROW-1', unit_minor: 99999, category: 'textiles' },
        { sku: 'POST', unit_minor: 1, category: null },
      ],
    });
    const j = (await manager.request({ method: 'GET', url: `/api/customers/${jane?.id}` })).json();
    expect(j).toMatchObject({
      tier: 'standard',
      external_ref: null,
      lifetime_value: [{ currency: 'EUR', total_minor: 10 }],
    });
    expect(j.orders[0].placed_at).toBe('2026-10-05T07:00:00.000Z');

    const audit = await s.store.db
      .selectFrom('audit_log')
      .select('data')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('action', '=', 'customers.imported')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.data ?? '{}')).toMatchObject({ customers: 3, orders: 4 });
    expect(audit[0]?.data).not.toMatch(/Mary|mary@/);
    const verify = await (await s.caller('auditor')).request({ method: 'GET', url: '/api/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('links orders to stored customers and refuses what is already stored', async () => {
    const orders = [
      'number,customer_ref,placed_at,currency,total',
      'W-10,C-100,2026-11-01T00:00:00Z,GBP,5',
    ].join('\n');
    const ok = await importCsv({ orders_csv: orders });
    expect(ok.json()).toEqual({ imported: { customers: 0, orders: 1 }, rejected: [] });
    const again = await importCsv({
      customers_csv: CUSTOMERS.split('\n').slice(0, 2).join('\n'),
      orders_csv: orders,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().rejected).toEqual([
      {
        file: 'customers_csv',
        line: 2,
        errors: [{ field: 'external_ref', message: 'a stored customer already has this reference' }],
      },
      {
        file: 'orders_csv',
        line: 2,
        errors: [{ field: 'number', message: 'a stored order already has this number' }],
      },
    ]);
  });

  it('reports structural problems and every bad field', async () => {
    const cases: [Record<string, string>, unknown[]][] = [
      [
        { customers_csv: 'name,colour\nAda,blue' },
        [
          {
            file: 'customers_csv',
            line: 1,
            errors: [{ field: 'colour', message: expect.stringContaining('unexpected column') }],
          },
        ],
      ],
      [
        { customers_csv: 'email\nada@example.com' },
        [{ file: 'customers_csv', line: 1, errors: [{ field: 'name', message: 'missing required column' }] }],
      ],
      [
        { customers_csv: 'name,email\n\nAda,ada@example.com,extra\n"Unclosed' },
        [
          {
            file: 'customers_csv',
            line: 4,
            errors: [{ field: 'row', message: expect.stringContaining('Quote Not Closed') }],
          },
        ],
      ],
      [
        { customers_csv: 'name,email\n\nAda,ada@example.com,extra\n"Multi\nline",x@example.com\nOk,nope' },
        [
          {
            file: 'customers_csv',
            line: 3,
            errors: [{ field: 'row', message: 'expected 2 fields, found 3' }],
          },
          {
            file: 'customers_csv',
            line: 6,
            errors: [{ field: 'email', message: 'expected an email address' }],
          },
        ],
      ],
      [
        {
          orders_csv: [
            'number,customer_ref,customer_email,placed_at,delivered_at,currency,total,sku,item_name,quantity,unit_price',
            'X-1,,,yesterday,2020-01-01,gbp,12.5.0,,,,',
            'X-2,NOBODY,,2026-01-02,2026-01-01,GBP,-1,,Thing,0,1',
            'X-3,,nobody@example.com,2026-01-02,,GBP,1,S,Thing,1,1',
            'X-3,,,2026-01-03,,,,S2,Thing 2,1,1',
          ].join('\n'),
        },
        [
          {
            file: 'orders_csv',
            line: 2,
            errors: [
              { field: 'customer_ref', message: 'either customer_ref or customer_email is required' },
              { field: 'placed_at', message: expect.stringContaining('ISO 8601') },
              { field: 'total', message: expect.stringContaining('expected an amount') },
            ],
          },
          {
            file: 'orders_csv',
            line: 3,
            errors: [
              { field: 'delivered_at', message: 'expected a time after placed_at' },
              { field: 'total', message: expect.stringContaining('expected an amount') },
              { field: 'sku', message: 'required when the row has an item' },
              { field: 'quantity', message: expect.any(String) },
            ],
          },
          {
            file: 'orders_csv',
            line: 5,
            errors: [{ field: 'placed_at', message: 'differs from line 4 of the same order' }],
          },
        ],
      ],
    ];
    for (const [payload, rejected] of cases) {
      const r = await importCsv(payload);
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().rejected).toEqual(rejected);
    }
    const noFiles = await importCsv({});
    expect(noFiles.statusCode).toBe(400);
  });

  it('resolves orders by email only when exactly one customer has it', async () => {
    const r = await importCsv({
      customers_csv: 'name,email\nTwin One,twin@example.com\nTwin Two,twin@example.com',
      orders_csv: 'number,customer_email,placed_at,currency,total\nT-1,twin@example.com,2026-01-01,GBP,1',
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().rejected).toEqual([
      {
        file: 'orders_csv',
        line: 2,
        errors: [
          { field: 'customer_email', message: 'more than one customer has this email; use customer_ref' },
        ],
      },
    ]);
  });

  it('keeps imports within the organisation', async () => {
    const b = await s.caller('manager', 'b');
    const r = await b.request({
      method: 'POST',
      url: '/api/customers/import',
      payload: { orders_csv: 'number,customer_ref,placed_at,currency,total\nB-1,C-100,2026-01-01,GBP,1' },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().rejected[0].errors[0].field).toBe('customer_ref');
  });
});
