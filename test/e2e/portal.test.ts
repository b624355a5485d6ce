/**
 * The customer portal in real chromium against a real `charter serve`: a visitor reads the return
 * policy and the opening hours (in the company's and their own time zone), files a refund request
 * for a real demo order, follows it by its private link and replies — by keyboard, with hostile
 * text shown as text — and axe finds nothing serious on any page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../server-process.ts';
import {
  type AppUnderTest,
  DEMO,
  launch,
  newContext,
  screenshot,
  seriousViolations,
  startApp,
} from './browser.ts';
import { fileRefundRequest } from './portal-actions.ts';

interface DemoOrder {
  readonly number: string;
  readonly email: string;
}

const XSS = '<img src=x onerror=alert(1)><script>window.__pwned=1</script>';

/** A seeded customer with an email, no channel restriction and an order (the demo fills in the background). */
async function demoOrder(url: string): Promise<DemoOrder> {
  const staff = await signIn(url, DEMO.org, DEMO.admin.email, DEMO.admin.password);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const list = (await (await staff.get('/api/customers?limit=50')).json()) as {
      items: { id: string; email: string | null; channel_restriction: string | null }[];
    };
    for (const c of list.items) {
      if (!c.email || c.channel_restriction) continue;
      const detail = (await (await staff.get(`/api/customers/${c.id}`)).json()) as {
        orders: { number: string }[];
      };
      const order = detail.orders[0];
      if (order) return { number: order.number, email: c.email };
    }
    if (Date.now() > deadline) throw new Error('no demo customer with an order appeared');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Presses Tab until the focused element's accessible text is `name` (at most `max` times). */
async function tabTo(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
    });
    if (text === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('customer portal in chromium', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let order: DemoOrder;
  const dialogs: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launch()]);
    order = await demoOrder(app.url);
    context = await newContext(browser);
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 90_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('home: contact, the response promise, policies, and the hours in the company’s and the visitor’s zone', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { name: 'How can we help?', level: 1 }).waitFor();
    await expect(page.getByRole('banner').textContent()).resolves.toContain('Larkspur Home');
    await expect(page.locator('.portal-promise').textContent()).resolves.toContain('8 working hours');

    const hours = page.getByRole('table', { name: 'Support hours' });
    await hours.waitFor();
    await expect(hours.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Day',
      'Our time (Europe/London)',
      'Your time (America/New_York)',
    ]);
    // The first open interval of the week, as the API gives it, appears in both zones on one row.
    const api = (await (await fetch(`${app.url}/api/public/larkspur/hours?days=7`)).json()) as {
      calendars: { name: string; intervals: { opens: string; closes: string }[] }[];
    };
    const first = api.calendars.find((c) => c.name === 'Support')?.intervals[0];
    expect(first).toBeDefined();
    const hm = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(iso));
    const london = `${hm(first?.opens ?? '', 'Europe/London')}–${hm(first?.closes ?? '', 'Europe/London')}`;
    const newYork = `${hm(first?.opens ?? '', 'America/New_York')}–${hm(first?.closes ?? '', 'America/New_York')}`;
    expect(london).not.toBe(newYork);
    const row = hours.getByRole('row').filter({ hasText: london });
    await expect(row.first().textContent()).resolves.toContain(newYork);
    // Sundays are closed in the Support calendar.
    await expect(hours.getByRole('row').filter({ hasText: 'Sun' }).textContent()).resolves.toContain(
      'Closed',
    );

    await expect(page.getByRole('link', { name: 'Returns and refunds' }).isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'portal');
  });

  it('reads the return policy, reached by keyboard', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { name: 'How can we help?' }).waitFor();
    await tabTo(page, 'Returns and refunds');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}/policies/refunds`);
    await page.getByRole('heading', { name: 'Returns and refunds', level: 1 }).waitFor();
    // The decision table that decides refunds is what the customer reads.
    await expect(
      page.getByRole('cell', { name: /Within 30 days and still as new: full refund/ }).count(),
    ).resolves.toBe(1);
    await expect(page.locator('.portal-policy-meta').textContent()).resolves.toMatch(
      /^Version \d+ · in force since \d+ \w+ \d{4}$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds the order on the request form by keyboard, then files a refund request and sees the promise', async () => {
    await page.goto(`${app.url}/request`);
    await page.getByRole('heading', { name: 'Make a request', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Order number').focus();
    await page.keyboard.type(order.number);
    await page.keyboard.press('Tab');
    await page.keyboard.type(order.email);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(`Found order ${order.number}`).waitFor();

    // A wrong email finds nothing and says no more than that.
    await page.getByLabel('Email address').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Find my order' }).click();
    await page.getByText('We could not find an order with this number for this email address.').waitFor();

    const filed = await fileRefundRequest(page, app.url, {
      orderNumber: order.number,
      email: order.email,
      text: 'The lamp arrived but I no longer need it. It is unopened.',
    });
    expect(filed.caseNumber).toBeGreaterThan(0);
    expect(filed.followUrl).toMatch(
      new RegExp(`^${app.url}/follow/[A-Za-z0-9-]+\\.[A-Za-z0-9-]+\\.[A-Za-z0-9_-]{43}$`),
    );
    await expect(page.getByTestId('case-number').textContent()).resolves.toBe(`#${filed.caseNumber}`);
    const promise = page.locator('.portal-deadlines li').first();
    await expect(promise.textContent()).resolves.toMatch(
      /^First reply by .+ London time \(.+ your time\) — within 8 working hours$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    // Copy the link by keyboard: focus starts on the acknowledgement's heading.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await tabTo(page, 'Copy the link');
    await page.keyboard.press('Enter');
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(filed.followUrl);

    // Follow the private link: the case, its order and the customer's own words.
    await page.goto(filed.followUrl);
    await page
      .getByRole('heading', { name: new RegExp(`^Case #${filed.caseNumber}: Refund for order`) })
      .waitFor();
    await expect(page.locator('.portal-facts').textContent()).resolves.toContain(order.number);
    await page.getByText('The lamp arrived but I no longer need it. It is unopened.').waitFor();
    await expect(page.locator('.portal-deadlines').textContent()).resolves.toContain('First reply by');
    expect(await seriousViolations(page)).toEqual([]);

    // Reply by keyboard, with text that would run if it were treated as HTML.
    await page.getByLabel('Your message').focus();
    await page.keyboard.type(XSS);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Your message has been added to the case.').waitFor();
    const mine = page.locator('.portal-item-mine .body');
    await expect(mine.last().textContent()).resolves.toBe(XSS);
    await expect(page.locator('.portal-timeline img').count()).resolves.toBe(0);
    await expect(page.locator('.portal-timeline script').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

    // It is on the case for good: a fresh load shows it, as text.
    await page.reload();
    await page.getByText(XSS).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await screenshot(page, 'portal-follow');
  });

  it('a wrong private link leads nowhere', async () => {
    await page.goto(`${app.url}/follow/not-a-real-token`);
    await page.getByRole('heading', { name: 'Case not found' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
