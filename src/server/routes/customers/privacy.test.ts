import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { type Caller, startTestServer, type TestServer } from '../../../../test/http.ts';
import { newId } from '../../../store/index.ts';

describe.each(ENGINES)('customer privacy export and erasure on %s', (engine) => {
  let s: TestServer;
  let manager: Caller;
  let caseNumber = 5000;

  /** A customer with an order, and a case with a customer message, a staff note and a decision. */
  const seed = async (name: string, email: string) => {
    const created = await manager.request({
      method: 'POST',
      url: '/api/customers',
      payload: {
        name,
        email,
        phone: '+44 7700 900123',
        external_ref: `EXT-${name}`,
        consent: { marketing: true },
        channel_restriction: 'email only',
      },
      headers: { 'idempotency-key': `seed-${name}` },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const order = await manager.request({
      method: 'POST',
      url: `/api/customers/${id}/orders`,
      payload: {
        number: `O-${caseNumber}`,
        placed_at: '2026-10-01T10:00:00Z',
        currency: 'GBP',
        total_minor: 2599,
      },
    });
    expect(order.statusCode).toBe(201);
    const orgId = s.orgs.a.orgId;
    const caseId = newId();
    const at = s.clock.now;
    const db = s.store.db;
    // Cases, timelines and decisions are written by other modules; rows stand in for them here.
    await sql`insert into cases (org_id, id, number, kind, channel, category, priority, status, subject,
        customer_id, order_id, assignee_id, team_id, next_deadline, policy_versions, portal_token_hash,
        search_text, created_at, updated_at, resolved_at, version)
      values (${orgId}, ${caseId}, ${caseNumber++}, 'complaint', 'email', null, 'normal', 'open', 'Broken mug',
        ${id}, null, null, null, null, '{}', null, ${`broken mug ${name.toLowerCase()} ${email}`}, ${at}, ${at},
        null, 1)`.execute(db);
    const entry = (seq: number, actorType: string, body: string) =>
      sql`insert into timeline_entries (org_id, id, case_id, seq, kind, visibility, actor_type, actor_id, body,
          data, amends_id, created_at)
        values (${orgId}, ${newId()}, ${caseId}, ${seq}, ${actorType === 'customer' ? 'message_in' : 'note'},
          'public', ${actorType}, null, ${body}, ${JSON.stringify(actorType === 'customer' ? { from: email } : {})}, null, ${at})`.execute(
        db,
      );
    await entry(1, 'customer', `Hello, this is ${name}; my mug arrived broken.`);
    await entry(2, 'user', 'Asked for photos.');
    await sql`insert into decisions (org_id, id, case_id, policy_id, policy_version, decision, facts, inputs,
        outputs, matched, warnings, actor_id, decided_at, approval_state, approver_role, amount_minor, currency)
      values (${orgId}, ${newId()}, ${caseId}, 'refunds', 1, 'Refund', '{"Order amount":25.99}', '{}',
        '{"Outcome":"full refund"}', '[]', '[]', ${s.orgs.a.users.agent}, ${at}, 'none', null, 2599, 'GBP')`.execute(
      db,
    );
    return { id, caseId };
  };

  beforeAll(async () => {
    s = await startTestServer(engine);
    manager = await s.caller('manager');
  });
  afterAll(() => s.close());

  it('exports everything held about the customer', async () => {
    const { id, caseId } = await seed('Ada', 'ada@example.com');
    const auditor = await s.caller('auditor');
    const r = await auditor.request({ method: 'GET', url: `/api/customers/${id}/export` });
    expect(r.statusCode, r.body).toBe(200);
    const x = r.json();
    expect(x.customer).toMatchObject({ id, name: 'Ada', email: 'ada@example.com', phone: '+44 7700 900123' });
    expect(x.orders).toEqual([expect.objectContaining({ number: 'O-5000', total_minor: 2599 })]);
    expect(x.lifetime_value).toEqual([{ currency: 'GBP', total_minor: 2599 }]);
    expect(x.cases).toHaveLength(1);
    expect(x.cases[0]).toMatchObject({ id: caseId, subject: 'Broken mug' });
    expect(x.cases[0].timeline.map((e: { body: string }) => e.body)).toEqual([
      'Hello, this is Ada; my mug arrived broken.',
      'Asked for photos.',
    ]);
    expect(x.cases[0].decisions).toEqual([
      expect.objectContaining({
        decision: 'Refund',
        outputs: { Outcome: 'full refund' },
        amount_minor: 2599,
      }),
    ]);
    expect(x.audit.map((a: { action: string }) => a.action)).toEqual(['customer.created']);
    // Taking the copy is itself on record.
    const exported = await s.store.db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('org_id', '=', s.orgs.a.orgId)
      .where('action', '=', 'customer.exported')
      .where('entity_id', '=', id)
      .execute();
    expect(exported).toEqual([{ actor_id: s.orgs.a.users.auditor }]);
  });

  it('erases personal data, keeps the anonymous record, and the audit chain still verifies', async () => {
    const { id, caseId } = await seed('Byron', 'byron@example.com');
    s.clock.now += 60_000;
    const r = await manager.request({ method: 'POST', url: `/api/customers/${id}/erase` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      id,
      name: 'Erased customer',
      email: null,
      phone: null,
      external_ref: null,
      consent: {},
      channel_restriction: null,
      erased_at: new Date(s.clock.now).toISOString(),
      version: 2,
    });

    const profile = (await manager.request({ method: 'GET', url: `/api/customers/${id}` })).json();
    expect(profile).toMatchObject({ name: 'Erased customer', email: null, order_count: 1 });
    expect(profile.lifetime_value).toEqual([{ currency: 'GBP', total_minor: 2599 }]);

    const x = (await manager.request({ method: 'GET', url: `/api/customers/${id}/export` })).json();
    const text = JSON.stringify(x);
    for (const personal of ['Byron', 'byron@example.com', '+44 7700 900123', 'EXT-Byron'])
      expect(text).not.toContain(personal);
    expect(x.orders).toEqual([
      expect.objectContaining({ total_minor: 2599, placed_at: '2026-10-01T10:00:00.000Z' }),
    ]);
    expect(x.cases[0].timeline.map((e: { body: string }) => e.body)).toEqual([
      '[erased]',
      'Asked for photos.',
    ]);

    // Nothing personal is left anywhere in the organisation's rows: search text, replies kept for
    // idempotent retries, and the audit log included.
    const orgId = s.orgs.a.orgId;
    const db = s.store.db;
    const leftovers = [
      ...(await db
        .selectFrom('cases')
        .select('search_text as t')
        .where('org_id', '=', orgId)
        .where('id', '=', caseId)
        .execute()),
      ...(await db
        .selectFrom('idempotency_keys')
        .select('response as t')
        .where('org_id', '=', orgId)
        .execute()),
      ...(await db.selectFrom('audit_log').select('data as t').where('org_id', '=', orgId).execute()),
      ...(await db
        .selectFrom('timeline_entries')
        .select('data as t')
        .where('org_id', '=', orgId)
        .where('case_id', '=', caseId)
        .where('actor_type', '=', 'customer')
        .execute()),
    ].map((row) => row.t);
    expect(leftovers.join('\n')).not.toMatch(/byron/i);

    const erasure = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'at', 'data'])
      .where('org_id', '=', orgId)
      .where('action', '=', 'customer.erased')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(erasure).toMatchObject({ actor_id: s.orgs.a.users.manager, at: s.clock.now });
    expect(JSON.parse(erasure.data)).toMatchObject({ timeline_entries_erased: 1 });

    const verify = await (await s.caller('auditor')).request({ method: 'GET', url: '/api/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true });

    // Erasure is final.
    const patch = await manager.request({
      method: 'PATCH',
      url: `/api/customers/${id}`,
      payload: { version: 2, name: 'Back' },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().code).toBe('customer-erased');
    const order = await manager.request({
      method: 'POST',
      url: `/api/customers/${id}/orders`,
      payload: { number: 'O-after', placed_at: '2026-10-01T10:00:00Z', currency: 'GBP', total_minor: 1 },
    });
    expect(order.statusCode).toBe(409);
    const twice = await manager.request({ method: 'POST', url: `/api/customers/${id}/erase` });
    expect(twice.statusCode).toBe(409);
    // Its old external reference is free again.
    const reuse = await manager.request({
      method: 'POST',
      url: '/api/customers',
      payload: { name: 'New', external_ref: 'EXT-Byron' },
    });
    expect(reuse.statusCode).toBe(201);
  });

  it('keeps other organisations out of exports and erasures', async () => {
    const { id } = await seed('Shelley', 'shelley@example.com');
    const b = await s.caller('admin', 'b');
    expect((await b.request({ method: 'GET', url: `/api/customers/${id}/export` })).statusCode).toBe(404);
    expect((await b.request({ method: 'POST', url: `/api/customers/${id}/erase` })).statusCode).toBe(404);
    const still = (await manager.request({ method: 'GET', url: `/api/customers/${id}` })).json();
    expect(still).toMatchObject({ name: 'Shelley', erased_at: null });
    expect(
      (await manager.request({ method: 'GET', url: '/api/customers/no-such-id/export' })).statusCode,
    ).toBe(404);
  });
});
