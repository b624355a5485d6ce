import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { ROLES, startTestServer, type TestServer } from '../../../../test/http.ts';
import { publishVariant, seedCase } from '../../../decisions/test-support.ts';

const DAY = 86_400_000;

interface Entry {
  decision: string;
  policy: { id: string; title: string; version: number; audience: string };
  section: string;
  facts: { name: string; type: string; values: string | null; source: string }[];
  requires: string[];
  grants: boolean;
  rules: {
    number: number;
    inputs: { name: string; test: string }[];
    outputs: { name: string; value: string }[];
    annotations: string[];
  }[];
}

interface Preview {
  decision: string;
  policy: { id: string; version: number };
  facts: Record<string, unknown>;
  supplied: string[];
  missing: string[];
  value: unknown;
  rule: number | null;
  annotations: string[];
  rule_text: Entry['rules'][number] | null;
  grant: { outcome: string; amount_minor: number; currency: string } | null;
  grant_problem: string | null;
  authority: { may_grant_alone: boolean; approver: string | null; approver_role: string | null } | null;
}

describe.each(ENGINES)('desk decision routes: catalogue and preview on %s', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
    // Organisation B words its refund rule differently: catalogues must not mix.
    await publishVariant(
      s.store,
      s.orgs.b.orgId,
      s.clock.now,
      'refunds.md',
      { policy: 'refunds', version: 9, effective: '2026-11-01' },
      (t) => t.replace('Within 30 days and still as new: full refund', 'Org B: as new within a month'),
    );
  }, 60_000);
  afterAll(() => s.close());

  const catalogue = async (role: (typeof ROLES)[number], org: 'a' | 'b' = 'a') =>
    (await s.caller(role, org)).request({ method: 'GET', url: '/api/decisions/catalogue' });

  const refundCase = (totalMinor: number) =>
    seedCase(s.store, s.orgs.a.orgId, s.clock.now, {
      orders: [{ totalMinor, placedAt: s.clock.now - 14 * DAY, deliveredAt: s.clock.now - 10 * DAY }],
    });

  const preview = async (
    role: (typeof ROLES)[number],
    caseId: string,
    payload: object,
    org: 'a' | 'b' = 'a',
  ) =>
    (await s.caller(role, org)).request({
      method: 'POST',
      url: `/api/cases/${caseId}/decisions/preview`,
      payload,
    });

  it('lists the decisions the charter offers, where they live, the facts they need and their rules', async () => {
    const r = await catalogue('agent');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as Entry[];
    const names = items.map((i) => i.decision);
    expect(names).toEqual(
      expect.arrayContaining(['Refund', 'Return shipping', 'Goodwill', 'Grant authority']),
    );
    expect(names).not.toContain('Loyalty exception'); // feeds Refund; not offered on its own
    const refund = items.find((i) => i.decision === 'Refund');
    expect(refund?.policy).toEqual({
      id: 'refunds',
      title: 'Returns and refunds',
      version: 3,
      audience: 'public',
    });
    expect(refund?.section).toBe('Refund');
    expect(refund?.grants).toBe(true);
    expect(refund?.requires).toEqual(['Loyalty exception']);
    const facts = Object.fromEntries((refund?.facts ?? []).map((f) => [f.name, f]));
    expect(facts['Days since delivery']).toMatchObject({ type: 'number', source: 'order' });
    expect(facts['Item condition']).toMatchObject({ type: 'string', source: 'agent' });
    expect(facts['Item condition']?.values).toContain('"unopened"');
    expect(facts['Customer tier']).toMatchObject({ source: 'customer' });
    expect(facts['Lifetime value']).toMatchObject({ source: 'customer' }); // read by Loyalty exception
    const rule5 = refund?.rules.find((x) => x.number === 5);
    expect(rule5?.annotations).toEqual(['Within 30 days and still as new: full refund']);
    expect(rule5?.inputs[0]).toEqual({ name: 'Days since delivery', test: '<= 30' });
    expect(rule5?.outputs).toEqual([
      { name: 'Outcome', value: '"refund"' },
      { name: 'Refund percent', value: '100' },
    ]);
    const b = (await catalogue('agent', 'b')).json().items as Entry[];
    const bRefund = b.find((i) => i.decision === 'Refund');
    expect(bRefund?.policy.version).toBe(9);
    expect(bRefund?.rules.find((x) => x.number === 5)?.annotations).toEqual(['Org B: as new within a month']);
    expect(JSON.stringify(items)).not.toContain('Org B');
  });

  it('answers the catalogue to every staff role and no one else', async () => {
    for (const role of ROLES) expect((await catalogue(role)).statusCode).toBe(200);
    expect((await s.anonymous({ method: 'GET', url: '/api/decisions/catalogue' })).statusCode).toBe(401);
  });

  it('previews a refund over the agent limit: rule in the policy words, who approves, nothing recorded', async () => {
    const c = await refundCase(30_000);
    const count = async (table: 'decisions' | 'approvals' | 'timeline_entries' | 'audit_log') =>
      (
        await s.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('org_id', '=', s.orgs.a.orgId)
          .executeTakeFirstOrThrow()
      ).n;
    const before = await Promise.all([
      count('decisions'),
      count('approvals'),
      count('timeline_entries'),
      count('audit_log'),
    ]);
    const r = await preview('agent', c.caseId, {
      decision: 'refund',
      facts: { 'Item condition': 'unopened' },
    });
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json() as Preview;
    expect(p).toMatchObject({
      decision: 'Refund',
      policy: { id: 'refunds', version: 3 },
      value: { Outcome: 'refund', 'Refund percent': 100 },
      rule: 5,
      annotations: ['Within 30 days and still as new: full refund'],
      supplied: ['Item condition'],
      grant: { outcome: 'refund', amount_minor: 30_000, currency: 'GBP' },
      grant_problem: null,
      authority: { may_grant_alone: false, approver: 'team lead', approver_role: 'manager' },
    });
    expect(p.facts).toMatchObject({ 'Days since delivery': 10, 'Order amount': 300, 'Staff role': 'agent' });
    expect(p.rule_text?.number).toBe(5);
    expect(p.missing).toEqual([]);
    expect(
      await Promise.all([
        count('decisions'),
        count('approvals'),
        count('timeline_entries'),
        count('audit_log'),
      ]),
    ).toEqual(before);
    const mine = (
      await preview('manager', c.caseId, { decision: 'Refund', facts: { 'Item condition': 'unopened' } })
    ).json() as Preview;
    expect(mine.authority).toMatchObject({ may_grant_alone: true, approver: null });
  });

  it('lists the facts still missing and says when no amount can be worked out', async () => {
    const c = await seedCase(s.store, s.orgs.a.orgId, s.clock.now, {});
    const p = (await preview('agent', c.caseId, { decision: 'Refund' })).json() as Preview;
    expect(p.missing).toEqual(
      expect.arrayContaining(['Days since delivery', 'Item condition', 'Product category']),
    );
    expect(p.missing).not.toContain('Customer tier');
    const damaged = (
      await preview('agent', c.caseId, {
        decision: 'Refund',
        facts: { 'Days since delivery': 3, 'Item condition': 'damaged in transit' },
      })
    ).json() as Preview;
    expect(damaged.value).toMatchObject({ Outcome: 'refund' });
    expect(damaged.grant).toBeNull();
    expect(damaged.grant_problem).toMatch(/not known/);
    const supplied = (
      await preview('agent', c.caseId, {
        decision: 'Refund',
        facts: { 'Days since delivery': 3, 'Item condition': 'damaged in transit', 'Order amount': 240 },
      })
    ).json() as Preview;
    expect(supplied.grant).toMatchObject({ amount_minor: 24_000 });
    expect(supplied.authority).toMatchObject({ approver: 'team lead' });
  });

  it('allows writers, refuses auditors and the anonymous, and keeps organisations apart', async () => {
    const c = await refundCase(5000);
    const body = { decision: 'Refund', facts: { 'Item condition': 'opened' } };
    for (const role of ROLES)
      expect((await preview(role, c.caseId, body)).statusCode, role).toBe(role === 'auditor' ? 403 : 200);
    expect(
      (await s.anonymous({ method: 'POST', url: `/api/cases/${c.caseId}/decisions/preview`, payload: body }))
        .statusCode,
    ).toBe(401);
    expect((await preview('admin', c.caseId, body, 'b')).statusCode).toBe(404);
  });

  it('refuses bad input with field paths', async () => {
    const c = await refundCase(5000);
    const paths = async (payload: object) => {
      const r = await preview('agent', c.caseId, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      return (r.json().errors as { path: string }[]).map((e) => e.path);
    };
    expect(await paths({ decision: 'Teleport' })).toContain('body.decision');
    expect(await paths({ decision: 'Refund', facts: { 'Item condition': 'broken' } })).toContain(
      'body.facts.Item condition',
    );
    expect(await paths({ decision: 'Refund', facts: { 'Staff role': 'manager' } })).toContain(
      'body.facts.Staff role',
    );
    expect(await paths({ decision: 'Refund', facts: { Mood: 'cross' } })).toContain('body.facts.Mood');
    expect(await paths({})).toContain('body.decision');
    const missing = await preview('agent', 'no-such-case', { decision: 'Refund' });
    expect(missing.statusCode).toBe(404);
  });
});
