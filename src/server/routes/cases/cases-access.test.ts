import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { ROLES, startTestServer, type TestServer } from '../../../../test/http.ts';
import type { Role } from '../../../store/index.ts';

interface Opened {
  id: string;
  entryId: string;
}

describe.each(ENGINES)('case routes: roles and organisations on %s', (engine) => {
  let s: TestServer;
  let teams: Record<'a' | 'b', Record<string, string>>;
  beforeAll(async () => {
    s = await startTestServer(engine);
    teams = { a: {}, b: {} };
    for (const org of ['a', 'b'] as const) {
      const rows = await s.store.db
        .selectFrom('teams')
        .select(['id', 'name'])
        .where('org_id', '=', s.orgs[org].orgId)
        .execute();
      for (const r of rows) teams[org][r.name] = r.id;
    }
  });
  afterAll(() => s.close());

  async function openCase(org: 'a' | 'b' = 'a'): Promise<Opened> {
    const admin = await s.caller('admin', org);
    const r = await admin.request({
      method: 'POST',
      url: '/api/cases',
      payload: { kind: 'complaint', channel: 'email', subject: 'Access', body: 'Hello' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const j = r.json() as { case: { id: string }; entries: { id: string }[] };
    return { id: j.case.id, entryId: j.entries[1]?.id ?? '' };
  }

  async function version(id: string): Promise<number> {
    const row = await s.store.db
      .selectFrom('cases')
      .select(['version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.version;
  }

  /** Each route with a request for a given case; `writes` routes are for writers only. */
  const routes: {
    name: string;
    writes: boolean;
    request: (c: Opened, role: Role) => Promise<InjectOptions>;
  }[] = [
    { name: 'GET /api/cases', writes: false, request: async () => ({ method: 'GET', url: '/api/cases' }) },
    {
      name: 'GET /api/cases/:id',
      writes: false,
      request: async (c) => ({ method: 'GET', url: `/api/cases/${c.id}` }),
    },
    {
      name: 'POST /api/cases',
      writes: true,
      request: async () => ({
        method: 'POST',
        url: '/api/cases',
        payload: { kind: 'question', channel: 'chat', subject: 'x' },
      }),
    },
    {
      name: 'PATCH /api/cases/:id',
      writes: true,
      request: async (c) => ({
        method: 'PATCH',
        url: `/api/cases/${c.id}`,
        payload: { version: await version(c.id), category: 'delivery delay' },
      }),
    },
    {
      name: 'POST /api/cases/:id/messages',
      writes: true,
      request: async (c) => ({
        method: 'POST',
        url: `/api/cases/${c.id}/messages`,
        payload: { direction: 'out', body: 'Hi' },
      }),
    },
    {
      name: 'POST /api/cases/:id/notes',
      writes: true,
      request: async (c) => ({ method: 'POST', url: `/api/cases/${c.id}/notes`, payload: { body: 'Note' } }),
    },
    {
      name: 'POST /api/cases/:id/calls',
      writes: true,
      request: async (c) => ({
        method: 'POST',
        url: `/api/cases/${c.id}/calls`,
        payload: { duration: 'PT3M', summary: 'Called back' },
      }),
    },
    {
      name: 'POST /api/cases/:id/entries/:entryId/amend',
      writes: true,
      request: async (c) => ({
        method: 'POST',
        url: `/api/cases/${c.id}/entries/${c.entryId}/amend`,
        payload: { body: 'Hello again' },
      }),
    },
    {
      name: 'POST /api/cases/:id/assign',
      writes: true,
      request: async (c) => ({
        method: 'POST',
        url: `/api/cases/${c.id}/assign`,
        payload: { team_id: teams.a.returns },
      }),
    },
    {
      name: 'POST /api/cases/:id/transfer',
      writes: true,
      request: async (c) => ({
        method: 'POST',
        url: `/api/cases/${c.id}/transfer`,
        payload: { team_id: teams.a['customer care'], reason: 'Back to care' },
      }),
    },
    {
      name: 'POST /api/cases/:id/escalate',
      writes: true,
      request: async (c) => ({
        method: 'POST',
        url: `/api/cases/${c.id}/escalate`,
        payload: { reason: 'Angry' },
      }),
    },
    {
      name: 'POST /api/cases/:id/procedure/:step',
      writes: true,
      request: async (c) => ({
        method: 'POST',
        url: `/api/cases/${c.id}/procedure/Greet`,
        payload: { evidence: 'Said hello' },
      }),
    },
  ];

  it('allows or refuses each route for each role', async () => {
    const table: string[] = [];
    for (const role of ROLES) {
      const caller = await s.caller(role);
      for (const route of routes) {
        const c = await openCase();
        const r = await caller.request(await route.request(c, role));
        const allowed = !route.writes || role !== 'auditor';
        const ok = allowed ? r.statusCode >= 200 && r.statusCode < 300 : r.statusCode === 403;
        if (!ok) table.push(`${role} ${route.name}: ${r.statusCode} ${r.body}`);
      }
    }
    expect(table).toEqual([]);
  });

  it('needs a signed-in caller', async () => {
    const c = await openCase();
    expect((await s.anonymous({ method: 'GET', url: '/api/cases' })).statusCode).toBe(401);
    expect((await s.anonymous({ method: 'GET', url: `/api/cases/${c.id}` })).statusCode).toBe(401);
  });

  it('never lets another organisation read or change a case: 404, and not in its queue', async () => {
    const c = await openCase('a');
    const before = await version(c.id);
    const other = await s.caller('admin', 'b');
    const failures: string[] = [];
    for (const route of routes) {
      if (route.name === 'GET /api/cases' || route.name === 'POST /api/cases') continue;
      const r = await other.request(await route.request(c, 'admin'));
      if (r.statusCode !== 404) failures.push(`${route.name}: ${r.statusCode} ${r.body}`);
    }
    expect(failures).toEqual([]);
    expect(await version(c.id)).toBe(before);
    const list = await other.request({ method: 'GET', url: '/api/cases?limit=200' });
    expect((list.json().items as { id: string }[]).map((x) => x.id)).not.toContain(c.id);
    const entries = await s.store.db
      .selectFrom('timeline_entries')
      .select(['id'])
      .where('case_id', '=', c.id)
      .execute();
    expect(entries).toHaveLength(2);
  });

  it("refuses another organisation's people and teams on its own case", async () => {
    const c = await openCase('a');
    const admin = await s.caller('admin', 'a');
    const user = await admin.request({
      method: 'POST',
      url: `/api/cases/${c.id}/assign`,
      payload: { assignee_id: s.orgs.b.users.agent },
    });
    expect(user.statusCode).toBe(404);
    expect(user.json().errors[0].path).toBe('body.assignee_id');
    const team = await admin.request({
      method: 'POST',
      url: `/api/cases/${c.id}/transfer`,
      payload: { team_id: teams.b.returns, reason: 'x' },
    });
    expect(team.statusCode).toBe(404);
    expect(team.json().errors[0].path).toBe('body.team_id');
  });

  it('numbers cases per organisation and describes the routes in OpenAPI', async () => {
    const numbers = async (org: 'a' | 'b') =>
      (
        await s.store.db
          .selectFrom('cases')
          .select(['number'])
          .where('org_id', '=', s.orgs[org].orgId)
          .orderBy('number')
          .execute()
      ).map((r) => r.number);
    await openCase('b');
    const a = await numbers('a');
    const b = await numbers('b');
    expect(a.slice(0, 3)).toEqual([1001, 1002, 1003]);
    expect(new Set(a).size).toBe(a.length);
    expect(b.at(-1)).toBe(1000 + b.length);
    const api = await s.anonymous({ method: 'GET', url: '/openapi.json' });
    expect(api.statusCode).toBe(200);
    const paths = Object.keys(api.json().paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/cases', '/api/cases/{id}', '/api/cases/{id}/procedure/{step}']),
    );
  });

  it('gives gapless numbers to cases opened at the same time', async () => {
    const agent = await s.caller('agent', 'b');
    const rs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        agent.request({
          method: 'POST',
          url: '/api/cases',
          payload: { kind: 'question', channel: 'chat', subject: `c${i}` },
        }),
      ),
    );
    expect(rs.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const got = rs.map((r) => (r.json() as { case: { number: number } }).case.number).sort((x, y) => x - y);
    expect(new Set(got).size).toBe(8);
    expect((got.at(-1) ?? 0) - (got[0] ?? 0)).toBe(7);
  });
});
