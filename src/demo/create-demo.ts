/**
 * @module demo/create-demo
 * The demo company, Larkspur Home: its charter (examples/charter), one user per role, teams.
 * Created on first start and by `charter init --demo`.
 */
import { fileURLToPath } from 'node:url';
import { importCharter } from '../charter/index.ts';
import { loadSources } from '../cli/load.ts';
import { createOrg } from '../orgs/index.ts';
import type { Role, Store } from '../store/index.ts';
import { seedDemo } from './seed-demo.ts';

export const DEMO_CHARTER_DIR = fileURLToPath(new URL('../../examples/charter', import.meta.url));
export const DEMO_SLUG = 'larkspur';

/** Demo sign-ins: printed on start. These are demo data, not secrets. */
export const DEMO_USERS: readonly {
  email: string;
  name: string;
  role: Role;
  password: string;
  team: string;
}[] = [
  {
    email: 'admin@larkspur.example',
    name: 'Ada Admin',
    role: 'admin',
    password: 'demo-admin-1',
    team: 'customer care',
  },
  {
    email: 'maya@larkspur.example',
    name: 'Maya Manager',
    role: 'manager',
    password: 'demo-manager-1',
    team: 'customer care',
  },
  {
    email: 'sam@larkspur.example',
    name: 'Sam Agent',
    role: 'agent',
    password: 'demo-agent-1',
    team: 'customer care',
  },
  {
    email: 'rita@larkspur.example',
    name: 'Rita Returns',
    role: 'agent',
    password: 'demo-agent-2',
    team: 'returns',
  },
  {
    email: 'otto@larkspur.example',
    name: 'Otto Auditor',
    role: 'auditor',
    password: 'demo-auditor-1',
    team: 'customer care',
  },
];

/**
 * Creates the demo organisation unless it exists; returns its id and whether it was created.
 */
export async function ensureDemo(
  store: Store,
  now: number,
  size: { readonly customers: number; readonly cases: number } = { customers: 300, cases: 2000 },
  shouldStop: () => boolean = () => false,
): Promise<{ orgId: string; created: boolean; seeded: Promise<unknown> }> {
  const existing = await store.db
    .selectFrom('orgs')
    .select('org_id')
    .where('slug', '=', DEMO_SLUG)
    .executeTakeFirst();
  if (existing) return { orgId: existing.org_id, created: false, seeded: Promise.resolve() };
  const org = await createOrg(store, now, {
    slug: DEMO_SLUG,
    name: 'Larkspur Home',
    timeZone: 'Europe/London',
    currency: 'GBP',
    teams: ['customer care', 'returns', 'escalations'],
    users: DEMO_USERS,
  });
  const sources = loadSources([DEMO_CHARTER_DIR]);
  await store.db
    .transaction()
    .execute((trx) =>
      importCharter(
        trx,
        store.dialect,
        org.orgId,
        sources,
        org.users[DEMO_USERS[0]?.email ?? ''] ?? null,
        now,
      ),
    );
  const id = (email: string) => org.users[email] as string;
  // The history is filled in the background: the server answers while it grows.
  const seeded = seedDemo(
    store,
    org.orgId,
    {
      agents: DEMO_USERS.filter((u) => u.role === 'agent').map((u) => id(u.email)),
      manager: id(DEMO_USERS.find((u) => u.role === 'manager')?.email ?? ''),
    },
    { ...size, now, shouldStop },
  );
  return { orgId: org.orgId, created: true, seeded };
}
