import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/databases.ts';
import { ROLES, startTestServer, type TestServer } from '../../test/http.ts';
import { charterInForce } from '../charter/index.ts';
import { fillGrants } from '../store/migrations/0007-decision-grants.ts';
import type { DecisionView } from './index.ts';
import { widen } from './store-types.ts';
import { publishVariant, seedCase } from './test-support.ts';

const DAY = 86_400_000;

describe.each(ENGINES)('decisions on %s', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(() => s.close());

  const refundCase = (org: 'a' | 'b' = 'a', totalMinor = 4999, extra: { tier?: string } = {}) =>
    seedCase(s.store, s.orgs[org].orgId, s.clock.now, {
      ...extra,
      orders: [
        { totalMinor, placedAt: s.clock.now - 14 * DAY, deliveredAt: s.clock.now - 10 * DAY },
        { totalMinor: 10_000, placedAt: s.clock.now - 400 * DAY, deliveredAt: s.clock.now - 398 * DAY },
      ],
    });

  const decide = async (
    role: 'agent' | 'manager' | 'admin' | 'auditor',
    caseId: string,
    payload: object,
    org: 'a' | 'b' = 'a',
    headers = {},
  ) =>
    (await s.caller(role, org)).request({
      method: 'POST',
      url: `/api/cases/${caseId}/decisions`,
      payload,
      headers,
    });

  it('reads lifetime value net of the refunds already granted to the customer', async () => {
    const c = await refundCase();
    const first = await decide('agent', c.caseId, {
      decision: 'Refund',
      facts: { 'Item condition': 'unopened' },
    });
    expect(first.statusCode).toBe(201);
    const before = (first.json() as DecisionView).decision.facts['Lifetime value'] as number;
    expect((first.json() as DecisionView).decision.amount_minor).toBe(4999);
    const again = await decide('agent', c.caseId, {
      decision: 'Refund',
      facts: { 'Item condition': 'unopened' },
    });
    expect(again.statusCode).toBe(201);
    // The first refund (£49.99, granted alone) comes off what the customer has spent.
    expect((again.json() as DecisionView).decision.facts['Lifetime value']).toBeCloseTo(before - 49.99, 2);
    // The desk's customer card shows both figures: order totals, and the refunds granted.
    const card = await (await s.caller('agent')).request({
      method: 'GET',
      url: `/api/customers/${c.customerId}`,
    });
    expect(card.statusCode).toBe(200);
    expect(card.json()).toMatchObject({
      lifetime_value: [{ currency: 'GBP', total_minor: 14_999 }],
      refunded: [{ currency: 'GBP', total_minor: 2 * 4999 }],
      // The figure the next decision's `Lifetime value` fact is made from.
      lifetime_value_net: [{ currency: 'GBP', total_minor: 14_999 - 2 * 4999 }],
    });
    // A refund waiting for approval has paid nothing back: the card and the next decision ignore it.
    const big = await refundCase('a', 90_000);
    const pending = await decide('agent', big.caseId, {
      decision: 'Refund',
      facts: { 'Item condition': 'unopened' },
    });
    expect((pending.json() as DecisionView).decision.approval_state).toBe('pending');
    const other = await (await s.caller('agent')).request({
      method: 'GET',
      url: `/api/customers/${big.customerId}`,
    });
    expect(other.json().refunded).toEqual([]);
    expect(other.json().lifetime_value_net).toEqual(other.json().lifetime_value);
  });

  it('knows what decisions made before migration 0007 granted, as decisions made now record it', async () => {
    const c = await refundCase();
    const facts = [
      { 'Item condition': 'unopened' }, // refund
      { 'Item condition': 'used' }, // store credit
      { 'Item condition': 'unopened', 'Product category': 'personalised' }, // decline: grants nothing
    ];
    for (const f of facts)
      expect((await decide('agent', c.caseId, { decision: 'Refund', facts: f })).statusCode).toBe(201);
    const recorded = () =>
      widen(s.store.db)
        .selectFrom('decisions')
        .select(['id', 'grants'])
        .where('org_id', '=', s.orgs.a.orgId)
        .where('case_id', '=', c.caseId)
        .orderBy('id')
        .execute();
    const now = await recorded();
    expect(now.map((r) => r.grants)).toEqual(['refund', 'store credit', null]);
    // As the rows stood before the column: nothing recorded. The migration's fill must restore it.
    await widen(s.store.db)
      .updateTable('decisions')
      .set({ grants: null })
      .where('org_id', '=', s.orgs.a.orgId)
      .execute();
    await fillGrants(s.store.db);
    expect(await recorded()).toEqual(now);
  });

  it("takes the order's facts from the order named, when it is not the case's own", async () => {
    const c = await refundCase();
    const r = await decide('agent', c.caseId, {
      decision: 'Refund',
      facts: { 'Item condition': 'unopened' },
      order_id: c.orderIds[1],
    });
    expect(r.statusCode).toBe(201);
    expect((r.json() as DecisionView).decision.facts).toMatchObject({
      'Order amount': 100,
      'Days since delivery': 398,
      'Months since purchase': 13,
    });
  });

  it("decides a refund from gathered and supplied facts, explained in the policy's words", async () => {
    const c = await refundCase();
    const r = await decide('agent', c.caseId, {
      decision: 'Refund',
      facts: { 'Item condition': 'unopened' },
    });
    expect(r.statusCode).toBe(201);
    const v = r.json() as DecisionView;
    expect(v.decision).toMatchObject({
      case_id: c.caseId,
      decision: 'Refund',
      policy: { id: 'refunds', version: 3 },
      outputs: { Outcome: 'refund', 'Refund percent': 100 },
      matched: [
        { decision: 'Refund', rule: 5, annotations: ['Within 30 days and still as new: full refund'] },
      ],
      approval_state: 'none',
      approver_role: null,
      amount_minor: 4999,
      currency: 'GBP',
      supplied_facts: ['Item condition'],
    });
    // The facts as gathered (case, customer, order, decider) plus the supplied one, exactly.
    expect(v.decision.facts).toEqual({
      'Case kind': 'refund request',
      Channel: 'email',
      Priority: 'normal',
      'Customer tier': 'standard',
      'Lifetime value': 149.99,
      'Order amount': 49.99,
      'Days since delivery': 10,
      'Months since purchase': 0,
      'Product category': 'cookware',
      'Staff role': 'agent',
      Team: 'customer care',
      'Item condition': 'unopened',
    });
    expect(v.decision.authority).toMatchObject({
      may_grant_alone: true,
      rule: 1,
      policy: { id: 'authority', version: 2 },
    });
    expect(v.explanation).toMatchObject({
      policy: { id: 'refunds', version: 3 },
      section: { policy: 'refunds', section: 'Refund' },
      rule: 5,
      annotations: ['Within 30 days and still as new: full refund'],
      authority: { may_grant_alone: true, annotations: ['Agents settle in-policy remedies up to £150'] },
    });
    expect(v.approval).toBeNull();

    // Replaying the stored facts on the charter in force gives the same outcome.
    const { charter } = await charterInForce(s.store.db, s.orgs.a.orgId, '2026-11-23');
    expect(charter.evaluate('Refund', v.decision.facts).value).toEqual(v.decision.outputs);

    const entries = await s.store.db
      .selectFrom('timeline_entries')
      .selectAll()
      .where('org_id', '=', s.orgs.a.orgId)
      .where('case_id', '=', c.caseId)
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'decision', visibility: 'internal', seq: 1 });
    expect(entries[0]?.body).toContain('Within 30 days and still as new: full refund');
    expect(entries[0]?.body).toContain('£49.99');
    const audit = await s.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('org_id', '=', s.orgs.a.orgId)
      .where('entity_id', '=', v.decision.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['decision.created']);

    const got = await (await s.caller('auditor')).request({
      method: 'GET',
      url: `/api/decisions/${v.decision.id}`,
    });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(v);
    const list = await (await s.caller('agent')).request({
      method: 'GET',
      url: `/api/cases/${c.caseId}/decisions`,
    });
    expect(list.json()).toMatchObject({ items: [{ decision: { id: v.decision.id } }], next_cursor: null });
  });

  it('rounds a percentage refund half-even once, from the exact order total', async () => {
    // 75% of £49.99 is £37.4925 → £37.49; gold members get it as a refund.
    const c = await refundCase('a', 4999, { tier: 'gold' });
    const r = await decide('agent', c.caseId, { decision: 'refund', facts: { 'Item condition': 'used' } });
    expect(r.json().decision).toMatchObject({
      decision: 'Refund',
      outputs: { Outcome: 'refund', 'Refund percent': 75 },
      amount_minor: 3749,
    });
  });

  it("sends an agent's refund over their authority to the approver the policy names", async () => {
    const c = await refundCase('a', 30_000);
    const r = await decide('agent', c.caseId, { decision: 'Refund', facts: { 'Item condition': 'faulty' } });
    expect(r.statusCode).toBe(201);
    const v = r.json() as DecisionView;
    expect(v.decision).toMatchObject({
      approval_state: 'pending',
      approver_role: 'manager',
      amount_minor: 30_000,
    });
    expect(v.decision.authority).toMatchObject({ may_grant_alone: false, approver: 'team lead', rule: 9 });
    expect(v.explanation.authority).toMatchObject({
      section: { policy: 'authority', section: 'Grant authority' },
      annotations: ["Above the agent's limit but within a team lead's"],
    });
    expect(v.approval).toMatchObject({
      state: 'pending',
      approver_role: 'manager',
      requested_by: s.orgs.a.users.agent,
    });
    const body = await s.store.db
      .selectFrom('timeline_entries')
      .select('body')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    expect(body.body).toContain('Needs approval by a team lead');
  });

  it('uses the charter in force on the local date of the decision', async () => {
    await publishVariant(
      s.store,
      s.orgs.a.orgId,
      s.clock.now,
      'refunds.md',
      { policy: 'refunds', version: 4, effective: '2026-12-01' },
      (t) =>
        t.replace('Within 30 days and still as new: full refund', 'As new within 30 days: full refund (v4)'),
    );
    const c = await refundCase();
    const before = await decide('agent', c.caseId, {
      decision: 'Refund',
      facts: { 'Item condition': 'opened' },
    });
    expect(before.json().decision.policy).toEqual({ id: 'refunds', version: 3 });
    const saved = s.clock.now;
    // 00:30 on 1 December in London (GMT) is the first day of the new version.
    s.clock.now = Date.parse('2026-12-01T00:30:00Z');
    try {
      // Sessions last hours; an API token carries the agent across the week.
      const after = await (await s.caller('agent')).withToken({
        method: 'POST',
        url: `/api/cases/${c.caseId}/decisions`,
        payload: { decision: 'Refund', facts: { 'Item condition': 'opened', 'Days since delivery': 5 } },
      });
      expect(after.statusCode, after.body).toBe(201);
      expect(after.json().decision.policy).toEqual({ id: 'refunds', version: 4 });
      expect(after.json().explanation.annotations).toEqual(['As new within 30 days: full refund (v4)']);
    } finally {
      s.clock.now = saved;
    }
    // The first decision still explains itself by the version it was made with.
    const first = await (await s.caller('agent')).request({
      method: 'GET',
      url: `/api/decisions/${before.json().decision.id}`,
    });
    expect(first.json().explanation.annotations).toEqual(['Within 30 days and still as new: full refund']);
  });

  it('answers the same decision again for a repeated Idempotency-Key, and 409 for another body', async () => {
    const c = await refundCase();
    const payload = { decision: 'Refund', facts: { 'Item condition': 'opened' } };
    const headers = { 'idempotency-key': `k-${c.caseId}` };
    const one = await decide('agent', c.caseId, payload, 'a', headers);
    const two = await decide('agent', c.caseId, payload, 'a', headers);
    expect(one.statusCode).toBe(201);
    expect(two.statusCode).toBe(201);
    expect(two.json()).toEqual(one.json());
    const rows = await s.store.db
      .selectFrom('decisions')
      .select('id')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('case_id', '=', c.caseId)
      .execute();
    expect(rows).toHaveLength(1);
    const other = await decide(
      'agent',
      c.caseId,
      { ...payload, facts: { 'Item condition': 'used' } },
      'a',
      headers,
    );
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('idempotency-conflict');
  });

  it('refuses bad input with the field at fault', async () => {
    const c = await refundCase();
    const cases: [object, string][] = [
      [{}, 'body.decision'],
      [{ decision: '' }, 'body.decision'],
      [{ decision: 'Refnud' }, 'body.decision'],
      [{ decision: 'Refund', facts: { 'Item conditon': 'opened' } }, 'body.facts.Item conditon'],
      [{ decision: 'Refund', facts: { 'Item condition': 'broken' } }, 'body.facts.Item condition'],
      [{ decision: 'Refund', facts: { 'Days since delivery': 'ten' } }, 'body.facts.Days since delivery'],
      [{ decision: 'Refund', facts: { 'Staff role': 'manager' } }, 'body.facts.Staff role'],
      [{ decision: 'Refund', facts: 'opened' }, 'body.facts'],
    ];
    for (const [payload, path] of cases) {
      const r = await decide('agent', c.caseId, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect((r.json().errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
    // A refund with no order to take the amount from.
    const bare = await seedCase(s.store, s.orgs.a.orgId, s.clock.now, { orders: [] });
    const noOrder = await decide('agent', bare.caseId, {
      decision: 'Refund',
      facts: { 'Item condition': 'faulty', 'Days since delivery': 3 },
    });
    expect(noOrder.statusCode).toBe(400);
    expect(noOrder.json().errors[0].path).toBe('body.order_id');
    const unknownCase = await decide('agent', '0190aaaa-0000-7000-8000-000000000000', { decision: 'Refund' });
    expect(unknownCase.statusCode).toBe(404);
    const unknownOrder = await decide('agent', c.caseId, { decision: 'Refund', order_id: 'nope' });
    expect(unknownOrder.statusCode).toBe(404);
    // Another customer's order, named on this customer's case.
    const other = await refundCase();
    const notTheirs = await decide('agent', c.caseId, {
      decision: 'Refund',
      facts: { 'Item condition': 'unopened' },
      order_id: other.orderIds[0],
    });
    expect(notTheirs.statusCode).toBe(400);
    expect(notTheirs.json().errors[0].path).toBe('body.order_id');
    const nothing = await s.store.db
      .selectFrom('decisions')
      .select('id')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('case_id', '=', c.caseId)
      .execute();
    expect(nothing).toHaveLength(0);
  });

  it("keeps organisations apart: org b cannot decide on or read org a's decisions", async () => {
    const c = await refundCase();
    const mine = await decide('agent', c.caseId, {
      decision: 'Refund',
      facts: { 'Item condition': 'opened' },
    });
    const id = (mine.json() as DecisionView).decision.id;
    for (const role of ['agent', 'manager', 'admin'] as const) {
      const r = await decide(
        role,
        c.caseId,
        { decision: 'Refund', facts: { 'Item condition': 'opened' } },
        'b',
      );
      expect(r.statusCode).toBe(404);
    }
    const b = await s.caller('admin', 'b');
    expect((await b.request({ method: 'GET', url: `/api/decisions/${id}` })).statusCode).toBe(404);
    expect((await b.request({ method: 'GET', url: `/api/cases/${c.caseId}/decisions` })).statusCode).toBe(
      404,
    );
    // An order of org a named on org b's own case is unknown there too.
    const own = await refundCase('b');
    const cross = await decide('agent', own.caseId, { decision: 'Refund', order_id: c.orderIds[0] }, 'b');
    expect(cross.statusCode).toBe(404);
  });

  it('lets writers decide and every staff role read (route × role)', async () => {
    const c = await refundCase();
    const expected: Record<string, number> = { admin: 201, manager: 201, agent: 201, auditor: 403 };
    for (const role of ROLES) {
      const r = await decide(role, c.caseId, { decision: 'Refund', facts: { 'Item condition': 'opened' } });
      expect(r.statusCode, role).toBe(expected[role]);
      const caller = await s.caller(role);
      expect(
        (await caller.request({ method: 'GET', url: `/api/cases/${c.caseId}/decisions` })).statusCode,
        role,
      ).toBe(200);
    }
    const anon = await s.anonymous({ method: 'GET', url: `/api/cases/${c.caseId}/decisions` });
    expect(anon.statusCode).toBe(401);
  });

  it("pages through a case's decisions with a cursor", async () => {
    const c = await refundCase();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      s.clock.now += 1000;
      const r = await decide('agent', c.caseId, {
        decision: 'Refund',
        facts: { 'Item condition': 'opened' },
      });
      ids.push(r.json().decision.id);
    }
    const agent = await s.caller('agent');
    const p1 = (
      await agent.request({ method: 'GET', url: `/api/cases/${c.caseId}/decisions?limit=2` })
    ).json();
    expect(p1.items.map((i: DecisionView) => i.decision.id)).toEqual(ids.slice(0, 2));
    const p2 = (
      await agent.request({
        method: 'GET',
        url: `/api/cases/${c.caseId}/decisions?limit=2&cursor=${p1.next_cursor}`,
      })
    ).json();
    expect(p2).toMatchObject({ items: [{ decision: { id: ids[2] } }], next_cursor: null });
    const bad = await agent.request({
      method: 'GET',
      url: `/api/cases/${c.caseId}/decisions?cursor=garbage`,
    });
    expect(bad.statusCode).toBe(400);
  });
});
