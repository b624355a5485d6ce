/**
 * One organisation never sees another's data in the browser: a second organisation on the same
 * server, with its own case, customer and policy; each side's desk, case pages, search and portal
 * show only their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCharter } from '../../src/charter/index.ts';
import { createOrg } from '../../src/orgs/index.ts';
import { openStore } from '../../src/store/index.ts';
import { type Session, signIn } from '../server-process.ts';
import { type AppUnderTest, DEMO, launch, newContext, signInThroughForm, startApp } from './browser.ts';

const OTHER = { org: 'brightwell', email: 'lee@brightwell.example', password: 'brightwell-agent-1' };
const POLICY = `---
policy: returns
title: Brightwell returns
version: 1
effective: 2026-01-01
audience: public
owner: Service
---
# Brightwell returns

Send anything back within ninety days: quokka guarantee.
`;

async function ok<T>(r: Response): Promise<T> {
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

describe('organisations apart in the browser', () => {
  let app: AppUnderTest;
  let browser: Awaited<ReturnType<typeof launch>>;
  let larkspurCase: { id: string; subject: string };
  let otherCase: { id: string; subject: string };

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startApp({ CHARTER_DEMO_CASES: '0', CHARTER_DEMO_CUSTOMERS: '0' }),
      launch(),
    ]);
    // A second organisation in the same database, created beside the running server.
    const store = await openStore({ dataDir: app.dataDir });
    try {
      const org = await createOrg(store, Date.now(), {
        slug: OTHER.org,
        name: 'Brightwell Outdoors',
        timeZone: 'Europe/Dublin',
        currency: 'EUR',
        teams: ['support'],
        users: [{ email: OTHER.email, name: 'Lee Brightwell', role: 'agent', password: OTHER.password }],
      });
      await store.db
        .transaction()
        .execute((trx) =>
          importCharter(
            trx,
            store.dialect,
            org.orgId,
            [{ file: 'returns.md', text: POLICY }],
            null,
            Date.now(),
          ),
        );
    } finally {
      await store.close();
    }
    const lark: Session = await signIn(app.url, DEMO.org, DEMO.admin.email, DEMO.admin.password);
    const other: Session = await signIn(app.url, OTHER.org, OTHER.email, OTHER.password);
    larkspurCase = (
      await ok<{ case: { id: string; subject: string } }>(
        await lark.post('/api/cases', {
          kind: 'question',
          channel: 'email',
          subject: 'Larkspur pelican enquiry',
        }),
      )
    ).case;
    otherCase = (
      await ok<{ case: { id: string; subject: string } }>(
        await other.post('/api/cases', {
          kind: 'question',
          channel: 'email',
          subject: 'Brightwell quokka enquiry',
        }),
      )
    ).case;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows each organisation's desk only its own cases, and refuses the other's case page", async () => {
    for (const [who, mine, theirs, org] of [
      [DEMO.agent, larkspurCase, otherCase, DEMO.org],
      [OTHER, otherCase, larkspurCase, OTHER.org],
    ] as const) {
      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      await page.goto(`${app.url}/desk`);
      await page.getByLabel('Organisation').fill(org);
      await page.getByLabel('Email').fill(who.email);
      await page.getByLabel('Password').fill(who.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('table.queue-table tbody tr').first().waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain(mine.subject);
      expect(text).not.toContain(theirs.subject);
      // Searching for the other organisation's word finds nothing.
      await page.getByLabel('Search cases').fill(theirs.subject.split(' ')[1] ?? '');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForFunction(() => document.querySelectorAll('table.queue-table tbody tr').length === 0);
      // The other organisation's case page by its id: an error, none of its content.
      await page.goto(`${app.url}/desk/cases/${theirs.id}`);
      await page.getByRole('alert').first().waitFor();
      expect((await page.locator('body').textContent()) ?? '').not.toContain(theirs.subject);
      await ctx.close();
    }
  });

  it("shows each organisation's portal only its own policies", async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.url}/?org=${OTHER.org}`);
    await page.getByText('Brightwell returns').first().waitFor();
    expect((await page.locator('body').textContent()) ?? '').not.toContain('Larkspur');
    await ctx.close();
    // A new visitor (the portal remembers a chosen organisation for the tab) gets the default one.
    const fresh = await newContext(browser);
    const home = await fresh.newPage();
    await home.goto(`${app.url}/`);
    await home
      .getByText(/Returns and refunds/)
      .first()
      .waitFor();
    expect((await home.locator('body').textContent()) ?? '').not.toContain('Brightwell');
    await home.goto(`${app.url}/policies/returns`);
    await home
      .getByRole('alert')
      .or(home.getByRole('heading', { level: 1 }))
      .first()
      .waitFor();
    expect((await home.locator('body').textContent()) ?? '').not.toContain('quokka');
    await fresh.close();
  });

  it('keeps a signed-in agent of one organisation out of the other through the API the pages use', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInThroughForm(page, `${app.url}/desk`, DEMO.agent);
    const status = await page.evaluate(async (id) => (await fetch(`/api/cases/${id}`)).status, otherCase.id);
    expect(status).toBe(404);
    await ctx.close();
  });
});
