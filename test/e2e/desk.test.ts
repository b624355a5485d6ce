/**
 * The agent desk in chromium against a real `charter serve`: the queue in breach order (checked
 * against the API), filters, search and keyboard; a case page with customer card, timeline and SLA
 * ledger; procedure steps ticked and the server's refusal to resolve shown; a note with markup shown
 * as text; a refund over the agent's limit recorded as pending with its approver named; the manager
 * approving it in the inbox with budgets shown; axe on every page; screenshots for the README.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signIn } from '../server-process.ts';
import {
  type AppUnderTest,
  DEMO,
  launch,
  newContext,
  screenshot,
  seriousViolations,
  signInThroughForm,
  startApp,
} from './browser.ts';

interface QueueItem {
  case: { id: string; number: number; subject: string; kind: string; next_deadline: string | null };
}

const OPEN = 'status=new&status=open&status=waiting+on+customer&status=waiting+on+us';
const XSS = '<img src=x onerror=window.__pwned=1>';
const DAY = 86_400_000;

async function json<T>(r: Response): Promise<T> {
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** The case ids in the queue table, top to bottom. */
function domIds(page: Page): Promise<string[]> {
  return page.$$eval('table.queue-table tbody tr', (rows) =>
    rows.map((r) => r.getAttribute('data-case-id') ?? ''),
  );
}

describe('agent desk in chromium', () => {
  let app: AppUnderTest;
  let browser: Awaited<ReturnType<typeof launch>>;
  let admin: Session;
  let mine: { id: string; number: number; subject: string };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launch()]);
    admin = await signIn(app.url, DEMO.org, DEMO.admin.email, DEMO.admin.password);
    // The demo history is written in the background: wait until all 60 cases are in.
    for (let i = 0; ; i++) {
      const all = await json<{ items: unknown[] }>(await admin.get('/api/cases?limit=200'));
      if (all.items.length >= 60) break;
      if (i > 200) throw new Error(`demo seeding stalled at ${all.items.length} cases`);
      await new Promise((r) => setTimeout(r, 150));
    }
    const customer = await json<{ id: string }>(
      await admin.post('/api/customers', {
        name: 'Harriet Quill',
        email: 'harriet.quill@example.com',
        tier: 'silver',
        consent: { marketing: false, surveys: true },
        channel_restriction: 'no calls',
      }),
    );
    const now = Date.now();
    const order = await json<{ id: string }>(
      await admin.post(`/api/customers/${customer.id}/orders`, {
        number: 'LH-E2E-1',
        placed_at: new Date(now - 10 * DAY).toISOString(),
        delivered_at: new Date(now - 5 * DAY).toISOString(),
        currency: 'GBP',
        total_minor: 24_000,
        items: [
          {
            sku: 'SA-505',
            name: 'Stand mixer',
            category: 'small appliances',
            quantity: 1,
            unit_minor: 24_000,
          },
        ],
      }),
    );
    const created = await json<{ case: { id: string; number: number; subject: string } }>(
      await admin.post('/api/cases', {
        kind: 'complaint',
        channel: 'email',
        priority: 'high',
        subject: 'Stand mixer arrived dented',
        body: 'The bowl came out of the zebrawood-print box with a dent in it.',
        customer_id: customer.id,
        order_id: order.id,
      }),
    );
    mine = created.case;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('runs the desk: queue, case page, decision, approval', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInThroughForm(page, `${app.url}/desk`, DEMO.agent);
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await page.locator('table.queue-table tbody tr').first().waitFor();

    // The queue is in breach order: the DOM matches the API, and the API's deadlines ascend (nulls last).
    const api = await page.evaluate(async (q) => {
      const r = await fetch(`/api/cases/queue?${q}&limit=50`);
      return (await r.json()) as { items: QueueItem[] };
    }, OPEN);
    const base = await json<{ items: { id: string }[] }>(await admin.get(`/api/cases?${OPEN}&limit=50`));
    expect(api.items.length).toBeGreaterThan(3);
    expect(await domIds(page)).toEqual(api.items.map((i) => i.case.id));
    expect(api.items.map((i) => i.case.id)).toEqual(base.items.map((c) => c.id));
    const deadlines = api.items.map((i) => i.case.next_deadline);
    const firstNull = deadlines.indexOf(null);
    const timed = (firstNull < 0 ? deadlines : deadlines.slice(0, firstNull)).map((d) => Date.parse(d ?? ''));
    expect(timed).toEqual([...timed].sort((a, b) => a - b));
    if (firstNull >= 0) expect(deadlines.slice(firstNull).every((d) => d === null)).toBe(true);
    const badges = await page.$$eval('table.queue-table tbody tr td:first-child .badge', (b) =>
      b.map((x) => x.textContent ?? ''),
    );
    expect(badges.every((t) => /left|Breached|Paused|No clock/.test(t))).toBe(true);
    expect(await page.getByRole('heading', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'desk-queue');

    // Filter by kind: only complaints, as many as the API lists.
    await page.getByLabel('Kind').selectOption('complaint');
    await page.waitForURL(/kind=complaint/);
    const complaints = await page.evaluate(async (q) => {
      const r = await fetch(`/api/cases/queue?${q}&kind=complaint&limit=50`);
      return ((await r.json()) as { items: QueueItem[] }).items.map((i) => i.case.id);
    }, OPEN);
    await page.waitForFunction(
      (n) => document.querySelectorAll('table.queue-table tbody tr').length === n,
      complaints.length,
    );
    expect(await domIds(page)).toEqual(complaints);
    const kinds = await page.$$eval('table.queue-table tbody tr td:nth-child(5)', (c) =>
      c.map((x) => x.textContent),
    );
    expect(new Set(kinds)).toEqual(new Set(['complaint']));
    await page.getByLabel('Kind').selectOption('');

    // Search (full text: the word is only in the customer's message), focused with "/".
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    await page.keyboard.type('zebrawood');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=zebrawood/);
    await page.waitForFunction(() => document.querySelectorAll('table.queue-table tbody tr').length === 1);
    expect(await domIds(page)).toEqual([mine.id]);
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.queue-table tbody tr').length > 1);

    // Keyboard: ? shows the help; j j k selects the second row; Enter opens it.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Open the selected case');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const ids = await domIds(page);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.getAttribute('table.queue-table tbody tr[aria-current="true"]', 'data-case-id')).toBe(
      ids[1],
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/desk/cases/${ids[1]}$`));
    const second = api.items.find((i) => i.case.id === ids[1]);
    await page.getByRole('heading', { level: 1, name: new RegExp(`#${second?.case.number}`) }).waitFor();
    await page.goBack();
    await page.locator('table.queue-table tbody tr').first().waitFor();

    // Open the complaint from the queue by its link.
    await page.getByLabel('Search cases').fill('zebrawood');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.queue-table tbody tr').length === 1);
    await page.getByRole('link', { name: mine.subject }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`#${mine.number}`) }).waitFor();

    // Customer card, timeline, SLA ledger.
    const card = page.locator('section.customer-card');
    await card.getByText('Harriet Quill').waitFor();
    const cardText = (await card.textContent()) ?? '';
    for (const want of [
      'silver',
      'Lifetime value',
      '£240.00',
      'Orders',
      'LH-E2E-1',
      'surveys: yes',
      'no calls',
    ])
      expect(cardText).toContain(want);
    await page
      .locator('ol.timeline li[data-kind="message_in"]')
      .getByText(/zebrawood-print box/)
      .waitFor();
    const ledger = page.locator('section.sla-ledger');
    expect(await ledger.getByRole('heading', { name: 'SLA ledger' }).isVisible()).toBe(true);
    expect(await ledger.locator('tr.interval').count()).toBeGreaterThan(0);
    expect(await ledger.textContent()).toContain('First reply');
    expect(await ledger.textContent()).toContain('created');

    // Take the case; "Mine" then lists it.
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByRole('button', { name: 'Assign to me' }).waitFor({ state: 'detached' });

    // Procedure: tick Greet with evidence; resolving is refused while required steps are open.
    const greet = page.locator('li.step[data-step="Greet"]');
    await greet.getByLabel('Evidence for Greet').fill('Introduced myself by name on the phone');
    await greet.getByRole('button', { name: 'Tick Greet' }).click();
    await greet.getByText('Introduced myself by name on the phone').waitFor();
    await page.getByLabel('Change status to').selectOption('resolved');
    await page.getByRole('button', { name: 'Change status' }).click();
    const refusal = page.locator('.actions .refusal');
    await refusal.waitFor();
    const refusalText = (await refusal.textContent()) ?? '';
    expect(refusalText).toContain('required procedure steps');
    expect(refusalText).toContain('Listen');
    expect(refusalText).not.toContain('Greet');
    await page.locator('li.step[data-step="Listen"]').getByText('holds up resolving').waitFor();
    const listen = page.locator('li.step[data-step="Listen"]');
    await listen.getByLabel('Evidence for Listen').fill('Read the whole thread first');
    await listen.getByRole('button', { name: 'Tick Listen' }).click();
    await listen.getByText('Read the whole thread first').waitFor();

    // A note with markup is shown as text and runs nothing.
    await page.getByLabel('Internal note').check();
    await page.getByLabel('Note (staff only)').fill(XSS);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('ol.timeline li[data-kind="note"]').getByText(XSS, { exact: true }).waitFor();
    expect(await page.locator('ol.timeline img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'case-page');

    // Decision: a refund of £240 is over the agent's £150, so a team lead (a manager) approves.
    const panel = page.locator('section.decision-panel');
    await panel.getByLabel('Decision to apply').selectOption('Refund');
    await panel.getByText('Returns and refunds (v3) › Decision: Refund').waitFor();
    await panel
      .getByRole('row', { name: /Days since delivery/ })
      .getByText('5')
      .waitFor();
    await panel.getByLabel('Item condition').selectOption('damaged in transit');
    await panel.getByText(/Needs approval by a team lead/).waitFor();
    expect(await panel.locator('.preview blockquote').textContent()).toContain('arrived faulty or broken');
    await panel.getByRole('button', { name: 'Record decision' }).click();
    const outcome = panel.locator('.outcome-box');
    await outcome.waitFor();
    const outcomeText = (await outcome.textContent()) ?? '';
    expect(outcomeText).toContain('approval pending');
    expect(outcomeText).toContain('team lead');
    expect(outcomeText).toContain('£240.00');
    expect(outcomeText).toContain(
      'It arrived faulty or broken and the customer told us within 30 days: full refund',
    );
    expect(
      await outcome.getByRole('link', { name: /Read the rule in the policy/ }).getAttribute('href'),
    ).toMatch(/^\/policies\/refunds#/);
    await page.locator('ol.timeline li[data-kind="decision"]').getByText('approval pending').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'decision-panel');
    const decisions = await json<{ items: { decision: { id: string; approval_state: string } }[] }>(
      await admin.get(`/api/cases/${mine.id}/decisions`),
    );
    expect(decisions.items.map((d) => d.decision.approval_state)).toEqual(['pending']);
    const decisionId = decisions.items[0]?.decision.id ?? '';

    // "Mine" lists the case the agent took.
    await page.getByRole('link', { name: '← Queue' }).click();
    await page.getByLabel('Show').selectOption('mine');
    await page.waitForFunction(() => document.querySelectorAll('table.queue-table tbody tr').length === 1);
    expect(await domIds(page)).toEqual([mine.id]);

    // The manager approves in the inbox, budgets in view.
    const mctx = await newContext(browser);
    const mpage = await mctx.newPage();
    mpage.on('pageerror', (e) => errors.push(e.message));
    await signInThroughForm(mpage, `${app.url}/desk/approvals`, DEMO.manager);
    await mpage.getByRole('heading', { name: 'Approvals', level: 1 }).waitFor();
    const budgets = mpage.locator('table.budgets');
    await budgets.waitFor();
    expect(await budgets.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await mpage.getByRole('heading', { name: /Goodwill budgets left/ }).isVisible()).toBe(true);
    const request = mpage.getByRole('article').filter({ hasText: `Case #${mine.number}` });
    await request.waitFor();
    expect(await request.textContent()).toContain('£240.00');
    await request.locator('blockquote').waitFor();
    expect(await seriousViolations(mpage)).toEqual([]);
    await screenshot(mpage, 'approvals');
    await request.getByLabel(/Reason/).fill('Photos show transit damage');
    await request.getByRole('button', { name: 'Approve' }).click();
    await mpage
      .getByRole('status')
      .filter({ hasText: `Approved: Refund on case #${mine.number}` })
      .waitFor();
    const after = await json<{ decision: { approval_state: string }; approval: { reason: string } }>(
      await admin.get(`/api/decisions/${decisionId}`),
    );
    expect(after.decision.approval_state).toBe('approved');
    expect(after.approval.reason).toBe('Photos show transit damage');

    // Back on the case, the agent's customer card counts the approved refund as the charter does.
    await page.getByRole('link', { name: mine.subject }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`#${mine.number}`) }).waitFor();
    const cardAfter = page.locator('section.customer-card');
    await cardAfter.getByText(/£240\.00 spent, £240\.00 refunded/).waitFor();
    expect((await cardAfter.locator('dl.facts dd').first().textContent())?.startsWith('£0.00')).toBe(true);
    expect(errors).toEqual([]);
    await mctx.close();
    await ctx.close();
  }, 90_000);
});
