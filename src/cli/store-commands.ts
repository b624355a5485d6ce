/**
 * @module cli/store-commands
 * Verbs that open the store (SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL):
 * `charter init --demo` creates the demo company and waits for its history; `charter audit verify`
 * checks every organisation's audit chain (or one, `--org <slug>`) and names the first broken entry.
 */
import { verifyAudit } from '../audit/index.ts';
import { DEMO_SLUG, DEMO_USERS, ensureDemo } from '../demo/create-demo.ts';
import { openStore, type Store } from '../store/index.ts';
import type { Io } from './lint-command.ts';

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `charter init [--demo]`: migrates the database; with --demo also creates the demo company. */
export async function initCommand(opts: Readonly<Record<string, string | boolean>>, io: Io): Promise<number> {
  return withStore(async (store) => {
    io.out(`Database ready (${store.dialect}).`);
    if (opts.demo !== true) return 0;
    const demo = await ensureDemo(store, Date.now(), {
      customers: Number(process.env.CHARTER_DEMO_CUSTOMERS ?? 300),
      cases: Number(process.env.CHARTER_DEMO_CASES ?? 2000),
    });
    if (!demo.created) {
      io.out(`The demo company "${DEMO_SLUG}" already exists; nothing changed.`);
      return 0;
    }
    io.out(`Created the demo company "${DEMO_SLUG}"; filling in its history…`);
    const seeded = await demo.seeded;
    io.out(`History ready: ${JSON.stringify(seeded)}`);
    io.out('Sign in with:');
    for (const u of DEMO_USERS) io.out(`  ${u.role.padEnd(8)} ${u.email}  ${u.password}`);
    return 0;
  });
}

/** `charter audit verify [--org slug]`: exit 0 when every chain verifies, 1 naming the first break. */
export async function auditCommand(
  positionals: readonly string[],
  opts: Readonly<Record<string, string | boolean>>,
  io: Io,
): Promise<number> {
  if (positionals[0] !== 'verify') {
    io.err(`Unexpected audit command "${positionals[0] ?? ''}", expected verify`);
    return 2;
  }
  return withStore(async (store) => {
    let q = store.db.selectFrom('orgs').select(['org_id', 'slug']).orderBy('slug');
    if (typeof opts.org === 'string') q = q.where('slug', '=', opts.org);
    const orgs = await q.execute();
    if (orgs.length === 0) {
      io.err(typeof opts.org === 'string' ? `No organisation "${opts.org}".` : 'No organisations.');
      return typeof opts.org === 'string' ? 2 : 0;
    }
    let broken = 0;
    for (const o of orgs) {
      const r = await verifyAudit(store.db, o.org_id);
      if (r.ok) io.out(`${o.slug}: ${r.entries} entries, chain verifies (head ${r.head.slice(0, 16)}…)`);
      else {
        broken++;
        io.out(
          `${o.slug}: BROKEN at entry #${r.brokenAt.seq} (${r.brokenAt.id}): ${r.brokenAt.reason} — ${r.entries} entries checked before it`,
        );
      }
    }
    return broken === 0 ? 0 : 1;
  });
}
