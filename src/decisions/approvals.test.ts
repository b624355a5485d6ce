import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/databases.ts';
import { ROLES, startTestServer, type TestServer } from '../../test/http.ts';
import type { DecisionView, InboxItem } from './index.ts';
import { adjustBudget, seedCase } from './test-support.ts';

const DAY = 86_400_000;
const PERIOD = '2026-11';
const TEAM_POT = 'goodwill:team:customer care';

describe.each(ENGINES)('approvals and budgets on %s', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(() => s.close());

  const orderCase = (totalMinor: number, extra: { category?: string; kind?: 'complaint' } = {}) =>
    seedCase(s.store, s.orgs.a.orgId, s.clock.now, {
      ...extra,
      orders: [{ totalMinor, placedAt: s.clock.now - 14 * DAY, deliveredAt: s.clock.now - 10 * DAY }],
    });

  const decide = async (role: 'agent' | 'manager' | 'admin', caseId: string, payload: object) => {
    const r = await (await s.caller(role)).request({
      method: 'POST',
      url: `/api/cases/${caseId}/decisions`,
      payload,
    });
    if (r.statusCode !== 201) throw new Error(r.body);
    return r.json() as DecisionView;
  };
  /** An agent's refund of £300: above an agent's £150, so a team lead (a manager here) approves. */
  const pendingRefund = async () => {
    const c = await orderCase(30_000);
    return {
      c,
      v: await decide('agent', c.caseId, { decision: 'Refund', facts: { 'Item condition': 'faulty' } }),
    };
  };
  /** An agent's £30 goodwill (serious staff conduct): above an agent's £25. */
  const pendingGoodwill = async () => {
    const c = await orderCase(5000, { kind: 'complaint', category: 'staff conduct' });
    return {
      c,
      v: await decide('agent', c.caseId, {
        decision: 'Goodwill',
        facts: { 'Complaint severity': 'serious' },
      }),
    };
  };
  const answer = async (
    role: (typeof ROLES)[number],
    id: string,
    verb: 'approve' | 'deny',
    payload: object = {},
    org: 'a' | 'b' = 'a',
  ) => (await s.caller(role, org)).request({ method: 'POST', url: `/api/approvals/${id}/${verb}`, payload });
  const ledger = (decisionId: string) =>
    s.store.db
      .selectFrom('budget_entries')
      .selectAll()
      .where('org_id', '=', s.orgs.a.orgId)
      .where('decision_id', '=', decisionId)
      .execute();
  const budgets = async () =>
    (await (await s.caller('manager')).request({ method: 'GET', url: '/api/budgets' })).json() as {
      period: string;
      items: {
        budget_key: string;
        limit_minor: number;
        spent_minor: number;
        left_minor: number;
        holder: unknown;
      }[];
    };

  it('lists the pending approval for the manager, who approves it: timeline and audit follow', async () => {
    const { c, v } = await pendingRefund();
    const approvalId = v.approval?.id as string;
    const inbox = await (await s.caller('manager')).request({
      method: 'GET',
      url: '/api/approvals?state=pending',
    });
    expect(inbox.statusCode).toBe(200);
    const item = (inbox.json().items as InboxItem[]).find((i) => i.id === approvalId);
    expect(item).toMatchObject({
      case_number: c.number,
      decision: 'Refund',
      outcome: 'refund',
      amount_minor: 30_000,
      currency: 'GBP',
      requested_by_user: { id: s.orgs.a.users.agent, name: 'agent a' },
      can_decide: true,
      budget: null,
    });
    const r = await answer('manager', approvalId, 'approve', { reason: 'Faulty on arrival, photos seen' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      decision: { id: v.decision.id, approval_state: 'approved' },
      approval: {
        state: 'approved',
        decided_by: s.orgs.a.users.manager,
        reason: 'Faulty on arrival, photos seen',
      },
      budget: null,
    });
    const got = await (await s.caller('agent')).request({
      method: 'GET',
      url: `/api/decisions/${v.decision.id}`,
    });
    expect(got.json()).toMatchObject({
      decision: { approval_state: 'approved' },
      approval: { state: 'approved' },
    });
    const entries = await s.store.db
      .selectFrom('timeline_entries')
      .select(['kind', 'body', 'seq'])
      .where('org_id', '=', s.orgs.a.orgId)
      .where('case_id', '=', c.caseId)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.kind)).toEqual(['decision', 'approval']);
    expect(entries[1]?.body).toContain('approved: Faulty on arrival, photos seen');
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('entity_id', '=', approvalId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['approval.requested', 'approval.approved']);
    // A refund is not goodwill: no budget moves.
    expect(await ledger(v.decision.id)).toHaveLength(0);
    // Answered once: a second answer conflicts.
    expect((await answer('admin', approvalId, 'approve')).statusCode).toBe(409);
    expect((await answer('admin', approvalId, 'deny', { reason: 'late' })).statusCode).toBe(409);
    const after = await (await s.caller('manager')).request({ method: 'GET', url: '/api/approvals' });
    expect((after.json().items as InboxItem[]).some((i) => i.id === approvalId)).toBe(false);
  });

  it('never lets the requester answer their own request', async () => {
    // An admin's refund of £2,500 is above every desk limit: the head of service (an admin) decides.
    const c = await orderCase(250_000);
    const v = await decide('admin', c.caseId, { decision: 'Refund', facts: { 'Item condition': 'faulty' } });
    expect(v.decision).toMatchObject({ approval_state: 'pending', approver_role: 'admin' });
    expect(v.decision.authority?.approver).toBe('head of service');
    const id = v.approval?.id as string;
    const own = await answer('admin', id, 'approve');
    expect(own.statusCode).toBe(403);
    // Its inbox shows it, but not as the admin's to decide.
    const inbox = await (await s.caller('admin')).request({ method: 'GET', url: '/api/approvals' });
    expect((inbox.json().items as InboxItem[]).find((i) => i.id === id)).toMatchObject({ can_decide: false });
    // A manager is below the approver the policy names.
    expect((await answer('manager', id, 'approve')).statusCode).toBe(403);
    const managerInbox = await (await s.caller('manager')).request({ method: 'GET', url: '/api/approvals' });
    expect((managerInbox.json().items as InboxItem[]).some((i) => i.id === id)).toBe(false);
    const row = await s.store.db
      .selectFrom('approvals')
      .select('state')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('pending');
  });

  it('denies only with a reason', async () => {
    const { v } = await pendingRefund();
    const id = v.approval?.id as string;
    for (const payload of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(2001) }]) {
      const r = await answer('manager', id, 'deny', payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().errors[0].path).toBe('body.reason');
    }
    const r = await answer('manager', id, 'deny', { reason: 'Outside the return window; offer a repair' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ decision: { approval_state: 'denied' }, approval: { state: 'denied' } });
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['approval.requested', 'approval.denied']);
    expect((await answer('manager', 'no-such-approval', 'approve')).statusCode).toBe(404);
  });

  it("debits the approver's goodwill budget on approval, and lists it", async () => {
    const { v } = await pendingGoodwill();
    expect(v.decision).toMatchObject({
      outputs: { Gesture: 'store credit', 'Goodwill amount': 30 },
      amount_minor: 3000,
      approval_state: 'pending',
    });
    const before = (await budgets()).items.find((b) => b.budget_key === TEAM_POT);
    expect(before).toMatchObject({ limit_minor: 250_000, holder: { type: 'team', name: 'customer care' } });
    const inbox = await (await s.caller('manager')).request({ method: 'GET', url: '/api/approvals' });
    const item = (inbox.json().items as InboxItem[]).find((i) => i.id === v.approval?.id);
    expect(item?.budget).toMatchObject({
      budget_key: TEAM_POT,
      period: PERIOD,
      left_minor: before?.left_minor,
    });
    const r = await answer('manager', v.approval?.id as string, 'approve');
    expect(r.statusCode).toBe(200);
    expect(r.json().budget).toMatchObject({
      budget_key: TEAM_POT,
      spent_minor: (before?.spent_minor ?? 0) + 3000,
    });
    expect(await ledger(v.decision.id)).toMatchObject([
      { budget_key: TEAM_POT, period: PERIOD, amount_minor: -3000 },
    ]);
    const after = (await budgets()).items.find((b) => b.budget_key === TEAM_POT);
    expect(after?.left_minor).toBe((before?.left_minor ?? 0) - 3000);
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('action', '=', 'budget.debited')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it("debits the agent's own allowance when they grant goodwill alone", async () => {
    const c = await orderCase(5000, { kind: 'complaint', category: 'damaged item' });
    const v = await decide('agent', c.caseId, {
      decision: 'Goodwill',
      facts: { 'Complaint severity': 'moderate' },
    });
    expect(v.decision).toMatchObject({
      outputs: { Gesture: 'discount code', 'Goodwill amount': 10 },
      amount_minor: 1000,
      approval_state: 'none',
    });
    const key = `goodwill:user:${s.orgs.a.users.agent}`;
    expect(await ledger(v.decision.id)).toMatchObject([{ budget_key: key, amount_minor: -1000 }]);
    expect((await budgets()).items.find((b) => b.budget_key === key)).toMatchObject({
      limit_minor: 15_000,
      spent_minor: 1000,
      left_minor: 14_000,
    });
    // An apology grants nothing and touches no budget.
    const minor = await decide('agent', c.caseId, {
      decision: 'Goodwill',
      facts: { 'Complaint severity': 'minor' },
    });
    expect(minor.decision).toMatchObject({ amount_minor: null, approval_state: 'none', authority: null });
  });

  it('refuses goodwill when the budget is exhausted, writing nothing', async () => {
    // The agent's allowance: leave £5 of £150, then ask for £10 alone.
    const key = `goodwill:user:${s.orgs.a.users.agent}`;
    const left = (await budgets()).items.find((b) => b.budget_key === key)?.left_minor ?? 0;
    await adjustBudget(s.store, s.orgs.a.orgId, s.clock.now, key, PERIOD, -(left - 500));
    const c = await orderCase(5000, { kind: 'complaint', category: 'damaged item' });
    const r = await (await s.caller('agent')).request({
      method: 'POST',
      url: `/api/cases/${c.caseId}/decisions`,
      payload: { decision: 'Goodwill', facts: { 'Complaint severity': 'moderate' } },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('budget-exhausted');
    const none = await s.store.db
      .selectFrom('decisions')
      .select('id')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('case_id', '=', c.caseId)
      .execute();
    expect(none).toHaveLength(0);

    // The team pot: leave £20 and approve £30.
    const { v } = await pendingGoodwill();
    const potLeft = (await budgets()).items.find((b) => b.budget_key === TEAM_POT)?.left_minor ?? 0;
    await adjustBudget(s.store, s.orgs.a.orgId, s.clock.now, TEAM_POT, PERIOD, -(potLeft - 2000));
    const refused = await answer('manager', v.approval?.id as string, 'approve');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('budget-exhausted');
    expect(await ledger(v.decision.id)).toHaveLength(0);
    const row = await s.store.db
      .selectFrom('approvals')
      .select('state')
      .where('org_id', '=', s.orgs.a.orgId)
      .where('id', '=', v.approval?.id as string)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('pending');
    // Budgets reset monthly: in December the same approval goes through (via a token: sessions expire).
    const saved = s.clock.now;
    s.clock.now = Date.parse('2026-12-02T09:00:00Z');
    try {
      const manager = await s.caller('manager');
      const ok = await manager.withToken({
        method: 'POST',
        url: `/api/approvals/${v.approval?.id}/approve`,
        payload: {},
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().budget).toMatchObject({ period: '2026-12', spent_minor: 3000 });
    } finally {
      s.clock.now = saved;
    }
  });

  it("keeps organisations apart: org b cannot see or answer org a's approvals", async () => {
    const { v } = await pendingRefund();
    const id = v.approval?.id as string;
    for (const verb of ['approve', 'deny'] as const)
      expect((await answer('manager', id, verb, { reason: 'no' }, 'b')).statusCode).toBe(404);
    const inbox = await (await s.caller('admin', 'b')).request({ method: 'GET', url: '/api/approvals' });
    expect((inbox.json().items as InboxItem[]).some((i) => i.id === id)).toBe(false);
    const b = (await (await s.caller('manager', 'b')).request({ method: 'GET', url: '/api/budgets' })).json();
    expect(b.items.every((i: { spent_minor: number }) => i.spent_minor === 0)).toBe(true);
  });

  it('routes × roles: managers answer, auditors read, agents neither', async () => {
    const { v } = await pendingRefund();
    const id = v.approval?.id as string;
    const reads: Record<string, number> = { admin: 200, manager: 200, auditor: 200, agent: 403 };
    for (const role of ROLES) {
      const caller = await s.caller(role);
      expect((await caller.request({ method: 'GET', url: '/api/approvals' })).statusCode, role).toBe(
        reads[role],
      );
      expect((await caller.request({ method: 'GET', url: '/api/budgets' })).statusCode, role).toBe(
        reads[role],
      );
    }
    const auditorInbox = await (await s.caller('auditor')).request({ method: 'GET', url: '/api/approvals' });
    expect((auditorInbox.json().items as InboxItem[]).find((i) => i.id === id)).toMatchObject({
      can_decide: false,
    });
    for (const role of ['agent', 'auditor'] as const) {
      expect((await answer(role, id, 'approve')).statusCode, role).toBe(403);
      expect((await answer(role, id, 'deny', { reason: 'no' })).statusCode, role).toBe(403);
    }
    expect((await answer('admin', id, 'approve')).statusCode).toBe(200);
    const bad = await (await s.caller('manager')).request({
      method: 'GET',
      url: '/api/approvals?state=maybe',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.state');
    const badPeriod = await (await s.caller('manager')).request({
      method: 'GET',
      url: '/api/budgets?period=2026-13',
    });
    expect(badPeriod.statusCode).toBe(400);
    const approved = await (await s.caller('auditor')).request({
      method: 'GET',
      url: '/api/approvals?state=approved',
    });
    expect((approved.json().items as InboxItem[]).some((i) => i.id === id)).toBe(true);
  });
});
