/**
 * Test helper: a real app over a fresh database of either engine, with two organisations (each with
 * the demo charter and one user per role), and signed-in callers for any role of either.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { importCharter } from '../src/charter/index.ts';
import { loadSources } from '../src/cli/load.ts';
import { createOrg } from '../src/orgs/index.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/app-type.ts';
import type { Role, Store } from '../src/store/index.ts';
import { type EngineName, freshStore } from './databases.ts';

export const ROLES: readonly Role[] = ['admin', 'manager', 'agent', 'auditor'];
export const PASSWORD = 'correct horse battery staple';
const charterDir = new URL('../examples/charter', import.meta.url).pathname;

export interface Caller {
  readonly orgId: string;
  readonly userId: string;
  readonly role: Role;
  /** Sends a request as this caller (session cookie + CSRF header). */
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** Sends a request with this caller's API token instead. */
  withToken(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestServer {
  readonly app: App;
  readonly store: Store;
  readonly clock: { now: number };
  caller(role: Role, org?: 'a' | 'b'): Promise<Caller>;
  anonymous(opts: InjectOptions): Promise<LightMyRequestResponse>;
  readonly orgs: Record<'a' | 'b', { orgId: string; users: Record<Role, string> }>;
  close(): Promise<void>;
}

export async function startTestServer(engine: EngineName): Promise<TestServer> {
  const store = await freshStore(engine);
  const clock = { now: Date.parse('2026-11-23T10:00:00Z') };
  const sources = loadSources([charterDir]);
  const orgs = {} as TestServer['orgs'];
  for (const slug of ['a', 'b'] as const) {
    const created = await createOrg(store, clock.now, {
      slug,
      name: `Org ${slug.toUpperCase()}`,
      timeZone: 'Europe/London',
      currency: 'GBP',
      teams: ['customer care', 'returns'],
      users: ROLES.map((role) => ({
        email: `${role}@${slug}.test`,
        name: `${role} ${slug}`,
        role,
        password: PASSWORD,
        team: 'customer care',
      })),
    });
    await store.db
      .transaction()
      .execute((trx) => importCharter(trx, store.dialect, created.orgId, sources, null, clock.now));
    orgs[slug] = {
      orgId: created.orgId,
      users: Object.fromEntries(
        ROLES.map((r) => [r, created.users[`${r}@${slug}.test`] as string]),
      ) as Record<Role, string>,
    };
  }
  const app = await buildApp({ store, now: () => clock.now }, { checkResponses: true });
  await app.ready();
  const callers = new Map<string, Caller>();
  return {
    app,
    store,
    clock,
    orgs,
    anonymous: (opts) => app.inject(opts),
    async caller(role, org = 'a') {
      const k = `${role}:${org}`;
      const cached = callers.get(k);
      if (cached) return cached;
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { org, email: `${role}@${org}.test`, password: PASSWORD },
      });
      if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
      const cookie = login.cookies.find((c) => c.name === 'charter_session')?.value ?? '';
      const csrf = (login.json() as { csrf_token: string }).csrf_token;
      const tokenRes = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        cookies: { charter_session: cookie },
        headers: { 'x-csrf-token': csrf },
        payload: { name: 'tests' },
      });
      const token = (tokenRes.json() as { token: string }).token;
      const caller: Caller = {
        orgId: orgs[org].orgId,
        userId: orgs[org].users[role],
        role,
        request: (opts) =>
          app.inject({
            ...opts,
            cookies: { ...(opts.cookies ?? {}), charter_session: cookie },
            headers: { 'x-csrf-token': csrf, ...(opts.headers ?? {}) },
          }),
        withToken: (opts) =>
          app.inject({ ...opts, headers: { authorization: `Bearer ${token}`, ...(opts.headers ?? {}) } }),
      };
      callers.set(k, caller);
      return caller;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
