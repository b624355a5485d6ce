import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { type Caller, startTestServer, type TestServer } from '../../../../test/http.ts';
import { caseJobHandlers } from '../../../cases/index.ts';
import { runDueJobs } from '../../../jobs/index.ts';

interface CaseJson {
  id: string;
  number: number;
  status: string;
  priority: string;
  version: number;
  next_deadline: string | null;
  resolved_at: string | null;
  team_id: string | null;
  assignee_id: string | null;
}
interface EntryJson {
  id: string;
  seq: number;
  kind: string;
  visibility: string;
  body: string;
  amends_id: string | null;
  actor_type: string;
  data: Record<string, unknown>;
}
interface ClockJson {
  id: string;
  metric: string;
  promise: string;
  state: string;
  calendar: string;
  due_at: string | null;
  intervals: { state: string; why: string }[];
  target: { policy: { id: string; version: number }; rule: { decision: string; number: number } };
  targets: unknown[];
}
interface DetailJson {
  case: CaseJson;
  timeline: EntryJson[];
  procedure: { step: string; number: number | null; required: boolean; done_at: string | null }[];
  sla: { clocks: ClockJson[]; next_deadline: string | null };
}

const HOUR = 3_600_000;

describe.each(ENGINES)('case lifecycle on %s', (engine) => {
  let s: TestServer;
  let agent: Caller;
  beforeAll(async () => {
    s = await startTestServer(engine);
    agent = await s.caller('agent');
  });
  afterAll(() => s.close());

  async function open(payload: Record<string, unknown>, headers: Record<string, string> = {}) {
    const r = await agent.request({ method: 'POST', url: '/api/cases', payload, headers });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { case: CaseJson; entries: EntryJson[]; portal_token: string | null };
  }
  // API tokens do not expire with the clock; sessions last 12 hours.
  async function detail(id: string): Promise<DetailJson> {
    const r = await agent.withToken({ method: 'GET', url: `/api/cases/${id}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as DetailJson;
  }
  async function patch(id: string, payload: Record<string, unknown>) {
    return agent.withToken({ method: 'PATCH', url: `/api/cases/${id}`, payload });
  }
  async function tick(id: string, step: string) {
    const r = await agent.request({
      method: 'POST',
      url: `/api/cases/${id}/procedure/${encodeURIComponent(step)}`,
      payload: { evidence: `did ${step}` },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { case: CaseJson };
  }

  it('opens a complaint with its number, first message, procedure, SLA clocks and a portal token', async () => {
    const {
      case: c,
      entries,
      portal_token,
    } = await open({
      kind: 'complaint',
      channel: 'email',
      subject: 'Sofa arrived torn',
      body: 'The sofa arrived with a tear in the armrest.',
    });
    expect(c.number).toBeGreaterThanOrEqual(1001);
    expect(c).toMatchObject({ status: 'new', priority: 'normal', version: 1 });
    expect(typeof portal_token).toBe('string');
    expect(entries.map((e) => e.kind)).toEqual(['status_change', 'message_in']);
    expect(entries[1]?.actor_type).toBe('customer');
    // Monday 10:00 London, written and normal: the internal first-reply target is 4 working hours.
    expect(c.next_deadline).toBe('2026-11-23T14:00:00.000Z');
    const stored = await s.store.db
      .selectFrom('cases')
      .select(['portal_token_hash', 'policy_versions'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(stored.portal_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.portal_token_hash).not.toContain(portal_token ?? 'x');
    expect(JSON.parse(stored.policy_versions)).toMatchObject({ complaints: 3, 'response-times': 2 });

    const d = await detail(c.id);
    expect(d.procedure.map((p) => p.step)).toEqual([
      'Greet',
      'Listen',
      'Clarify',
      'Empathise',
      'Resolve',
      'Test the resolution',
      'Offer more help',
      'Follow up',
    ]);
    expect(d.procedure.filter((p) => p.required).map((p) => p.step)).toEqual([
      'Greet',
      'Listen',
      'Empathise',
      'Resolve',
      'Follow up',
    ]);
    const first = d.sla.clocks.find((k) => k.metric === 'first_reply' && k.promise === 'customer');
    expect(first).toMatchObject({
      state: 'running',
      calendar: 'Support',
      due_at: '2026-11-24T09:00:00.000Z',
    });
    expect(first?.target.policy).toEqual({ id: 'response-times', version: 2 });
    expect(first?.target.rule).toMatchObject({ decision: 'Response promise', number: 5 });
    expect(first?.intervals[0]).toMatchObject({ state: 'running', why: 'created' });
    expect(d.sla.next_deadline).toBe('2026-11-23T14:00:00.000Z');
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', c.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('case.created');
  });

  it('refuses bad input with field paths', async () => {
    const r = await agent.request({
      method: 'POST',
      url: '/api/cases',
      payload: { channel: 'pigeon', subject: 'x', category: 'c'.repeat(81) },
    });
    expect(r.statusCode).toBe(400);
    const paths = (r.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['body.category', 'body.channel', 'body.kind']);
    const bad = await agent.request({
      method: 'GET',
      url: '/api/cases?status=pending&cursor=nonsense',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.status');
  });

  it('orders the queue by the next deadline and pages through it', async () => {
    const marker = 'zqueuemarker';
    for (const priority of ['low', 'normal', 'urgent', 'high'])
      await open({ kind: 'question', channel: 'email', priority, subject: `${marker} ${priority}` });
    const r = await agent.request({ method: 'GET', url: `/api/cases?q=${marker}` });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as (CaseJson & { subject: string })[];
    expect(items.map((c) => c.priority)).toEqual(['urgent', 'high', 'normal', 'low']);
    const deadlines = items.map((c) => Date.parse(c.next_deadline ?? ''));
    expect([...deadlines].sort((a, b) => a - b)).toEqual(deadlines);
    // Urgent in writing: 30 duty minutes.
    expect(items[0]?.next_deadline).toBe('2026-11-23T10:30:00.000Z');

    const page1 = await agent.request({ method: 'GET', url: `/api/cases?q=${marker}&limit=3` });
    const p1 = page1.json() as { items: CaseJson[]; next_cursor: string | null };
    expect(p1.items).toHaveLength(3);
    expect(p1.next_cursor).not.toBeNull();
    const page2 = await agent.request({
      method: 'GET',
      url: `/api/cases?q=${marker}&limit=3&cursor=${p1.next_cursor}`,
    });
    const p2 = page2.json() as { items: CaseJson[]; next_cursor: string | null };
    expect(p2.items.map((c) => c.priority)).toEqual(['low']);
    expect(p2.next_cursor).toBeNull();

    const filtered = await agent.request({
      method: 'GET',
      url: `/api/cases?q=${marker}&priority=high&status=new&status=open`,
    });
    expect((filtered.json().items as CaseJson[]).map((c) => c.priority)).toEqual(['high']);
  });

  it('blocks resolving until the required steps are done, then follows up', async () => {
    const { case: c } = await open({ kind: 'complaint', channel: 'phone', subject: 'Rude courier' });
    const blocked = await patch(c.id, { version: c.version, status: 'resolved' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('procedure-incomplete');
    expect(blocked.json().detail).toContain('Greet, Listen, Empathise, Resolve');
    expect(blocked.json().detail).not.toContain('Follow up');

    let version = c.version;
    for (const step of ['greet', 'Listen', '4', 'Resolve']) version = (await tick(c.id, step)).case.version;
    const again = await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/procedure/Greet`,
      payload: { evidence: 'twice' },
    });
    expect(again.statusCode).toBe(409);

    const resolved = await patch(c.id, { version, status: 'resolved', reason: 'Apology and voucher' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const rc = resolved.json() as { case: CaseJson; entries: EntryJson[] };
    expect(rc.case.status).toBe('resolved');
    expect(rc.case.resolved_at).toBe(new Date(s.clock.now).toISOString());
    expect(rc.entries[0]).toMatchObject({ kind: 'status_change', data: { from: 'new', to: 'resolved' } });

    // Closing needs the follow-up step too.
    const close = await patch(c.id, { version: rc.case.version, status: 'closed' });
    expect(close.statusCode).toBe(409);
    expect(close.json().detail).toContain('Follow up');

    const job = await s.store.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'case.follow_up')
      .where('payload', 'like', `%${c.id}%`)
      .executeTakeFirstOrThrow();
    // Phone, normal: the internal follow-up target is 16 Support hours after the resolution.
    expect(job.due_at).toBeGreaterThan(s.clock.now);
    const before = s.clock.now;
    s.clock.now = job.due_at + 1000;
    try {
      const report = await runDueJobs(
        s.store,
        caseJobHandlers({ dialect: s.store.dialect, now: () => s.clock.now }),
        {
          owner: 'test',
          now: s.clock.now,
        },
      );
      expect(report.failed).toBe(0);
      const d = await detail(c.id);
      const followUp = d.timeline.find((e) => e.kind === 'follow_up');
      expect(followUp?.body).toContain('resolved to your satisfaction');
      expect(followUp?.visibility).toBe('public');
      expect(d.procedure.find((p) => p.step === 'Follow up')?.done_at).not.toBeNull();
      const closed = await patch(c.id, { version: d.case.version, status: 'closed' });
      expect(closed.statusCode, closed.body).toBe(200);
    } finally {
      s.clock.now = before;
    }
  });

  it('reopens a resolved case, cancels its follow-up, and refuses transitions that are not allowed', async () => {
    const { case: c } = await open({
      kind: 'question',
      channel: 'chat',
      subject: 'Opening hours at Easter?',
    });
    const resolved = (await patch(c.id, { version: c.version, status: 'resolved' })).json() as {
      case: CaseJson;
    };
    expect(resolved.case.status).toBe('resolved');
    const wrong = await patch(c.id, { version: resolved.case.version, status: 'waiting on customer' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().code).toBe('invalid-transition');
    const reopened = await patch(c.id, {
      version: resolved.case.version,
      status: 'open',
      reason: 'Not answered',
    });
    expect(reopened.statusCode).toBe(200);
    const rc = reopened.json() as { case: CaseJson; entries: EntryJson[] };
    expect(rc.case).toMatchObject({ status: 'open', resolved_at: null });
    expect(rc.entries[0]?.body).toContain('Reopened');
    const job = await s.store.db
      .selectFrom('jobs')
      .select(['done_at', 'result'])
      .where('kind', '=', 'case.follow_up')
      .where('payload', 'like', `%${c.id}%`)
      .executeTakeFirstOrThrow();
    expect(job.done_at).not.toBeNull();
    expect(job.result).toContain('cancelled');
    const d = await detail(c.id);
    const resolution = d.sla.clocks.find((k) => k.metric === 'resolution' && k.promise === 'internal');
    expect(resolution?.state).toBe('running');
  });

  it('pauses the resolution clock while waiting on the customer; their message reopens a resolved case', async () => {
    const { case: c } = await open({ kind: 'question', channel: 'email', subject: 'Waiting and reopening' });
    const waiting = (await patch(c.id, { version: c.version, status: 'waiting on customer' })).json() as {
      case: CaseJson;
    };
    expect(waiting.case.status).toBe('waiting on customer');
    let d = await detail(c.id);
    expect(d.sla.clocks.find((k) => k.metric === 'resolution' && k.promise === 'internal')?.state).toBe(
      'paused',
    );
    const message = async (body: string) =>
      (
        await agent.request({
          method: 'POST',
          url: `/api/cases/${c.id}/messages`,
          payload: { direction: 'in', body },
        })
      ).json() as { case: CaseJson; entries: EntryJson[] };
    const answered = await message('Here is the photo');
    expect(answered.case.status).toBe('open');
    const resolved = (await patch(c.id, { version: answered.case.version, status: 'resolved' })).json() as {
      case: CaseJson;
    };
    expect(resolved.case.status).toBe('resolved');
    const back = await message('It broke again');
    expect(back.case).toMatchObject({ status: 'open', resolved_at: null });
    expect(back.entries.map((e) => e.kind)).toEqual(['message_in', 'status_change']);
    d = await detail(c.id);
    expect(d.sla.clocks.find((k) => k.metric === 'resolution' && k.promise === 'internal')?.state).toBe(
      'running',
    );
    const job = await s.store.db
      .selectFrom('jobs')
      .select(['result'])
      .where('kind', '=', 'case.follow_up')
      .where('payload', 'like', `%${c.id}%`)
      .executeTakeFirstOrThrow();
    expect(job.result).toContain('cancelled');
  });

  it('refuses a stale version with 409', async () => {
    const { case: c } = await open({ kind: 'question', channel: 'email', subject: 'Stale' });
    expect((await patch(c.id, { version: c.version, priority: 'high' })).statusCode).toBe(200);
    const stale = await patch(c.id, { version: c.version, priority: 'low' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version-conflict');
    const empty = await patch(c.id, { version: c.version + 1 });
    expect(empty.statusCode).toBe(400);
  });

  it('re-targets the SLA when the priority changes', async () => {
    const { case: c } = await open({ kind: 'question', channel: 'email', subject: 'Re-target me' });
    expect(c.next_deadline).toBe('2026-11-23T14:00:00.000Z');
    s.clock.now += 10 * 60_000;
    try {
      const r = await patch(c.id, { version: c.version, priority: 'urgent' });
      const u = r.json() as { case: CaseJson; entries: EntryJson[] };
      expect(u.case.priority).toBe('urgent');
      expect(u.entries[0]?.data).toMatchObject({ changes: { priority: { from: 'normal', to: 'urgent' } } });
      // 30 duty minutes from 10:00, measured from the creation: 10:30.
      expect(u.case.next_deadline).toBe('2026-11-23T10:30:00.000Z');
      const d = await detail(c.id);
      const first = d.sla.clocks.find((k) => k.metric === 'first_reply' && k.promise === 'internal');
      expect(first?.targets).toHaveLength(2);
      expect(first?.calendar).toBe('Duty');
    } finally {
      s.clock.now -= 10 * 60_000;
    }
  });

  it('records replies, notes and calls; a reply meets the first-reply clock and opens the case', async () => {
    const { case: c } = await open({ kind: 'refund request', channel: 'email', subject: 'Refund for lamp' });
    s.clock.now += HOUR;
    try {
      const reply = await agent.request({
        method: 'POST',
        url: `/api/cases/${c.id}/messages`,
        payload: { direction: 'out', body: 'We are on it.' },
      });
      expect(reply.statusCode, reply.body).toBe(201);
      const rj = reply.json() as { case: CaseJson; entries: EntryJson[] };
      expect(rj.case.status).toBe('open');
      expect(rj.entries.map((e) => e.kind)).toEqual(['message_out', 'status_change']);
      const note = await agent.request({
        method: 'POST',
        url: `/api/cases/${c.id}/notes`,
        payload: { body: 'Checked the warehouse' },
      });
      expect(note.statusCode).toBe(201);
      expect(note.json().entries[0]).toMatchObject({ kind: 'note', visibility: 'internal' });
      const call = await agent.request({
        method: 'POST',
        url: `/api/cases/${c.id}/calls`,
        payload: { direction: 'in', duration: 'PT12M30S', summary: 'Customer called about the refund' },
      });
      expect(call.statusCode, call.body).toBe(201);
      expect(call.json().entries[0]).toMatchObject({ kind: 'call', data: { seconds: 750, direction: 'in' } });
      const badCall = await agent.request({
        method: 'POST',
        url: `/api/cases/${c.id}/calls`,
        payload: { duration: '12 minutes', summary: 'x' },
      });
      expect(badCall.statusCode).toBe(400);
      expect(badCall.json().errors[0].path).toBe('body.duration');
      const d = await detail(c.id);
      expect(d.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      const first = d.sla.clocks.find((k) => k.metric === 'first_reply' && k.promise === 'internal');
      expect(first?.state).toBe('met');
    } finally {
      s.clock.now -= HOUR;
    }
  });

  it('amends an entry without touching the original', async () => {
    const { case: c, entries } = await open({
      kind: 'question',
      channel: 'email',
      subject: 'Order number',
      body: 'My order is 10424',
    });
    const original = entries[1] as EntryJson;
    const r = await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/entries/${original.id}/amend`,
      payload: { body: 'My order is 10442', reason: 'typo' },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().entries[0]).toMatchObject({ kind: 'amendment', amends_id: original.id });
    const d = await detail(c.id);
    expect(d.timeline.find((e) => e.id === original.id)?.body).toBe('My order is 10424');
    expect(d.timeline).toHaveLength(3);
    const status = entries[0] as EntryJson;
    const refused = await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/entries/${status.id}/amend`,
      payload: { body: 'rewrite history' },
    });
    expect(refused.statusCode).toBe(409);
    const missing = await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/entries/nope/amend`,
      payload: { body: 'x' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('finds a case by a word of a later message', async () => {
    const { case: c } = await open({ kind: 'question', channel: 'web form', subject: 'Delivery question' });
    await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/messages`,
      payload: { direction: 'in', body: 'Can the Marmalade armchair come on Saturday?' },
    });
    const r = await agent.request({ method: 'GET', url: '/api/cases?q=marmalade' });
    expect((r.json().items as CaseJson[]).map((x) => x.id)).toEqual([c.id]);
    const none = await agent.request({ method: 'GET', url: '/api/cases?q=marmalade%20sunday' });
    expect(none.json().items).toEqual([]);
    const literal = await agent.request({ method: 'GET', url: '/api/cases?q=%25' });
    expect(literal.statusCode).toBe(200);
    expect(literal.json().items).toEqual([]);
  });

  it('creates once per Idempotency-Key and refuses the key for another body', async () => {
    const headers = { 'idempotency-key': 'create-1' };
    const body = { kind: 'compliment', channel: 'email', subject: 'Lovely service' };
    const first = await open(body, headers);
    const again = await open(body, headers);
    expect(again.case.id).toBe(first.case.id);
    expect(again.portal_token).toBeNull();
    const other = await agent.request({
      method: 'POST',
      url: '/api/cases',
      payload: { ...body, subject: 'Something else' },
      headers,
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('idempotency-conflict');
  });

  it('assigns, transfers and escalates', async () => {
    const { case: c } = await open({ kind: 'complaint', channel: 'email', subject: 'Escalate me' });
    const teams = await s.store.db
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('org_id', '=', s.orgs.a.orgId)
      .execute();
    const care = teams.find((t) => t.name === 'customer care')?.id;
    const returns = teams.find((t) => t.name === 'returns')?.id;
    const assigned = await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/assign`,
      payload: { assignee_id: s.orgs.a.users.agent },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().case).toMatchObject({ assignee_id: s.orgs.a.users.agent, team_id: care });
    const auditor = await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/assign`,
      payload: { assignee_id: s.orgs.a.users.auditor },
    });
    expect(auditor.statusCode).toBe(400);
    const transferred = await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/transfer`,
      payload: { team_id: returns, reason: 'Needs a collection' },
    });
    expect(transferred.statusCode, transferred.body).toBe(200);
    expect(transferred.json().case).toMatchObject({ team_id: returns, assignee_id: null });
    expect(transferred.json().entries[0].kind).toBe('transfer');
    const escalated = await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/escalate`,
      payload: { reason: 'Third contact' },
    });
    expect(escalated.statusCode).toBe(200);
    expect(escalated.json().case.priority).toBe('high');
    expect(escalated.json().entries[0]).toMatchObject({
      kind: 'escalation',
      data: { reason: 'Third contact' },
    });
    const noReason = await agent.request({ method: 'POST', url: `/api/cases/${c.id}/escalate`, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.reason');
  });

  it('takes the customer and order of the organisation only, and the tier from the customer', async () => {
    const ids: Record<'a' | 'b', string> = { a: '', b: '' };
    for (const org of ['a', 'b'] as const) {
      ids[org] = `cust-${org}-${engine}`;
      await s.store.db
        .insertInto('customers')
        .values({
          org_id: s.orgs[org].orgId,
          id: ids[org],
          external_ref: null,
          name: `Customer ${org}`,
          email: null,
          phone: null,
          tier: 'gold',
          consent: '{}',
          channel_restriction: org === 'a' ? 'email only' : null,
          erased_at: null,
          created_at: s.clock.now,
          updated_at: s.clock.now,
          version: 1,
        })
        .execute();
    }
    const foreign = await agent.request({
      method: 'POST',
      url: '/api/cases',
      payload: { kind: 'question', channel: 'email', subject: 'x', customer_id: ids.b },
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().errors[0].path).toBe('body.customer_id');
    const { case: c } = await open({
      kind: 'question',
      channel: 'chat',
      subject: 'Gold',
      customer_id: ids.a,
    });
    const d = await detail(c.id);
    expect(d.timeline[0]?.data).toMatchObject({ sla_attributes: { tier: 'gold' } });
    // Restricted to email: a chat reply is refused, an email one goes out.
    const chat = await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/messages`,
      payload: { direction: 'out', body: 'Hi' },
    });
    expect(chat.statusCode).toBe(409);
    expect(chat.json().code).toBe('channel-restricted');
    const email = await agent.request({
      method: 'POST',
      url: `/api/cases/${c.id}/messages`,
      payload: { direction: 'out', body: 'Hi', channel: 'email' },
    });
    expect(email.statusCode).toBe(201);
  });
});
