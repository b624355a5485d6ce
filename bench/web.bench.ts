/**
 * bench:web — the agent desk in chromium against `charter serve` on a fresh SQLite folder holding
 * 10,000 open cases (seeded through the domain services before the server starts, timed).
 *
 * Reports (a) the compressed JavaScript the desk's first load transfers: the encoded body sizes of
 * every script response (resource timing, cross-checked with CDP's Network events) from opening
 * /desk in an empty browser through signing in until the queue is on screen; and (b) the time from
 * clicking a case in the queue to its page being rendered — the click event's time stamp to the
 * first animation frame after the case's heading and its timeline are in the DOM — for 20 cases
 * (after 2 unmeasured warm-up clicks), median and p95. Last line: one JSON object.
 *
 * Environment: BENCH_CASES (10000), BENCH_CLICKS (20).
 */

import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { type CaseContext, createCase } from '../src/cases/index.ts';
import { DEMO_USERS, ensureDemo } from '../src/demo/create-demo.ts';
import { mulberry32 as prng } from '../src/policy/testing/prng.ts';
import { openStore } from '../src/store/index.ts';
import type { CaseKind } from '../src/store/schema.ts';
import { DEMO, launch, newContext, signInThroughForm } from '../test/e2e/browser.ts';
import { startServerProcess } from '../test/server-process.ts';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const CLICKS = Number(process.env.BENCH_CLICKS ?? 20);
const WARM_UP = 2;
const PER_TRANSACTION = 100;
const HOUR = 3_600_000;

const SUBJECTS: Record<CaseKind, readonly string[]> = {
  question: ['Where is my order?', 'Can I change my delivery address?', 'Is the casserole induction-safe?'],
  complaint: ['Parcel arrived damaged', 'Wrong colour sent', 'Still waiting after two weeks'],
  'refund request': ['Return unopened mixer', 'Refund for the lamp please', 'Faulty kettle refund'],
  compliment: ['Lovely service from Sam', 'Thank you for the quick replacement'],
};
const KINDS: readonly CaseKind[] = [
  'question',
  'question',
  'complaint',
  'refund request',
  'refund request',
  'compliment',
];
const CHANNELS = ['email', 'email', 'email', 'web form', 'chat', 'phone', 'social'] as const;
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;

/** The demo company with customers and no history, then CASES open cases, straight through the services. */
async function seed(dataDir: string): Promise<{ seconds: number; customers: number }> {
  const started = performance.now();
  const store = await openStore({ dataDir });
  const now = Date.now();
  const demo = await ensureDemo(store, now, { customers: 300, cases: 0 });
  await demo.seeded;
  const customers = await store.db
    .selectFrom('customers')
    .select('id')
    .where('org_id', '=', demo.orgId)
    .execute();
  const orders = await store.db
    .selectFrom('orders')
    .select(['id', 'customer_id'])
    .where('org_id', '=', demo.orgId)
    .execute();
  const agents = await store.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', demo.orgId)
    .where(
      'email',
      'in',
      DEMO_USERS.filter((u) => u.role === 'agent').map((u) => u.email),
    )
    .execute();
  const ordersOf = new Map<string, string[]>();
  for (const o of orders) ordersOf.set(o.customer_id, [...(ordersOf.get(o.customer_id) ?? []), o.id]);
  const rnd = prng(2027);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  // Opened over the last three days, oldest first: some clocks breached, some close, most running.
  const times = Array.from({ length: CASES }, () => now - Math.floor(rnd() * 72 * HOUR)).sort(
    (a, b) => a - b,
  );
  for (let i = 0; i < CASES; i += PER_TRANSACTION) {
    await store.db.transaction().execute(async (trx) => {
      for (let k = i; k < Math.min(i + PER_TRANSACTION, CASES); k++) {
        const kind = pick(KINDS);
        const customer = pick(customers).id;
        const order = kind === 'compliment' ? undefined : pick(ordersOf.get(customer) ?? [undefined]);
        const ctx: CaseContext = {
          trx,
          dialect: store.dialect,
          now: times[k] as number,
          actor: { orgId: demo.orgId, type: 'user', id: pick(agents).id },
        };
        const subject = pick(SUBJECTS[kind]);
        await createCase(ctx, {
          kind,
          channel: pick(CHANNELS),
          priority: kind === 'complaint' && rnd() < 0.3 ? 'high' : pick(PRIORITIES),
          subject,
          body: `${subject} — case ${k + 1} of the bench.`,
          customerId: customer,
          ...(order ? { orderId: order } : {}),
        });
      }
    });
    if ((i / PER_TRANSACTION) % 10 === 9) process.stdout.write(`  seeded ${i + PER_TRANSACTION} cases\r`);
  }
  await store.close();
  process.stdout.write('\n');
  return { seconds: (performance.now() - started) / 1000, customers: customers.length };
}

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
};
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Clicks the queue's `index`th case and answers how long until its page was rendered. */
async function clickToCase(page: Page, index: number): Promise<{ ms: number; number: string }> {
  const link = page.locator('table.queue-table tbody tr').nth(index).locator('td:nth-child(3) a');
  await link.waitFor();
  const number = (
    (await page.locator('table.queue-table tbody tr').nth(index).locator('td:nth-child(2)').textContent()) ??
    ''
  ).trim();
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const want = ${JSON.stringify(number)};
    const b = (window.__bench = { clicked: 0, rendered: 0 });
    document.addEventListener('click', (e) => { b.clicked = e.timeStamp; }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const h1 = document.querySelector('main.case-page h1');
      if (!h1 || !h1.textContent.includes(want) || !document.querySelector('main.case-page ol.timeline li')) return;
      observer.disconnect();
      requestAnimationFrame(() => { b.rendered = performance.now(); });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
  await link.click();
  await page.waitForFunction(
    () => (window as unknown as { __bench: { rendered: number } }).__bench.rendered > 0,
  );
  const t = await page.evaluate(
    () => (window as unknown as { __bench: { clicked: number; rendered: number } }).__bench,
  );
  await page.getByRole('link', { name: '← Queue' }).click();
  await page.locator('table.queue-table tbody tr').nth(index).waitFor();
  return { ms: t.rendered - t.clicked, number };
}

// What `npm start` serves: a production build of the web app (web/dist), made here so that a build
// left behind by a test run (NODE_ENV=test gives React's development build) is not measured.
process.env.NODE_ENV = 'production';
await build({
  configFile: new URL('../web/vite.config.ts', import.meta.url).pathname,
  mode: 'production',
  logLevel: 'warn',
});

const dataDir = mkdtempSync(join(tmpdir(), 'charter-bench-web-'));
console.log(`bench:web — seeding ${CASES.toLocaleString('en')} open cases into ${dataDir}`);
const seeded = await seed(dataDir);
console.log(`  seeded in ${round(seeded.seconds)} s (${seeded.customers} customers)`);

const server = await startServerProcess({
  DATA_DIR: dataDir,
  LOG_LEVEL: 'error',
  // The SLA warning/breach jobs of 10,000 cases would run in the background during the measurement.
  CHARTER_JOB_INTERVAL_MS: String(24 * HOUR),
  CHARTER_CHECK_RESPONSES: '0',
});
const browser = await launch();
try {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Map<string, { url: string; bytes: number }>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, { url: e.response.url, bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.bytes = e.encodedDataLength;
  });

  const loadStart = performance.now();
  await signInThroughForm(page, `${server.url}/desk`, DEMO.agent);
  await page.locator('table.queue-table tbody tr').first().waitFor();
  const queueSeconds = (performance.now() - loadStart) / 1000;
  const resources = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((r) => r as PerformanceResourceTiming)
      .filter((r) => new URL(r.name).pathname.endsWith('.js'))
      .map((r) => ({
        url: new URL(r.name).pathname,
        encoded: r.encodedBodySize,
        decoded: r.decodedBodySize,
      })),
  );
  const queueApiMs = await page.evaluate(() => {
    const q = performance
      .getEntriesByType('resource')
      .find((r) => new URL(r.name).pathname === '/api/cases/queue') as PerformanceResourceTiming | undefined;
    return q ? q.responseEnd - q.startTime : -1;
  });
  const jsEncoded = resources.reduce((t, r) => t + r.encoded, 0);
  const jsDecoded = resources.reduce((t, r) => t + r.decoded, 0);
  const cdpBytes = [...scripts.values()].reduce((t, s) => t + s.bytes, 0);
  const rows = await page.locator('table.queue-table tbody tr').count();

  for (let i = 0; i < WARM_UP; i++) await clickToCase(page, CLICKS + i);
  const samples: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    const r = await clickToCase(page, i);
    samples.push(r.ms);
  }
  const median = quantile(samples, 0.5);
  const p95 = quantile(samples, 0.95);

  const cpu = cpus();
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, chromium ${browser.version()}`,
  );
  console.log(
    `queue: ${rows} rows on the first page (GET /api/cases/queue ${round(queueApiMs)} ms); /desk opened, signed in and queue shown in ${round(queueSeconds, 2)} s`,
  );
  for (const r of resources)
    console.log(`  ${r.url.padEnd(40)} ${String(r.encoded).padStart(7)} B (${r.decoded} B decoded)`);
  console.log(
    `(a) desk first load: ${resources.length} scripts, ${round(jsEncoded / 1024)} KB compressed (${round(jsDecoded / 1024)} KB decoded; CDP incl. headers ${round(cdpBytes / 1024)} KB) — target ≤ 250 KB`,
  );
  console.log(
    `(b) click → case page rendered over ${CLICKS} cases: median ${round(median)} ms, p95 ${round(p95)} ms, max ${round(Math.max(...samples))} ms — target ≤ 150 ms`,
  );
  console.log(
    JSON.stringify({
      cases: CASES,
      seed_seconds: round(seeded.seconds),
      js_files: resources.length,
      js_compressed_bytes: jsEncoded,
      js_decoded_bytes: jsDecoded,
      js_target_met: jsEncoded <= 250 * 1024,
      click_samples: samples.length,
      click_median_ms: round(median),
      click_p95_ms: round(p95),
      click_target_met: p95 <= 150,
      queue_api_ms: round(queueApiMs),
    }),
  );
} finally {
  await browser.close();
  await server.stop();
}
