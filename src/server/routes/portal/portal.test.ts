import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { type Caller, startTestServer, type TestServer } from '../../../../test/http.ts';
import { buildApp } from '../../app.ts';

interface Filed {
  case: {
    number: number;
    kind: string;
    subject: string;
    status: string;
    channel: string;
    order_number: string | null;
  };
  notice: string | null;
  deadlines: { metric: string; due_at: string; duration: string; calendar: string; paused: boolean }[];
  follow_url: string;
}

interface Followed {
  org: { slug: string; name: string; time_zone: string };
  case: { number: number; status: string; subject: string; order_number: string | null };
  deadlines: { metric: string; due_at: string }[];
  can_reply: boolean;
  items: (
    | {
        type: 'message';
        from: 'customer' | 'staff';
        author: string | null;
        body: string;
        corrects: string | null;
      }
    | { type: 'status'; status: string }
    | { type: 'outcome'; text: string; why: string | null }
  )[];
}

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (f: Filed) => f.follow_url.replace('/follow/', '');
const paths = (r: LightMyRequestResponse) => ((r.json() as Problem).errors ?? []).map((e) => e.path);

describe.each(ENGINES)('portal routes on %s', (engine) => {
  let s: TestServer;
  let admin: Caller;
  let address = 0;
  /** Each test files from its own address, so the per-address limit only bites where it is tested. */
  const from = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;
  let ip = '';

  const anon = (opts: InjectOptions) => s.anonymous({ remoteAddress: ip, ...opts });
  const file = async (org: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    anon({ method: 'POST', url: `/api/public/${org}/cases`, payload, headers });
  const fileOk = async (payload: Record<string, unknown>, org = 'a') => {
    const r = await file(org, payload);
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Filed;
  };
  const follow = async (token: string) => anon({ method: 'GET', url: `/api/public/cases/${token}` });
  const followOk = async (token: string) => {
    const r = await follow(token);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Followed;
  };
  const caseRow = (number: number, org: 'a' | 'b' = 'a') =>
    s.store.db
      .selectFrom('cases')
      .selectAll()
      .where('org_id', '=', s.orgs[org].orgId)
      .where('number', '=', number)
      .executeTakeFirstOrThrow();

  let ada: { id: string; order: string };
  let restricted: { order: string };
  let byPost: { order: string };

  async function customerWithOrder(
    name: string,
    email: string,
    number: string,
    extra: Record<string, unknown> = {},
    org: 'a' | 'b' = 'a',
    totalMinor = 12000,
  ) {
    const caller = await s.caller('admin', org);
    const c = await caller.request({
      method: 'POST',
      url: '/api/customers',
      payload: { name, email, ...extra },
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = (c.json() as { id: string }).id;
    const o = await caller.request({
      method: 'POST',
      url: `/api/customers/${id}/orders`,
      payload: {
        number,
        placed_at: '2026-11-10T09:00:00Z',
        delivered_at: '2026-11-18T12:00:00Z',
        currency: 'GBP',
        total_minor: totalMinor,
        items: [
          {
            sku: 'LT-640',
            name: 'Rattan pendant lamp',
            category: 'lighting',
            quantity: 1,
            unit_minor: totalMinor,
          },
        ],
      },
    });
    expect(o.statusCode, o.body).toBe(201);
    return { id, order: number };
  }

  beforeAll(async () => {
    s = await startTestServer(engine);
    admin = await s.caller('admin');
    ada = await customerWithOrder('Ada Lovelace', 'ada@example.com', 'LH-200001');
    restricted = await customerWithOrder('Rex Stone', 'rex@example.com', 'LH-200002', {
      channel_restriction: 'email only',
    });
    byPost = await customerWithOrder('Pat Post', 'pat@example.com', 'LH-200003', {
      channel_restriction: 'post only',
    });
    // The same order number and email in the other organisation: never found through org a.
    await customerWithOrder('Bea Other', 'bea@example.com', 'LH-900001', {}, 'b');
  });
  afterAll(() => s.close());

  it('names the default organisation and any other by slug', async () => {
    ip = from();
    const d = await anon({ method: 'GET', url: '/api/public/org' });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toEqual({ org: { slug: 'a', name: 'Org A', time_zone: 'Europe/London' } });
    const b = await anon({ method: 'GET', url: '/api/public/org?slug=b' });
    expect((b.json() as { org: { slug: string } }).org.slug).toBe('b');
    expect((await anon({ method: 'GET', url: '/api/public/org?slug=nobody' })).statusCode).toBe(404);
    const bad = await anon({ method: 'GET', url: '/api/public/org?slug=Not%20A%20Slug' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['querystring.slug']);
  });

  it('lists the public policies in force, exactly as published, and hides staff ones', async () => {
    ip = from();
    const r = await anon({ method: 'GET', url: '/api/public/a/policies' });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as {
      policies: { policy: string; title: string; version: number; source: string }[];
    };
    const ids = body.policies.map((p) => p.policy);
    expect(ids).toEqual(expect.arrayContaining(['refunds', 'hours', 'response-times', 'complaints']));
    expect(ids).not.toContain('authority');
    expect(ids).not.toContain('incentives');
    const stored = await s.store.db
      .selectFrom('policy_versions')
      .select(['source', 'version'])
      .where('org_id', '=', s.orgs.a.orgId)
      .where('policy_id', '=', 'refunds')
      .where('state', '=', 'published')
      .executeTakeFirstOrThrow();
    const refunds = body.policies.find((p) => p.policy === 'refunds');
    expect(refunds).toMatchObject({
      title: 'Returns and refunds',
      version: stored.version,
      source: stored.source,
    });

    const one = await anon({ method: 'GET', url: '/api/public/a/policies/refunds' });
    expect(one.statusCode).toBe(200);
    expect((one.json() as { policy: { source: string } }).policy.source).toBe(stored.source);
    expect((await anon({ method: 'GET', url: '/api/public/a/policies/authority' })).statusCode).toBe(404);
    expect((await anon({ method: 'GET', url: '/api/public/nobody/policies' })).statusCode).toBe(404);
    const bad = await anon({ method: 'GET', url: '/api/public/a/policies/%3Cscript%3E' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['params.policyId']);
  });

  it('publishes the hours of operation as instants with the company zone', async () => {
    ip = from();
    // The test clock is Monday 23 November 2026, 10:00 UTC (London is on GMT).
    const r = await anon({ method: 'GET', url: '/api/public/a/hours?days=7' });
    expect(r.statusCode, r.body).toBe(200);
    const h = r.json() as {
      time_zone: string;
      from: string;
      calendars: { name: string; open_now: boolean; intervals: { opens: string; closes: string }[] }[];
    };
    expect(h.time_zone).toBe('Europe/London');
    expect(h.from).toBe('2026-11-23T00:00:00.000Z');
    const support = h.calendars.find((c) => c.name === 'Support');
    expect(support?.open_now).toBe(true);
    expect(support?.intervals[0]).toEqual({
      opens: '2026-11-23T08:30:00.000Z',
      closes: '2026-11-23T17:30:00.000Z',
    });
    // Thursday's late evening, Saturday morning, closed on Sunday.
    expect(support?.intervals).toContainEqual({
      opens: '2026-11-26T08:30:00.000Z',
      closes: '2026-11-26T20:00:00.000Z',
    });
    expect(support?.intervals).toContainEqual({
      opens: '2026-11-28T09:00:00.000Z',
      closes: '2026-11-28T13:00:00.000Z',
    });
    expect(support?.intervals.some((i) => i.opens.startsWith('2026-11-29'))).toBe(false);
    expect(support?.intervals).toHaveLength(6);
    const bad = await anon({ method: 'GET', url: '/api/public/a/hours?days=99' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['querystring.days']);
  });

  it('states the response promise from the response-times decision', async () => {
    ip = from();
    const r = await anon({ method: 'GET', url: '/api/public/a/promise' });
    expect(r.statusCode, r.body).toBe(200);
    const p = (r.json() as { promise: { targets: unknown[]; why: string; policy: { id: string } } }).promise;
    expect(p.policy.id).toBe('response-times');
    expect(p.targets).toContainEqual({ metric: 'first_reply', duration: 'PT8H', calendar: 'Support' });
    // The resolution target is there too (its duration text is whatever the policy engine hands the SLA clocks).
    expect(p.targets).toContainEqual(expect.objectContaining({ metric: 'resolution', calendar: 'Support' }));
    expect(p.why).toBe('Written contact: one working day to reply, five to resolve');
  });

  it('files a question: case, first message, promised deadline and a private link stored only as a hash', async () => {
    ip = from();
    const f = await fileOk({
      kind: 'question',
      subject: 'Induction hob?',
      message: 'Is the casserole induction-safe?',
    });
    expect(f.case).toMatchObject({
      kind: 'question',
      status: 'new',
      channel: 'web form',
      order_number: null,
    });
    expect(f.notice).toBeNull();
    // 10:00 Monday + 8 working hours of Support (closes 17:30, reopens 08:30) = 09:00 Tuesday.
    expect(f.deadlines[0]).toMatchObject({
      metric: 'first_reply',
      due_at: '2026-11-24T09:00:00.000Z',
      duration: 'PT8H',
      calendar: 'Support',
    });
    expect(f.follow_url).toMatch(/^\/follow\/[A-Za-z0-9-]+\.[A-Za-z0-9-]+\.[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(f);
    const row = await caseRow(f.case.number);
    expect(row).toMatchObject({ channel: 'web form', customer_id: null, portal_token_hash: sha256(token) });
    const entries = await s.store.db
      .selectFrom('timeline_entries')
      .selectAll()
      .where('org_id', '=', s.orgs.a.orgId)
      .where('case_id', '=', row.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.kind)).toEqual(['status_change', 'message_in']);
    expect(entries[1]).toMatchObject({ body: 'Is the casserole induction-safe?', actor_type: 'customer' });
    // The raw token is nowhere in the database.
    for (const table of ['idempotency_keys', 'audit_log', 'timeline_entries', 'cases'] as const) {
      const rows = await s.store.db.selectFrom(table).selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token.split('.')[2]);
    }
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor_type'])
      .where('org_id', '=', s.orgs.a.orgId)
      .where('entity_id', '=', row.id)
      .execute();
    expect(audit).toContainEqual({ action: 'case.created', actor_type: 'customer' });
  });

  it('files a refund request for an order found by number and email, linking customer and order', async () => {
    ip = from();
    const f = await fileOk({
      kind: 'refund request',
      subject: 'Return the lamp',
      message: 'It is too big for the hall.',
      order_number: ' lh-200001 ',
      email: 'ADA@example.com',
    });
    expect(f.case).toMatchObject({ kind: 'refund request', order_number: 'LH-200001', channel: 'web form' });
    const row = await caseRow(f.case.number);
    expect(row.customer_id).toBe(ada.id);
    expect(row.order_id).not.toBeNull();
    const lookup = await anon({
      method: 'POST',
      url: '/api/public/a/orders/lookup',
      payload: { order_number: ada.order, email: 'ada@example.com' },
    });
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(lookup.json()).toMatchObject({
      order: { number: 'LH-200001', items: [{ name: 'Rattan pendant lamp', quantity: 1 }] },
    });
  });

  it('refuses bad input with the field paths', async () => {
    ip = from();
    const r = await file('a', { kind: 'rant', subject: '', email: 'not-an-email' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(paths(r)).toEqual(
      expect.arrayContaining(['body.kind', 'body.subject', 'body.message', 'body.email']),
    );
    const noOrder = await file('a', { kind: 'refund request', subject: 'Refund', message: 'Please' });
    expect(noOrder.statusCode).toBe(400);
    expect(paths(noOrder)).toEqual(['body.order_number']);
    const half = await file('a', { kind: 'question', subject: 'Q', message: 'Q', order_number: 'LH-200001' });
    expect(paths(half)).toEqual(['body.email']);
    const big = await file('a', { kind: 'question', subject: 'Q', message: 'x'.repeat(5001) });
    expect(paths(big)).toEqual(['body.message']);
  });

  it('never tells which of order number and email was wrong, nor finds another organisation’s order', async () => {
    ip = from();
    const base = { kind: 'refund request', subject: 'Refund', message: 'Please' };
    const wrongEmail = await file('a', { ...base, order_number: ada.order, email: 'someone@example.com' });
    const wrongOrder = await file('a', { ...base, order_number: 'LH-999999', email: 'ada@example.com' });
    const otherOrg = await file('a', { ...base, order_number: 'LH-900001', email: 'bea@example.com' });
    const crossed = await file('b', { ...base, order_number: ada.order, email: 'ada@example.com' });
    for (const r of [wrongEmail, wrongOrder, otherOrg, crossed]) {
      expect(r.statusCode).toBe(400);
      const { instance: _, ...p } = r.json() as Problem & { instance: string };
      expect(p).toEqual({
        type: 'https://charter.example/problems/validation',
        title: 'Invalid request',
        status: 400,
        code: 'validation',
        detail: 'We could not find an order with this number for this email address.',
        errors: [
          {
            path: 'body.order_number',
            message: 'We could not find an order with this number for this email address.',
          },
        ],
      });
    }
    const lookups = await Promise.all(
      [
        { order_number: ada.order, email: 'x@example.com' },
        { order_number: 'LH-0', email: 'ada@example.com' },
      ].map((payload) => anon({ method: 'POST', url: '/api/public/a/orders/lookup', payload })),
    );
    expect(lookups.map((l) => l.statusCode)).toEqual([400, 400]);
    const [first, second] = lookups.map((l) => (l.json() as Problem).detail);
    expect(first).toBe(second);
  });

  it('routes a customer restricted to email to that channel and says so; refuses a restriction the web cannot honour', async () => {
    ip = from();
    const f = await fileOk({
      kind: 'complaint',
      subject: 'Late',
      message: 'Still waiting',
      order_number: restricted.order,
      email: 'rex@example.com',
    });
    expect(f.case.channel).toBe('email');
    expect(f.notice).toMatch(/by email only/);
    const post = await file('a', {
      kind: 'complaint',
      subject: 'Late',
      message: 'Still waiting',
      order_number: byPost.order,
      email: 'pat@example.com',
    });
    expect(post.statusCode).toBe(409);
    expect(post.json()).toMatchObject({ code: 'channel-restricted' });
    expect((post.json() as Problem).detail).toMatch(/by post/);
  });

  it('shows the customer their case without internal notes, calls, approvals or staff surnames', async () => {
    ip = from();
    const f = await fileOk({
      kind: 'refund request',
      subject: 'Lamp refund',
      message: 'Unopened, please refund.',
      order_number: ada.order,
      email: 'ada@example.com',
    });
    const row = await caseRow(f.case.number);
    const agent = await s.caller('agent');
    const staff = async (url: string, payload: Record<string, unknown>) => {
      const r = await agent.request({ method: 'POST', url: `/api/cases/${row.id}${url}`, payload });
      expect(r.statusCode, r.body).toBe(201);
    };
    await staff('/notes', { body: 'INTERNAL: customer sounds annoyed, check fraud list' });
    await staff('/calls', { direction: 'out', duration: 'PT3M', summary: 'CALL: left a voicemail' });
    await staff('/messages', { direction: 'out', body: 'Thanks Ada, we are on it.' });
    await staff('/decisions', { decision: 'Refund', facts: { 'Item condition': 'unopened' } });

    const v = await followOk(tokenOf(f));
    expect(v.case).toMatchObject({
      number: f.case.number,
      subject: 'Lamp refund',
      order_number: 'LH-200001',
    });
    const messages = v.items.filter((i) => i.type === 'message');
    expect(messages).toEqual([
      expect.objectContaining({ from: 'customer', author: null, body: 'Unopened, please refund.' }),
      expect.objectContaining({ from: 'staff', author: 'agent', body: 'Thanks Ada, we are on it.' }),
    ]);
    expect(v.items).toContainEqual(
      expect.objectContaining({
        type: 'outcome',
        text: 'Refund approved: £120.00',
        why: 'Within 30 days and still as new: full refund',
      }),
    );
    const text = JSON.stringify(v);
    for (const secret of [
      'INTERNAL',
      'CALL:',
      'voicemail',
      'agent a',
      'authority',
      'Grant authority',
      row.id,
    ])
      expect(text).not.toContain(secret);
  });

  it('tells the customer a decision is being reviewed, and withdraws it from their view when a manager denies it', async () => {
    ip = from();
    const big = await customerWithOrder('Grace Hopper', 'grace@example.com', 'LH-200004', {}, 'a', 48000);
    const f = await fileOk({
      kind: 'refund request',
      subject: 'Sofa refund',
      message: 'Unopened, please refund.',
      order_number: big.order,
      email: 'grace@example.com',
    });
    const row = await caseRow(f.case.number);
    const agent = await s.caller('agent');
    const d = await agent.request({
      method: 'POST',
      url: `/api/cases/${row.id}/decisions`,
      payload: { decision: 'Refund', facts: { 'Item condition': 'unopened' } },
    });
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json().decision.approval_state).toBe('pending');
    const outcome = async () => (await followOk(tokenOf(f))).items.filter((i) => i.type === 'outcome');
    expect(await outcome()).toEqual([expect.objectContaining({ text: 'Refund: being reviewed', why: null })]);
    const approvals = await (await s.caller('manager')).request({ method: 'GET', url: '/api/approvals' });
    const pending = (approvals.json() as { items: { id: string; decision_id: string }[] }).items;
    const mine = pending.find((p) => p.decision_id === d.json().decision.id);
    expect(mine, approvals.body).toBeDefined();
    const denied = await (await s.caller('manager')).request({
      method: 'POST',
      url: `/api/approvals/${mine?.id}/deny`,
      payload: { reason: 'Outside what we can grant' },
    });
    expect(denied.statusCode, denied.body).toBe(200);
    // A denied decision was never granted: the customer hears what happens next from the agent.
    const view = await followOk(tokenOf(f));
    expect(view.items.filter((i) => i.type === 'outcome')).toEqual([]);
    expect(JSON.stringify(view)).not.toContain('Outside what we can grant');
  });

  it('takes the customer’s reply on the timeline and reopens per the lifecycle; a closed case takes none', async () => {
    ip = from();
    const f = await fileOk({ kind: 'question', subject: 'Delivery', message: 'When?' });
    const row = await caseRow(f.case.number);
    const agent = await s.caller('agent');
    const waiting = await agent.request({
      method: 'PATCH',
      url: `/api/cases/${row.id}`,
      payload: { version: row.version, status: 'waiting on customer' },
    });
    expect(waiting.statusCode, waiting.body).toBe(200);
    const r = await anon({
      method: 'POST',
      url: `/api/public/cases/${tokenOf(f)}`,
      payload: { message: 'Any day this week is fine.' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const v = r.json() as Followed;
    expect(v.case.status).toBe('open');
    expect(v.items.filter((i) => i.type === 'message').map((i) => (i as { body: string }).body)).toEqual([
      'When?',
      'Any day this week is fine.',
    ]);
    const stored = await s.store.db
      .selectFrom('timeline_entries')
      .select(['kind', 'actor_type', 'body'])
      .where('org_id', '=', s.orgs.a.orgId)
      .where('case_id', '=', row.id)
      .where('kind', '=', 'message_in')
      .execute();
    expect(stored).toContainEqual({
      kind: 'message_in',
      actor_type: 'customer',
      body: 'Any day this week is fine.',
    });

    const empty = await anon({
      method: 'POST',
      url: `/api/public/cases/${tokenOf(f)}`,
      payload: { message: ' ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(paths(empty)).toEqual(['body.message']);

    const current = await caseRow(f.case.number);
    const closed = await agent.request({
      method: 'PATCH',
      url: `/api/cases/${row.id}`,
      payload: { version: current.version, status: 'closed' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await followOk(tokenOf(f))).can_reply).toBe(false);
    const refused = await anon({
      method: 'POST',
      url: `/api/public/cases/${tokenOf(f)}`,
      payload: { message: 'One more thing' },
    });
    expect(refused.statusCode).toBe(409);
  });

  it('still opens a link of the older two-part form (organisation id and secret)', async () => {
    ip = from();
    const f = await fileOk({ kind: 'question', subject: 'Filed long ago', message: 'Hello' });
    const [orgId, caseId, secret] = tokenOf(f).split('.') as [string, string, string];
    const legacy = `${orgId}.${secret}`;
    await s.store.db
      .updateTable('cases')
      .set({ portal_token_hash: sha256(legacy) })
      .where('org_id', '=', orgId)
      .where('id', '=', caseId)
      .execute();
    expect((await followOk(legacy)).case.subject).toBe('Filed long ago');
    expect((await follow(tokenOf(f))).statusCode).toBe(404);
    expect((await follow(`${s.orgs.b.orgId}.${secret}`)).statusCode).toBe(404);
  });

  it('answers 404 for a wrong token, another organisation’s id in it, or an erased customer', async () => {
    ip = from();
    const f = await fileOk({
      kind: 'question',
      subject: 'Mine',
      message: 'Hello',
      order_number: ada.order,
      email: 'ada@example.com',
    });
    const token = tokenOf(f);
    const [orgId, caseId, secret] = token.split('.') as [string, string, string];
    expect(orgId).toBe(s.orgs.a.orgId);
    const stored = await s.store.db
      .selectFrom('cases')
      .select('id')
      .where('org_id', '=', orgId)
      .where('number', '=', f.case.number)
      .executeTakeFirstOrThrow();
    expect(caseId).toBe(stored.id);
    const otherCase = tokenOf(await fileOk({ kind: 'question', subject: 'Not mine', message: 'Hi' })).split(
      '.',
    )[1];
    const wrong = [
      `${orgId}.${caseId}.${secret.slice(0, -2)}AA`,
      `${s.orgs.b.orgId}.${caseId}.${secret}`,
      `${orgId}.${otherCase}.${secret}`,
      `${orgId}.${secret}`,
      secret,
      'nothing-here',
      `${orgId}.`,
      `${orgId}..${secret}`,
    ];
    for (const t of wrong) {
      const r = await follow(t);
      expect(r.statusCode, t).toBe(404);
      const reply = await anon({ method: 'POST', url: `/api/public/cases/${t}`, payload: { message: 'hi' } });
      expect(reply.statusCode, t).toBe(404);
    }
    const malformed = await follow('%3Cscript%3E');
    expect(malformed.statusCode).toBe(400);
    expect(paths(malformed)).toEqual(['params.token']);

    // Another organisation's private link never shows org a's data and vice versa.
    const theirs = await fileOk({ kind: 'question', subject: 'Theirs', message: 'In org b' }, 'b');
    const v = await followOk(tokenOf(theirs));
    expect(v.org.slug).toBe('b');
    expect(JSON.stringify(v)).not.toContain('Mine');

    expect((await follow(token)).statusCode).toBe(200);
    const erase = await admin.request({ method: 'POST', url: `/api/customers/${ada.id}/erase`, payload: {} });
    expect(erase.statusCode, erase.body).toBe(200);
    expect((await follow(token)).statusCode).toBe(404);
    // Erased: the email no longer finds the order.
    const again = await file('a', {
      kind: 'question',
      subject: 'Again',
      message: 'Hello',
      order_number: ada.order,
      email: 'ada@example.com',
    });
    expect(again.statusCode).toBe(400);
  });

  it('answers a retried filing once: same case, a fresh link replacing the lost one; another body is a conflict', async () => {
    ip = from();
    const payload = { kind: 'compliment', subject: 'Thanks', message: 'Lovely service from Sam' };
    const headers = { 'idempotency-key': 'portal-test-key-1' };
    const first = await file('a', payload, headers);
    const second = await file('a', payload, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode, second.body).toBe(201);
    const a = first.json() as Filed;
    const b = second.json() as Filed;
    expect(b.case.number).toBe(a.case.number);
    expect(b.deadlines).toEqual(a.deadlines);
    expect(b.follow_url).not.toBe(a.follow_url);
    expect((await follow(tokenOf(a))).statusCode).toBe(404);
    expect((await followOk(tokenOf(b))).case.number).toBe(a.case.number);
    const count = await s.store.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', s.orgs.a.orgId)
      .where('subject', '=', 'Thanks')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const other = await file('a', { ...payload, message: 'Something else' }, headers);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'idempotency-conflict' });
  });

  it('limits filings and order look-ups per address, counting failed look-ups too', async () => {
    ip = from();
    const lookup = () =>
      anon({
        method: 'POST',
        url: '/api/public/a/orders/lookup',
        payload: { order_number: 'LH-1', email: 'guess@example.com' },
      });
    for (let i = 0; i < 10; i++) expect((await lookup()).statusCode).toBe(400);
    const limited = await lookup();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate-limited' });
    const filing = await file('a', { kind: 'question', subject: 'Q', message: 'Q' });
    expect(filing.statusCode).toBe(429);
    // Another address is not affected; the window passes.
    const elsewhere = await s.anonymous({
      method: 'POST',
      url: '/api/public/a/cases',
      remoteAddress: '192.0.2.77',
      payload: { kind: 'question', subject: 'Q', message: 'Q' },
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const saved = s.clock.now;
    s.clock.now += 15 * 60_000;
    try {
      expect((await lookup()).statusCode).toBe(400);
    } finally {
      s.clock.now = saved;
    }
  });

  it('documents every public route in the OpenAPI description, without a sign-in requirement', async () => {
    const r = await s.anonymous({ method: 'GET', url: '/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    for (const [path, method] of [
      ['/api/public/org', 'get'],
      ['/api/public/{org}/policies', 'get'],
      ['/api/public/{org}/policies/{policyId}', 'get'],
      ['/api/public/{org}/hours', 'get'],
      ['/api/public/{org}/promise', 'get'],
      ['/api/public/{org}/orders/lookup', 'post'],
      ['/api/public/{org}/cases', 'post'],
      ['/api/public/cases/{token}', 'get'],
      ['/api/public/cases/{token}', 'post'],
    ] as const)
      expect(doc.paths[path]?.[method]?.security, `${method} ${path}`).toEqual([]);
  });

  it('never writes a private-link token to the request log', async () => {
    ip = from();
    const f = await fileOk({ kind: 'question', subject: 'Logs', message: 'Secret link' });
    const token = tokenOf(f);
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildApp(
      { store: s.store, now: () => s.clock.now },
      { logger: { level: 'info', stream }, checkResponses: true },
    );
    try {
      await logged.ready();
      const api = await logged.inject({ method: 'GET', url: `/api/public/cases/${token}` });
      expect(api.statusCode).toBe(200);
      const page = await logged.inject({ method: 'GET', url: `/follow/${token}` });
      expect(page.statusCode).toBe(200);
      const missing = await logged.inject({ method: 'GET', url: `/api/public/cases/${token}x` });
      expect(missing.statusCode).toBe(404);
    } finally {
      await logged.close();
    }
    const log = lines.join('');
    expect(log).toContain('incoming request');
    expect(log).toContain('/api/public/cases/[redacted]');
    expect(log).toContain('/follow/[redacted]');
    expect(log).not.toContain(token.split('.')[1]);
  });
});
