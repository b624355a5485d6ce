/**
 * @module server/serve
 * Runs the product: opens the store (SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL), creates
 * the demo company on first start, serves the API and docs on PORT, runs due jobs, and shuts down
 * gracefully: stop accepting, finish in-flight requests, then close the database.
 */
import { hostname } from 'node:os';
import { caseJobHandlers } from '../cases/index.ts';
import { warmCharters } from '../charter/index.ts';
import { DEMO_SLUG, DEMO_USERS, ensureDemo } from '../demo/create-demo.ts';
import { type JobHandler, runDueJobs } from '../jobs/index.ts';
import { openStore } from '../store/index.ts';
import { buildApp } from './app.ts';

export interface ServeOptions {
  readonly port?: number;
  readonly host?: string;
  readonly dataDir?: string | undefined;
  readonly databaseUrl?: string | undefined;
  readonly demo?: boolean;
  readonly jobHandlers?: Readonly<Record<string, JobHandler>>;
  readonly jobIntervalMs?: number;
}

/**
 * @example await serve({ port: 8080 })
 */
export async function serve(options: ServeOptions = {}): Promise<{ close(): Promise<void>; port: number }> {
  const store = await openStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const now = () => Date.now();
  const app = await buildApp(
    { store, now },
    {
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
      // The test suites' servers check every answer against its schema (see server/response-serializer).
      checkResponses: process.env.CHARTER_CHECK_RESPONSES === '1',
    },
  );
  let stopping = false;
  let seeded: Promise<unknown> = Promise.resolve();
  if (options.demo !== false) {
    const demo = await ensureDemo(
      store,
      now(),
      {
        customers: Number(process.env.CHARTER_DEMO_CUSTOMERS ?? 300),
        cases: Number(process.env.CHARTER_DEMO_CASES ?? 2000),
      },
      () => stopping,
    );
    if (demo.created) {
      app.log.info({ org: DEMO_SLUG }, 'created the demo company; filling in its history in the background');
      seeded = demo.seeded.then(
        (r) => app.log.info({ seeded: r }, 'demo history ready'),
        (err: unknown) => app.log.error({ err }, 'demo history failed'),
      );
    }
  }
  await warmCharters(store.db, now());
  await app.listen({ port: options.port ?? 8080, host: options.host ?? '0.0.0.0' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  const owner = `${hostname()}:${process.pid}`;
  let running: Promise<unknown> = Promise.resolve();
  const handlers = { ...caseJobHandlers({ dialect: store.dialect, now }), ...(options.jobHandlers ?? {}) };
  const interval = options.jobIntervalMs ?? Number(process.env.CHARTER_JOB_INTERVAL_MS ?? 5000);
  const timer = setInterval(() => {
    running = running
      .then(() => runDueJobs(store, handlers, { owner, now: now() }))
      .catch((err: unknown) => app.log.error({ err }, 'job run failed'));
  }, interval);
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      stopping = true;
      clearInterval(timer);
      await seeded;
      await app.close();
      await running;
      await store.close();
    })();
    return closing;
  };
  return { close, port };
}

/** The banner printed on start: where to go and how to sign in. */
export function banner(port: number): string {
  const lines = [
    `Charter is running on http://localhost:${port}`,
    `  Customer portal: http://localhost:${port}/`,
    `  Agent desk:      http://localhost:${port}/desk`,
    `  Manager console: http://localhost:${port}/console`,
    `  API docs:        http://localhost:${port}/docs   (OpenAPI: /openapi.json)`,
    `  Demo organisation "${DEMO_SLUG}" — sign in with:`,
    ...DEMO_USERS.map((u) => `    ${u.role.padEnd(8)} ${u.email.padEnd(26)} ${u.password}`),
  ];
  return lines.join('\n');
}
