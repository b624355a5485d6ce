import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { ROLES, startTestServer, type TestServer } from '../../../../test/http.ts';

interface QueueItem {
  case: { id: string; number: number; priority: string; status: string; next_deadline: string | null };
  sla: {
    state: string;
    metric: string | null;
    due_at: string | null;
    remaining_minutes: number | null;
    calendar: string | null;
    paused_why: string | null;
  };
  customer_name: string | null;
  assignee_name: string | null;
  team_name: string | null;
}

const HOUR = 3_600_000;

describe.each(ENGINES)('desk routes: queue, SLA ledger and directory on %s', (engine) => {
  let s: TestServer;
  const opened: Record<string, string> = {};
  let t0 = 0;
  beforeAll(async () => {
    s = await startTestServer(engine);
    t0 = s.clock.now;
    // Monday 23 November 2026, 10:00 London: the Support calendar is open.
    const admin = await s.caller('admin');
    const open = async (name: string, priority: string, subject: string) => {
      const r = await admin.request({
        method: 'POST',
        url: '/api/cases',
        payload: { kind: 'question', channel: 'email', priority, subject, body: 'Hello' },
      });
      expect(r.statusCode, r.body).toBe(201);
      opened[name] = (r.json() as { case: { id: string } }).case.id;
    };
    await open('normal', 'normal', 'Where is my lamp');
    await open('high', 'high', 'Casserole cracked');
    await open('low', 'low', 'Suggestion for linen colours');
    await open('waiting', 'normal', 'Need photos of the damage');
    const id = opened.waiting as string;
    s.clock.now = t0 + HOUR / 2;
    expect(
      (
        await admin.request({
          method: 'POST',
          url: `/api/cases/${id}/messages`,
          payload: { direction: 'out', body: 'Could you send photos?' },
        })
      ).statusCode,
    ).toBe(201);
    const got = await admin.request({ method: 'GET', url: `/api/cases/${id}` });
    const version = (got.json() as { case: { version: number } }).case.version;
    s.clock.now = t0 + HOUR;
    const w = await admin.request({
      method: 'PATCH',
      url: `/api/cases/${id}`,
      payload: { version, status: 'waiting on customer', reason: 'Asked for photos' },
    });
    expect(w.statusCode, w.body).toBe(200);
    await (await s.caller('admin', 'b')).request({
      method: 'POST',
      url: '/api/cases',
      payload: { kind: 'question', channel: 'email', subject: 'Org B case', body: 'Hi' },
    });
  }, 60_000);
  afterAll(() => s.close());

  const queue = async (role: (typeof ROLES)[number], query = '', org: 'a' | 'b' = 'a') =>
    (await s.caller(role, org)).request({ method: 'GET', url: `/api/cases/queue${query}` });

  it('lists the queue in the order of GET /api/cases, what breaches first on top, with SLA badges', async () => {
    const r = await queue('agent', '?status=new&status=open&status=waiting+on+customer&status=waiting+on+us');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as QueueItem[];
    const list = await (await s.caller('agent')).request({
      method: 'GET',
      url: '/api/cases?status=new&status=open&status=waiting+on+customer&status=waiting+on+us',
    });
    expect(items.map((i) => i.case.id)).toEqual((list.json().items as { id: string }[]).map((c) => c.id));
    expect(items.map((i) => i.case.id)).toEqual([opened.high, opened.normal, opened.low, opened.waiting]);
    const deadlines = items.map((i) => i.case.next_deadline);
    expect(deadlines.at(-1)).toBeNull();
    const known = deadlines.filter((d): d is string => d !== null).map((d) => Date.parse(d));
    expect(known).toEqual([...known].sort((a, b) => a - b));

    const [high, normal, low, waiting] = items;
    // An hour after opening. High priority email: internal first reply in 2 working hours (Support).
    expect(high?.sla).toMatchObject({
      state: 'running',
      metric: 'first_reply',
      remaining_minutes: 60,
      calendar: 'Support',
    });
    expect(high?.sla.due_at).toBe(high?.case.next_deadline);
    expect(normal?.sla).toMatchObject({ state: 'running', metric: 'first_reply', remaining_minutes: 180 });
    expect(low?.sla).toMatchObject({ state: 'running', remaining_minutes: 420 });
    expect(waiting?.sla).toMatchObject({ state: 'paused', paused_why: 'status → waiting on customer' });
    expect(high?.customer_name).toBeNull();
  });

  it('turns badges to warning and breached as time passes (server clock)', async () => {
    const start = s.clock.now;
    try {
      s.clock.now = t0 + 100 * 60_000; // 100 of the high case's 120 minutes used: past 80 %
      let items = (await queue('agent', '?priority=high')).json().items as QueueItem[];
      expect(items[0]?.sla).toMatchObject({ state: 'warning', remaining_minutes: 20 });
      s.clock.now = t0 + 3 * HOUR;
      items = (await queue('agent', '?priority=high')).json().items as QueueItem[];
      expect(items[0]?.sla.state).toBe('breached');
      expect(items[0]?.sla.remaining_minutes).toBeLessThan(0);
    } finally {
      s.clock.now = start;
    }
  });

  it('filters by kind, priority, status, assignee and team, and searches', async () => {
    const admin = await s.caller('admin');
    const team = await s.store.db
      .selectFrom('teams')
      .select(['id'])
      .where('org_id', '=', s.orgs.a.orgId)
      .where('name', '=', 'returns')
      .executeTakeFirstOrThrow();
    const a = await admin.request({
      method: 'POST',
      url: `/api/cases/${opened.low}/assign`,
      payload: { assignee_id: s.orgs.a.users.agent },
    });
    expect(a.statusCode, a.body).toBe(200);
    const mine = (await queue('agent', `?assignee_id=${s.orgs.a.users.agent}`)).json().items as QueueItem[];
    expect(mine.map((i) => i.case.id)).toEqual([opened.low]);
    expect(mine[0]?.assignee_name).toBe('agent a');
    expect(mine[0]?.team_name).toBe('customer care');
    const t = await admin.request({
      method: 'POST',
      url: `/api/cases/${opened.normal}/transfer`,
      payload: { team_id: team.id, reason: 'Needs a label' },
    });
    expect(t.statusCode, t.body).toBe(200);
    const returns = (await queue('agent', `?team_id=${team.id}`)).json().items as QueueItem[];
    expect(returns.map((i) => i.case.id)).toEqual([opened.normal]);
    expect(returns[0]?.team_name).toBe('returns');
    const waiting = (await queue('agent', '?status=waiting+on+customer')).json().items as QueueItem[];
    expect(waiting.map((i) => i.case.id)).toEqual([opened.waiting]);
    const found = (await queue('agent', '?q=casserole')).json().items as QueueItem[];
    expect(found.map((i) => i.case.id)).toEqual([opened.high]);
    expect(((await queue('agent', '?kind=complaint')).json().items as QueueItem[]).length).toBe(0);
  });

  it('pages with a cursor in the same order', async () => {
    const all = (await queue('agent')).json().items as QueueItem[];
    const first = (await queue('agent', '?limit=2')).json() as { items: QueueItem[]; next_cursor: string };
    expect(first.next_cursor).toBeTruthy();
    const second = (await queue('agent', `?limit=2&cursor=${first.next_cursor}`)).json() as {
      items: QueueItem[];
    };
    expect([...first.items, ...second.items].map((i) => i.case.id)).toEqual(
      all.slice(0, 4).map((i) => i.case.id),
    );
  });

  it('answers every staff role, refuses the anonymous, and keeps organisations apart', async () => {
    for (const role of ROLES) {
      expect((await queue(role)).statusCode).toBe(200);
      expect(
        (await (await s.caller(role)).request({ method: 'GET', url: '/api/desk/directory' })).statusCode,
      ).toBe(200);
      const sla = await (await s.caller(role)).request({
        method: 'GET',
        url: `/api/cases/${opened.high}/sla`,
      });
      expect(sla.statusCode).toBe(200);
    }
    expect((await s.anonymous({ method: 'GET', url: '/api/cases/queue' })).statusCode).toBe(401);
    expect((await s.anonymous({ method: 'GET', url: '/api/desk/directory' })).statusCode).toBe(401);
    expect((await s.anonymous({ method: 'GET', url: `/api/cases/${opened.high}/sla` })).statusCode).toBe(401);

    const b = (await queue('agent', '', 'b')).json().items as QueueItem[];
    expect(b).toHaveLength(1);
    expect(b.map((i) => i.case.id)).not.toContain(opened.high);
    const foreign = await (await s.caller('admin', 'b')).request({
      method: 'GET',
      url: `/api/cases/${opened.high}/sla`,
    });
    expect(foreign.statusCode).toBe(404);
    const dir = (
      await (await s.caller('agent', 'b')).request({ method: 'GET', url: '/api/desk/directory' })
    ).json() as { staff: { id: string }[]; teams: { id: string }[]; my_team_id: string };
    expect(dir.staff.map((u) => u.id).sort()).toEqual(Object.values(s.orgs.b.users).sort());
    const teamsOfA = await s.store.db
      .selectFrom('teams')
      .select(['id'])
      .where('org_id', '=', s.orgs.a.orgId)
      .execute();
    for (const t of teamsOfA) expect(dir.teams.map((x) => x.id)).not.toContain(t.id);
    expect(dir.teams.map((x) => x.id)).toContain(dir.my_team_id);
  });

  it('refuses bad input with field paths', async () => {
    const bad = async (query: string, path: string) => {
      const r = await queue('agent', query);
      expect(r.statusCode, query).toBe(400);
      expect((r.json().errors as { path: string }[]).map((e) => e.path)).toContain(path);
    };
    await bad('?status=sleeping', 'querystring.status');
    await bad('?priority=whenever', 'querystring.priority');
    await bad('?limit=0', 'querystring.limit');
    await bad('?cursor=not-a-cursor', 'querystring.cursor');
    const long = await (await s.caller('agent')).request({
      method: 'GET',
      url: `/api/cases/${'x'.repeat(65)}/sla`,
    });
    expect(long.statusCode).toBe(400);
    const missing = await (await s.caller('agent')).request({ method: 'GET', url: '/api/cases/nope/sla' });
    expect(missing.statusCode).toBe(404);
  });

  it('shows the ledger: running and paused intervals and why, the rule that set the target', async () => {
    const r = await (await s.caller('auditor')).request({
      method: 'GET',
      url: `/api/cases/${opened.waiting}/sla`,
    });
    const sla = r.json() as {
      next_deadline: string | null;
      clocks: {
        metric: string;
        promise: string;
        state: string;
        target: { policy: { id: string }; rule: { annotation: string | null } };
        intervals: { state: string; why: string; until: string | null }[];
      }[];
    };
    expect(sla.next_deadline).toBeNull();
    const resolution = sla.clocks.find((c) => c.metric === 'resolution' && c.promise === 'internal');
    expect(resolution?.state).toBe('paused');
    expect(resolution?.intervals.map((i) => [i.state, i.why])).toEqual([
      ['running', 'created'],
      ['paused', 'status → waiting on customer'],
    ]);
    expect(resolution?.target.policy.id).toBe('response-times');
    expect(resolution?.target.rule.annotation).toBeTruthy();
    const first = sla.clocks.find((c) => c.metric === 'first_reply' && c.promise === 'customer');
    expect(first?.state).toBe('met');
    const full = await (await s.caller('auditor')).request({
      method: 'GET',
      url: `/api/cases/${opened.waiting}`,
    });
    expect(full.json().sla.clocks).toEqual(sla.clocks);
  });
});
