import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/databases.ts';
import { PASSWORD, ROLES, startTestServer, type TestServer } from '../../../test/http.ts';
import { hashToken } from './secrets.ts';
import { SESSION_MEMORY_MS } from './session-cache.ts';

describe.each(ENGINES)('sign-in, sessions and tokens on %s', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(() => s.close());

  /** A fresh session of its own (not the shared callers'), with a way to ask who it is. */
  const session = async (org: 'a' | 'b', email: string) => {
    const login = await s.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org, email, password: PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'charter_session')!.value;
    const { csrf_token: csrf, expires_at } = login.json() as { csrf_token: string; expires_at: string };
    const me = () =>
      s.anonymous({ method: 'GET', url: '/api/auth/me', cookies: { charter_session: cookie } });
    return { cookie, csrf, expiresAt: Date.parse(expires_at), me };
  };

  it('signs in with a session cookie that is HttpOnly and SameSite', async () => {
    const r = await s.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: 'a', email: 'agent@a.test', password: PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    const cookie = r.cookies.find((c) => c.name === 'charter_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(r.json()).toMatchObject({ user: { role: 'agent', email: 'agent@a.test' } });
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const wrong = await s.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: 'a', email: 'agent@a.test', password: 'nope' },
    });
    const unknown = await s.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: 'a', email: 'who@a.test', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('rate-limits repeated failed sign-ins', async () => {
    const attempt = () =>
      s.anonymous({
        method: 'POST',
        url: '/api/auth/login',
        payload: { org: 'b', email: 'manager@b.test', password: 'bad' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await attempt()).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
    // Even the right password waits out the window.
    const right = await s.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: 'b', email: 'manager@b.test', password: PASSWORD },
    });
    expect(right.statusCode).toBe(429);
  });

  it('validates the body with field paths', async () => {
    const r = await s.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: 'a', email: 'not-an-email' },
    });
    expect(r.statusCode).toBe(400);
    const paths = (r.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['body.email', 'body.password']);
  });

  it('signs out: the session is refused at once, even just after it was used', async () => {
    const { cookie, csrf, me } = await session('a', 'manager@a.test');
    expect((await me()).statusCode).toBe(200);
    const out = await s.anonymous({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { charter_session: cookie },
      headers: { 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await me()).statusCode).toBe(401);
  });

  it('stops accepting a session removed behind its back (another process) within moments', async () => {
    const { cookie, me } = await session('a', 'auditor@a.test');
    expect((await me()).statusCode).toBe(200);
    await s.store.db.deleteFrom('sessions').where('token_hash', '=', hashToken(cookie)).execute();
    await new Promise((r) => setTimeout(r, SESSION_MEMORY_MS + 50));
    expect((await me()).statusCode).toBe(401);
  });

  it('refuses an expired session even just after it was used', async () => {
    const { expiresAt, me } = await session('b', 'agent@b.test');
    expect((await me()).statusCode).toBe(200);
    const before = s.clock.now;
    s.clock.now = expiresAt + 1;
    try {
      expect((await me()).statusCode).toBe(401);
    } finally {
      s.clock.now = before;
    }
  });

  it('requires the CSRF header on unsafe requests made with the cookie', async () => {
    const agent = await s.caller('agent');
    const noCsrf = await agent.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'x' },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf');
    const ok = await agent.request({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a wrong CSRF token even after the right one was shown', async () => {
    const { cookie, csrf: right } = await session('a', 'admin@a.test');
    const post = (csrf: string | undefined) =>
      s.anonymous({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'csrf' },
        cookies: { charter_session: cookie },
        headers: csrf === undefined ? {} : { 'x-csrf-token': csrf },
      });
    expect((await post(right)).statusCode).toBe(201);
    // Same length, last character changed: only a constant-time comparison or the hash can tell.
    const forged = right.slice(0, -1) + (right.endsWith('A') ? 'B' : 'A');
    expect((await post(forged)).statusCode).toBe(403);
    expect((await post(undefined)).statusCode).toBe(403);
    expect((await post(right)).statusCode).toBe(201);
  });

  it('accepts API tokens, stores only their hash, and stops accepting them once revoked', async () => {
    const admin = await s.caller('admin');
    const created = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'ci' } });
    const { id, token } = created.json() as { id: string; token: string };
    const stored = await s.store.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.split('.')[1]);
    const me = await s.anonymous({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({ role: 'admin' });
    expect((await admin.request({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(204);
    const after = await s.anonymous({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it("lists one's own tokens, and an admin the organisation's, never the tokens themselves", async () => {
    const agent = await s.caller('agent');
    const admin = await s.caller('admin');
    const mine = await agent.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'agent laptop' },
    });
    const { id, token } = mine.json() as { id: string; token: string };
    const list = async (who: typeof agent, query = '') =>
      (await who.request({ method: 'GET', url: `/api/tokens${query}` })).json().items as {
        id: string;
        name: string;
        user_name: string;
        revoked_at: string | null;
      }[];
    const agentsOwn = await list(agent);
    expect(agentsOwn.find((t) => t.id === id)).toMatchObject({
      name: 'agent laptop',
      user_name: 'agent a',
      revoked_at: null,
    });
    expect(JSON.stringify(agentsOwn)).not.toContain(token.split('.')[1]);
    expect((await list(admin)).map((t) => t.id)).not.toContain(id); // the admin's own: not the agent's
    expect((await list(admin, '?scope=org')).map((t) => t.id)).toContain(id);
    const refused = await agent.request({ method: 'GET', url: '/api/tokens?scope=org' });
    expect(refused.statusCode).toBe(403);
    const bad = await agent.request({ method: 'GET', url: '/api/tokens?scope=everyone' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.scope');
    // An admin finds it in the list and revokes it; the list says so.
    expect((await admin.request({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(204);
    expect((await list(agent)).find((t) => t.id === id)?.revoked_at).not.toBeNull();
    const otherOrg = await list(await s.caller('admin', 'b'), '?scope=org');
    expect(otherOrg.map((t) => t.id)).not.toContain(id);
  });

  it('signs in many people of one organisation at once, and makes their tokens at once', async () => {
    // On PostgreSQL each sign-in's session row locks the org row for its key while the audit append
    // locks it for writing: taken the wrong way, two at once deadlocked and one got a 500.
    const logins = await Promise.all(
      [...ROLES, ...ROLES].map((role) =>
        s.anonymous({
          method: 'POST',
          url: '/api/auth/login',
          payload: { org: 'a', email: `${role}@a.test`, password: PASSWORD },
        }),
      ),
    );
    expect(logins.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const made = await Promise.all(
      ROLES.map(async (role) =>
        (await s.caller(role)).request({
          method: 'POST',
          url: '/api/tokens',
          payload: { name: `at once ${role}` },
        }),
      ),
    );
    expect(made.map((r) => r.statusCode)).toEqual(Array(4).fill(201));
  });

  it('answers 401 without credentials and 403 for a role that may not', async () => {
    expect((await s.anonymous({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const agent = await s.caller('agent');
    const r = await agent.request({ method: 'GET', url: '/api/audit/verify' });
    expect(r.statusCode).toBe(403);
    const auditor = await s.caller('auditor');
    const v = await auditor.request({ method: 'GET', url: '/api/audit/verify' });
    expect(v.json()).toMatchObject({ ok: true });
  });

  it('publishes an OpenAPI document naming every API route', async () => {
    const doc = (await s.anonymous({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/tokens', '/api/audit/verify']),
    );
  });
});
