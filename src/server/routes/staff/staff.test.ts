import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { ROLES, startTestServer, type TestServer } from '../../../../test/http.ts';
import { verifyAudit } from '../../../audit/index.ts';

interface Member {
  id: string;
  email: string;
  name: string;
  role: string;
  team_id: string | null;
  active: boolean;
}

type Send = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

describe.each(ENGINES)('staff and teams on %s', (engine) => {
  let s: TestServer;
  let teams: Record<'a' | 'b', Record<string, string>>;
  let added = 0;
  beforeAll(async () => {
    s = await startTestServer(engine);
    teams = { a: {}, b: {} };
    for (const org of ['a', 'b'] as const)
      for (const r of await s.store.db
        .selectFrom('teams')
        .select(['id', 'name'])
        .where('org_id', '=', s.orgs[org].orgId)
        .execute())
        teams[org][r.name] = r.id;
  });
  afterAll(() => s.close());

  const admin = (org: 'a' | 'b' = 'a') => s.caller('admin', org);

  /** Adds a member of staff to org a as its admin. */
  async function addMember(role = 'agent', password = 'a long first password'): Promise<Member> {
    const r = await (await admin()).request({
      method: 'POST',
      url: '/api/staff',
      payload: { email: `New.Person${++added}@A.test`, name: `Person ${added}`, role, password },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Member;
  }

  /** Signs in; answers the status and, when signed in, a sender with the session's cookie and CSRF header. */
  async function signIn(email: string, password: string, org = 'a'): Promise<{ status: number; send: Send }> {
    const r = await s.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org, email, password },
    });
    const cookie = r.cookies.find((c) => c.name === 'charter_session')?.value ?? '';
    const csrf = r.statusCode === 200 ? (r.json() as { csrf_token: string }).csrf_token : '';
    return {
      status: r.statusCode,
      send: (opts) =>
        s.app.inject({ ...opts, cookies: { charter_session: cookie }, headers: { 'x-csrf-token': csrf } }),
    };
  }

  it('allows or refuses each route for each role', async () => {
    const routes: { name: string; roles: readonly string[]; request: (m: Member) => InjectOptions }[] = [
      {
        name: 'GET /api/staff',
        roles: ['admin', 'manager'],
        request: () => ({ method: 'GET', url: '/api/staff' }),
      },
      {
        name: 'POST /api/staff',
        roles: ['admin'],
        request: () => ({
          method: 'POST',
          url: '/api/staff',
          payload: {
            email: `table${++added}@a.test`,
            name: 'Table',
            role: 'agent',
            password: 'twelve chars!!',
          },
        }),
      },
      {
        name: 'PATCH /api/staff/:id',
        roles: ['admin'],
        request: (m) => ({ method: 'PATCH', url: `/api/staff/${m.id}`, payload: { name: 'Renamed' } }),
      },
      {
        name: 'POST /api/staff/:id/password',
        roles: ['admin'],
        request: (m) => ({
          method: 'POST',
          url: `/api/staff/${m.id}/password`,
          payload: { password: 'another long one' },
        }),
      },
      {
        name: 'POST /api/teams',
        roles: ['admin'],
        request: () => ({ method: 'POST', url: '/api/teams', payload: { name: `Team ${++added}` } }),
      },
      {
        name: 'PATCH /api/teams/:id',
        roles: ['admin'],
        request: () => ({
          method: 'PATCH',
          url: `/api/teams/${teams.a.returns}`,
          payload: { name: 'returns' },
        }),
      },
    ];
    const target = await addMember();
    const table: string[] = [];
    for (const role of ROLES) {
      const caller = await s.caller(role);
      for (const route of routes) {
        const r = await caller.request(route.request(target));
        const allowed = route.roles.includes(role);
        const ok = allowed ? r.statusCode >= 200 && r.statusCode < 300 : r.statusCode === 403;
        if (!ok) table.push(`${role} ${route.name}: ${r.statusCode} ${r.body}`);
      }
      // Everyone may change their own password, which needs the current one.
      const own = await caller.request({
        method: 'POST',
        url: '/api/auth/password',
        payload: { current_password: 'not it', new_password: 'a brand new password' },
      });
      if (own.statusCode !== 401)
        table.push(`${role} POST /api/auth/password: ${own.statusCode} ${own.body}`);
    }
    expect(table).toEqual([]);
    expect((await s.anonymous({ method: 'GET', url: '/api/staff' })).statusCode).toBe(401);
  });

  it('adds a member who can sign in at once, shown to managers and on the desk', async () => {
    const m = await addMember('agent', 'correct battery staple horse');
    expect(m.email).toBe(`new.person${added}@a.test`); // stored lower-cased
    expect(m).toMatchObject({ role: 'agent', team_id: null, active: true });
    const signedIn = await signIn(m.email.toUpperCase(), 'correct battery staple horse');
    expect(signedIn.status).toBe(200);
    const directory = await signedIn.send({ method: 'GET', url: '/api/desk/directory' });
    expect((directory.json().staff as { id: string }[]).map((x) => x.id)).toContain(m.id);
    const list = await (await s.caller('manager')).request({ method: 'GET', url: '/api/staff' });
    expect((list.json().staff as Member[]).find((x) => x.id === m.id)?.email).toBe(m.email);
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('org_id', '=', s.orgs.a.orgId)
      .where('entity_id', '=', m.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('staff.added');
    for (const a of audit) expect(a.data).not.toMatch(/scrypt|password/);
  });

  it('refuses bad input with the field at fault', async () => {
    const a = await admin();
    const post = (payload: object) => a.request({ method: 'POST', url: '/api/staff', payload });
    const base = { email: 'ok@a.test', name: 'Ok', role: 'agent', password: 'long enough password' };
    const cases: [object, number, string][] = [
      [{ ...base, email: 'not an email' }, 400, 'body.email'],
      [{ ...base, password: 'short' }, 400, 'body.password'],
      [{ ...base, role: 'owner' }, 400, 'body.role'],
      [{ ...base, team_id: teams.b.returns }, 404, 'body.team_id'],
      [{ ...base, email: 'AGENT@a.test' }, 409, 'body.email'],
    ];
    for (const [payload, status, path] of cases) {
      const r = await post(payload);
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().errors[0].path).toBe(path);
    }
    const m = await addMember();
    const empty = await a.request({ method: 'PATCH', url: `/api/staff/${m.id}`, payload: {} });
    expect(empty.statusCode).toBe(400);
    const team = await a.request({
      method: 'PATCH',
      url: `/api/staff/${m.id}`,
      payload: { team_id: teams.b['customer care'] },
    });
    expect(team.statusCode).toBe(404);
    expect(
      (await a.request({ method: 'PATCH', url: '/api/staff/nobody', payload: { name: 'x' } })).statusCode,
    ).toBe(404);
  });

  it('deactivating ends the sessions and revokes the API tokens at once; reactivating lets them sign in', async () => {
    const m = await addMember('agent', 'leaver password 123');
    const session = await signIn(m.email, 'leaver password 123');
    const token = (
      await session.send({ method: 'POST', url: '/api/tokens', payload: { name: 'laptop' } })
    ).json().token as string;
    const withToken = () =>
      s.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await session.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await withToken()).statusCode).toBe(200);

    const a = await admin();
    // An open case of theirs goes back to its team's queue, saying why on its timeline.
    const opened = await a.request({
      method: 'POST',
      url: '/api/cases',
      payload: { kind: 'question', channel: 'email', subject: 'Held by a leaver' },
    });
    const caseId = opened.json().case.id as string;
    const given = await a.request({
      method: 'POST',
      url: `/api/cases/${caseId}/assign`,
      payload: { assignee_id: m.id, team_id: teams.a.returns },
    });
    expect(given.statusCode, given.body).toBe(200);
    const off = await a.request({ method: 'PATCH', url: `/api/staff/${m.id}`, payload: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, cases_unassigned: 1 });
    const held = (await a.request({ method: 'GET', url: `/api/cases/${caseId}` })).json();
    expect(held.case).toMatchObject({ assignee_id: null, team_id: teams.a.returns });
    expect((held.timeline as { kind: string; body: string }[]).at(-1)).toMatchObject({
      kind: 'assignment',
      body: `Unassigned (${m.name} was deactivated)`,
    });
    expect((await session.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await withToken()).statusCode).toBe(401);
    expect((await signIn(m.email, 'leaver password 123')).status).toBe(401);
    const [entry] = await s.store.db
      .selectFrom('audit_log')
      .select(['data'])
      .where('org_id', '=', s.orgs.a.orgId)
      .where('entity_id', '=', m.id)
      .where('action', '=', 'staff.deactivated')
      .execute();
    expect(JSON.parse(entry?.data ?? '{}')).toMatchObject({ sessions_ended: 1, tokens_revoked: 1 });

    const on = await a.request({ method: 'PATCH', url: `/api/staff/${m.id}`, payload: { active: true } });
    expect(on.json().active).toBe(true);
    expect((await signIn(m.email, 'leaver password 123')).status).toBe(200);
    expect((await withToken()).statusCode).toBe(401); // revoked tokens stay revoked
  });

  it('a new role holds from the very next request, and an auditor holds no cases', async () => {
    const m = await addMember('agent', 'promotion password');
    const session = await signIn(m.email, 'promotion password');
    const staffList = () => session.send({ method: 'GET', url: '/api/staff' });
    expect((await staffList()).statusCode).toBe(403);
    const a = await admin();
    await a.request({ method: 'PATCH', url: `/api/staff/${m.id}`, payload: { role: 'manager' } });
    expect((await staffList()).statusCode).toBe(200);
    const opened = await a.request({
      method: 'POST',
      url: '/api/cases',
      payload: { kind: 'question', channel: 'chat', subject: 'Held by a future auditor' },
    });
    await a.request({
      method: 'POST',
      url: `/api/cases/${opened.json().case.id}/assign`,
      payload: { assignee_id: m.id },
    });
    const audit = await a.request({
      method: 'PATCH',
      url: `/api/staff/${m.id}`,
      payload: { role: 'auditor' },
    });
    expect(audit.json().cases_unassigned).toBe(1); // auditors review cases, they do not hold them
    expect((await staffList()).statusCode).toBe(403);
  });

  it('never leaves the organisation without an active admin', async () => {
    const a = await admin('b');
    const self = s.orgs.b.users.admin;
    const demote = await a.request({
      method: 'PATCH',
      url: `/api/staff/${self}`,
      payload: { role: 'manager' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().errors[0].path).toBe('body.role');
    const leave = await a.request({ method: 'PATCH', url: `/api/staff/${self}`, payload: { active: false } });
    expect(leave.statusCode).toBe(409);
    expect(leave.json().errors[0].path).toBe('body.active');
    // With a second admin, the first may step down.
    const second = await a.request({
      method: 'POST',
      url: '/api/staff',
      payload: { email: 'second.admin@b.test', name: 'Second', role: 'admin', password: 'second admin pass' },
    });
    expect(second.statusCode).toBe(201);
    const stepDown = await (await signIn('second.admin@b.test', 'second admin pass', 'b')).send({
      method: 'PATCH',
      url: `/api/staff/${second.json().id}`,
      payload: { role: 'manager' },
    });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    expect((await a.request({ method: 'GET', url: '/api/staff' })).statusCode).toBe(200);
  });

  it("an admin's reset ends every session and replaces the password", async () => {
    const m = await addMember('agent', 'forgotten password');
    const session = await signIn(m.email, 'forgotten password');
    const r = await (await admin()).request({
      method: 'POST',
      url: `/api/staff/${m.id}/password`,
      payload: { password: 'remembered password' },
    });
    expect(r.statusCode, r.body).toBe(204);
    expect((await session.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await signIn(m.email, 'forgotten password')).status).toBe(401);
    expect((await signIn(m.email, 'remembered password')).status).toBe(200);
  });

  it('changing my own password needs the current one, keeps this session and ends the others', async () => {
    const m = await addMember('agent', 'my old password');
    const here = await signIn(m.email, 'my old password');
    const there = await signIn(m.email, 'my old password');
    const change = (current: string) =>
      here.send({
        method: 'POST',
        url: '/api/auth/password',
        payload: { current_password: current, new_password: 'my new password' },
      });
    const wrong = await change('a wrong guess');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().errors[0].path).toBe('body.current_password');
    expect((await change('my old password')).statusCode).toBe(204);
    expect((await here.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await there.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await signIn(m.email, 'my new password')).status).toBe(200);
    const short = await here.send({
      method: 'POST',
      url: '/api/auth/password',
      payload: { current_password: 'my new password', new_password: 'short' },
    });
    expect(short.json().errors[0].path).toBe('body.new_password');
  });

  it('limits guesses at the current password', async () => {
    const m = await addMember('agent', 'guarded password');
    const session = await signIn(m.email, 'guarded password');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await session.send({
            method: 'POST',
            url: '/api/auth/password',
            payload: { current_password: `guess ${i}`, new_password: 'whatever it is now' },
          })
        ).statusCode,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    // Even the right password waits for the window to pass.
    const right = await session.send({
      method: 'POST',
      url: '/api/auth/password',
      payload: { current_password: 'guarded password', new_password: 'whatever it is now' },
    });
    expect(right.statusCode).toBe(429);
    s.clock.now += 16 * 60_000;
    const later = await session.send({
      method: 'POST',
      url: '/api/auth/password',
      payload: { current_password: 'guarded password', new_password: 'whatever it is now' },
    });
    expect(later.statusCode, later.body).toBe(204);
  });

  it('adds and renames teams, names unique in the organisation', async () => {
    const a = await admin();
    const made = await a.request({ method: 'POST', url: '/api/teams', payload: { name: 'Escalations' } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ name: 'Escalations', members: 0 });
    const again = await a.request({ method: 'POST', url: '/api/teams', payload: { name: 'escalations' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('body.name');
    const clash = await a.request({
      method: 'PATCH',
      url: `/api/teams/${made.json().id}`,
      payload: { name: 'Customer Care' },
    });
    expect(clash.statusCode).toBe(409);
    const m = await addMember();
    await a.request({ method: 'PATCH', url: `/api/staff/${m.id}`, payload: { team_id: made.json().id } });
    const renamed = await a.request({
      method: 'PATCH',
      url: `/api/teams/${made.json().id}`,
      payload: { name: 'Complaints desk' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Complaints desk', members: 1 });
    // The same organisation's own name, in other letters, is not a clash with itself.
    const recased = await a.request({
      method: 'PATCH',
      url: `/api/teams/${made.json().id}`,
      payload: { name: 'complaints desk' },
    });
    expect(recased.statusCode).toBe(200);
  });

  it("never shows or changes another organisation's staff or teams", async () => {
    const m = await addMember();
    const other = await admin('b');
    const list = await other.request({ method: 'GET', url: '/api/staff' });
    const ids = (list.json().staff as Member[]).map((x) => x.id);
    expect(ids).not.toContain(m.id);
    expect(ids).toContain(s.orgs.b.users.agent);
    const attempts = [
      await other.request({ method: 'PATCH', url: `/api/staff/${m.id}`, payload: { active: false } }),
      await other.request({
        method: 'POST',
        url: `/api/staff/${m.id}/password`,
        payload: { password: 'taken over now' },
      }),
      await other.request({
        method: 'PATCH',
        url: `/api/teams/${teams.a.returns}`,
        payload: { name: 'Ours' },
      }),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404]);
    const row = await s.store.db
      .selectFrom('users')
      .select(['disabled'])
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(row.disabled).toBe(0);
    expect((await signIn(m.email, 'a long first password')).status).toBe(200);
  });

  it('keeps the audit chain whole', async () => {
    for (const org of ['a', 'b'] as const)
      expect((await verifyAudit(s.store.db, s.orgs[org].orgId)).ok).toBe(true);
  });
});
