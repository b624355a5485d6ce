/**
 * The manager console in real chromium against a real `charter serve`: a manager reads the policy
 * library, opens the return policy in the editor, makes a mistake and sees lint mark it inline at
 * its line (and fixes it), previews the rendered table, sees the change in the diff (text and
 * meaning), finds hostile HTML in the preview stripped, saves the draft with the keyboard; an agent
 * gets no publish button and the API refuses them; axe finds nothing serious.
 */
import { readFileSync } from 'node:fs';
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
  signInThroughForm,
  startApp,
} from './browser.ts';

const REFUNDS = readFileSync(new URL('../../examples/charter/refunds.md', import.meta.url), 'utf8');
const lines = REFUNDS.split('\n');
/** 1-based line of the Refund table's header, and of the rule that gives 100 % for as-new items. */
const HEADER_LINE = lines.findIndex((l) => l.startsWith('| Days since delivery | Item condition')) + 1;
const RULE_LINE =
  lines.findIndex((l) => l.startsWith('| <= 30 | "unopened", "opened" | - | - | - | "refund" | 100 |')) + 1;

/**
 * Puts the cursor at a 1-based line and 0-based column using the keyboard only: from the top, or
 * down from the line it is on (`from`).
 */
async function cursorTo(page: Page, line: number, column: number, from?: number): Promise<void> {
  if (from === undefined) await page.keyboard.press('Control+Home');
  for (let i = from ?? 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < column; i++) await page.keyboard.press('ArrowRight');
}

describe('manager console in chromium', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launch()]);
    context = await newContext(browser);
    page = await context.newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the library to a manager, with acknowledgements and review dates', async () => {
    await signInThroughForm(page, `${app.url}/console`, DEMO.manager);
    await page.getByRole('heading', { name: 'Policy library' }).waitFor();
    const row = page.locator('tr[data-policy="refunds"]');
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Returns and refunds');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('v3');
    expect(text).toContain('2026-09-01');
    expect(text).toContain('2027-09-01'); // effective + P12M
    expect(text).toMatch(/0 \/ \d+/);
    expect(text).toContain('you have not');
    expect(await page.locator('table.library tbody tr').count()).toBe(11);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'policy-library');
  });

  it('lints as you type inline, previews, diffs, strips hostile HTML and saves by keyboard', async () => {
    await page.getByRole('link', { name: 'Edit: Returns and refunds' }).click();
    const content = page.locator('.cm-content');
    await content.waitFor();
    expect(await content.getAttribute('aria-label')).toContain('Policy source of Returns and refunds');
    await expect
      .poll(() => page.locator('.lint-count').textContent(), { timeout: 15_000 })
      .toContain('0 errors');
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    // A misspelt input name in the Refund table's header cell.
    await content.click();
    await cursorTo(page, HEADER_LINE, 2);
    // The source is parsed as Markdown with GFM tables: the heading and the table row in view are styled.
    const styled = await content.evaluate((el) => {
      const lines = Array.from(el.querySelectorAll('.cm-line'));
      const has = (start: string) =>
        lines.some((l) => l.textContent?.startsWith(start) && l.querySelector('span[class]') !== null);
      return { heading: has('#'), table: has('|') };
    });
    expect(styled).toEqual({ heading: true, table: true });
    await page.keyboard.type('X');
    const mark = page.locator('.cm-lintRange-error');
    await mark.first().waitFor({ timeout: 15_000 });
    expect(await mark.first().textContent()).toBe('XDays since delivery');
    await mark.first().hover();
    const tip = page.locator('.cm-tooltip-lint .cm-diagnostic-error');
    await tip.first().waitFor();
    const message = (await tip.first().textContent()) ?? '';
    expect(message).toContain(`Line ${HEADER_LINE}, column 3`);
    expect(message).toContain('Unexpected unknown name "XDays since delivery"');
    expect(message).toContain('did you mean "Days since delivery"');
    expect(await page.locator('.cm-lint-marker-error').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.lint-count').textContent()).toContain('1 error');
    // Publishing is not offered while lint finds errors.
    expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await screenshot(page, 'policy-editor');
    expect(await seriousViolations(page)).toEqual([]);

    // Fixed: the mark goes away (the cursor is still just after the X).
    await page.mouse.move(0, 0);
    await page.keyboard.press('Backspace');
    await expect.poll(() => mark.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator('.lint-count').textContent()).toContain('0 errors');

    // The preview renders the decision table.
    const preview = page.locator('.preview');
    await expect
      .poll(() => preview.locator('table th').allTextContents())
      .toEqual(expect.arrayContaining(['Days since delivery', 'Item condition']));

    // Change a rule's refund percent from 100 to 90, by keyboard.
    const at = (lines[RULE_LINE - 1] ?? '').indexOf('| 100 |') + 2;
    await cursorTo(page, RULE_LINE, at, HEADER_LINE);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('90');
    await page.getByRole('tab', { name: 'Changes' }).click();
    const changes = page.locator('.changes');
    await changes.locator('.diff-line.added').first().waitFor();
    expect(await changes.locator('.diff-line.added').allTextContents()).toEqual([
      expect.stringContaining('| "refund" | 90 | Within 30 days and still as new'),
    ]);
    expect(await changes.locator('.diff-line.removed').allTextContents()).toEqual([
      expect.stringContaining('| "refund" | 100 | Within 30 days and still as new'),
    ]);
    await expect
      .poll(() => changes.locator('.semantic').textContent(), { timeout: 20_000 })
      .toContain('Refund');
    expect(await changes.locator('.semantic').textContent()).toContain('"refund", 100 → "refund", 90');

    // Hostile HTML in the policy text: stripped from the preview, never run.
    await content.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\n<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">\n');
    await page.getByRole('tab', { name: 'Preview' }).click();
    await expect.poll(() => content.textContent()).toContain('<script>window.__pwned=1</script>');
    await page.waitForTimeout(300);
    expect(await preview.locator('script, img').count()).toBe(0);
    expect(await preview.innerHTML()).not.toContain('__pwned');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Keyboard only: Ctrl+S in the editor saves the draft (the front matter gets the new version).
    await content.focus();
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: 'Draft version 4 saved.' }).waitFor();
    // CodeMirror renders only the lines in view: go to the top, where the front matter is.
    await page.keyboard.press('Control+Home');
    await expect.poll(() => content.textContent()).toContain('version: 4');
    const staff = await signIn(app.url, DEMO.org, DEMO.manager.email, DEMO.manager.password);
    const draft = (await (await staff.get('/api/policies/refunds/versions/4')).json()) as {
      state: string;
      source: string;
    };
    expect(draft.state).toBe('draft');
    expect(draft.source).toContain('| "refund" | 90 | Within 30 days and still as new');
    // And Tab leaves the editor for the page (no keyboard trap).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(false);
  });

  it('gives an agent no publish button, and the API refuses them', async () => {
    const agentContext = await newContext(browser);
    const agent = await agentContext.newPage();
    try {
      await signInThroughForm(agent, `${app.url}/console/policies/refunds/edit`, DEMO.agent);
      await agent.locator('.cm-content').waitFor();
      await agent.getByText('only managers and admins save drafts and publish').waitFor();
      expect(await agent.getByRole('button', { name: 'Publish' }).count()).toBe(0);
      expect(await agent.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
      const api = await signIn(app.url, DEMO.org, DEMO.agent.email, DEMO.agent.password);
      const r = await api.post('/api/policies/refunds/versions/4/publish', {});
      expect(r.status).toBe(403);
      const saved = await api.post('/api/policies/refunds/drafts', { source: REFUNDS });
      expect(saved.status).toBe(403);
      expect(await seriousViolations(agent)).toEqual([]);
    } finally {
      await agentContext.close();
    }
  });

  it('lets an admin add, promote and deactivate staff, and shows managers the list read-only', async () => {
    const adminContext = await newContext(browser);
    const managerContext = await newContext(browser);
    const admin = await adminContext.newPage();
    try {
      await signInThroughForm(admin, `${app.url}/console/staff`, DEMO.admin);
      await admin.getByRole('heading', { name: 'Staff and teams' }).waitFor();
      await admin.locator('tr[data-member="sam@larkspur.example"]').waitFor();
      const form = admin.getByRole('form', { name: 'Add a member of staff' });
      await form.getByLabel('Email').fill('Nia.Park@larkspur.example');
      await form.getByLabel('Name').fill('Nia Park');
      await form.getByLabel('Team').selectOption({ label: 'returns' });
      await form.getByLabel(/First password/).fill('too short');
      await form.getByRole('button', { name: 'Add' }).click();
      await form.getByText('at least 12 characters').waitFor();
      await form.getByLabel(/First password/).fill('nia has a long password');
      await form.getByRole('button', { name: 'Add' }).click();
      await admin.getByRole('status').filter({ hasText: 'Added Nia Park.' }).waitFor();
      const row = admin.locator('tr[data-member="nia.park@larkspur.example"]');
      await row.waitFor();
      expect(await row.getByLabel('Team of Nia Park').inputValue()).not.toBe('');

      await row.getByLabel('Role of Nia Park').selectOption('manager');
      await admin.getByRole('status').filter({ hasText: 'Nia Park is now manager.' }).waitFor();
      const nia = await signIn(app.url, DEMO.org, 'nia.park@larkspur.example', 'nia has a long password');
      expect((await nia.get('/api/staff')).status).toBe(200); // a manager may read the list

      await row.getByRole('button', { name: 'Deactivate' }).click();
      await admin.getByRole('status').filter({ hasText: 'Deactivated Nia Park' }).waitFor();
      await row.getByText('Deactivated', { exact: true }).waitFor();
      expect((await nia.get('/api/auth/me')).status).toBe(401);
      expect(await seriousViolations(admin)).toEqual([]);
      await screenshot(admin, 'staff');

      const manager = await managerContext.newPage();
      await signInThroughForm(manager, `${app.url}/console/staff`, DEMO.manager);
      await manager.locator('tr[data-member="nia.park@larkspur.example"]').waitFor();
      expect(await manager.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
      expect(await manager.getByRole('form', { name: 'Add a member of staff' }).count()).toBe(0);
      await manager.getByText('Only admins change staff and teams.').waitFor();
    } finally {
      await adminContext.close();
      await managerContext.close();
    }
  });

  it('lets anyone signed in change their own password and keep their API tokens from the top bar', async () => {
    const adminApi = await signIn(app.url, DEMO.org, DEMO.admin.email, DEMO.admin.password);
    const added = await adminApi.post('/api/staff', {
      email: 'leo.desk@larkspur.example',
      name: 'Leo Desk',
      role: 'agent',
      password: 'leo first password',
    });
    expect(added.status).toBe(201);
    const context = await newContext(browser);
    const leo = await context.newPage();
    try {
      await signInThroughForm(leo, `${app.url}/desk`, {
        email: 'leo.desk@larkspur.example',
        password: 'leo first password',
      });
      await leo.getByRole('button', { name: 'Account' }).click();
      const panel = leo.getByRole('region', { name: 'Change my password' });
      await panel.getByLabel('Current password').fill('not my password');
      await panel.getByLabel(/New password/).fill('leo second password');
      await panel.getByRole('button', { name: 'Change password' }).click();
      await panel.getByRole('alert').filter({ hasText: 'wrong password' }).waitFor();
      await panel.getByLabel('Current password').fill('leo first password');
      await panel.getByRole('button', { name: 'Change password' }).click();
      await panel.getByText('Password changed.').waitFor();
      // An API token: made, shown once, listed, revoked.
      const tokens = leo.getByRole('region', { name: 'My API tokens' });
      await tokens.getByLabel('Name of a new token').fill('shop integration');
      await tokens.getByRole('button', { name: 'Create token' }).click();
      const shown = (await tokens.locator('code.token').textContent()) ?? '';
      const asLeo = await fetch(`${app.url}/api/auth/me`, { headers: { authorization: `Bearer ${shown}` } });
      expect(asLeo.status).toBe(200);
      await tokens.getByRole('button', { name: 'Revoke shop integration' }).click();
      await tokens.getByText(/revoked/).waitFor();
      const revoked = await fetch(`${app.url}/api/auth/me`, {
        headers: { authorization: `Bearer ${shown}` },
      });
      expect(revoked.status).toBe(401);
      expect(await seriousViolations(leo)).toEqual([]);
      await expect(
        signIn(app.url, DEMO.org, 'leo.desk@larkspur.example', 'leo first password'),
      ).rejects.toThrow(/401/);
      await signIn(app.url, DEMO.org, 'leo.desk@larkspur.example', 'leo second password');
    } finally {
      await context.close();
    }
  });

  it('shows an auditor the audit log, filtered, and verifies the chain', async () => {
    const context = await newContext(browser);
    const auditor = await context.newPage();
    try {
      await signInThroughForm(auditor, `${app.url}/console/audit`, DEMO.auditor);
      await auditor.getByRole('heading', { name: 'Audit log' }).waitFor();
      expect(await auditor.getByRole('link', { name: 'Staff' }).count()).toBe(0);
      await auditor.locator('table.audit tbody tr').first().waitFor();
      await auditor.getByRole('button', { name: 'Verify the whole chain' }).click();
      await auditor
        .getByRole('status')
        .filter({ hasText: /Intact: all \d+ entries verify\./ })
        .waitFor();
      await screenshot(auditor, 'audit-log');
      await auditor.getByLabel('Action').fill('session.created');
      await auditor.getByRole('button', { name: 'Show' }).click();
      await expect
        .poll(
          async () =>
            new Set(await auditor.locator('table.audit tbody tr td:nth-child(4)').allTextContents()),
        )
        .toEqual(new Set(['session.created']));
      expect(await seriousViolations(auditor)).toEqual([]);
      const download = auditor.waitForEvent('download');
      await auditor.getByRole('link', { name: /Download the whole log/ }).click();
      const file = await (await download).path();
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ seq: 1, prev_hash: '0'.repeat(64) });

      // From a case in the desk to its audit history, and back.
      const api = await signIn(app.url, DEMO.org, DEMO.auditor.email, DEMO.auditor.password);
      const [one] = ((await (await api.get('/api/cases?limit=1')).json()) as { items: { id: string }[] })
        .items;
      await auditor.goto(`${app.url}/desk/cases/${one!.id}`);
      await auditor.getByRole('link', { name: 'Audit history' }).click();
      await auditor.getByRole('heading', { name: 'Audit log' }).waitFor();
      await auditor.locator('table.audit tbody tr').first().waitFor();
      const records = await auditor.locator('table.audit tbody tr td:nth-child(5) code').allTextContents();
      expect(new Set(records)).toEqual(new Set([one!.id]));
      await auditor.locator('table.audit tbody tr td:nth-child(5) a').first().click();
      await auditor.waitForURL(`**/desk/cases/${one!.id}`);
    } finally {
      await context.close();
    }
  });
});
