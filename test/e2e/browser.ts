/**
 * Browser test support: Debian's chromium driven by playwright-core, a fresh `charter serve` process
 * with a small demo company, axe-core checks and screenshots for the README.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type ServerProcess, startServerProcess } from '../server-process.ts';

export const DEMO = {
  org: 'larkspur',
  agent: { email: 'sam@larkspur.example', password: 'demo-agent-1' },
  manager: { email: 'maya@larkspur.example', password: 'demo-manager-1' },
  auditor: { email: 'otto@larkspur.example', password: 'demo-auditor-1' },
  admin: { email: 'admin@larkspur.example', password: 'demo-admin-1' },
} as const;

/** The chromium binary `which chromium` prints; a missing browser fails the test, never skips it. */
export function chromiumPath(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium is not installed: apt-get install chromium (.ci/run does it)');
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

export interface AppUnderTest {
  readonly server: ServerProcess;
  readonly url: string;
  /** The server's SQLite folder (another process may open it: WAL allows it). */
  readonly dataDir: string;
  close(): Promise<void>;
}

/** A fresh server on its own SQLite folder with a small, fully seeded demo company. */
export async function startApp(env: Record<string, string> = {}): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'charter-e2e-'));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    CHARTER_DEMO_CUSTOMERS: '30',
    CHARTER_DEMO_CASES: '60',
    CHARTER_JOB_INTERVAL_MS: '500',
    ...env,
  });
  return { server, url: server.url, dataDir, close: () => server.stop() };
}

/** Signs a staff member in through the real sign-in form of a face. */
export async function signInThroughForm(
  page: Page,
  url: string,
  who: { readonly email: string; readonly password: string },
): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Organisation').fill(DEMO.org);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'detached' });
}

/** Serious and critical axe violations, as readable lines (empty when the page passes). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const r: AxeResults = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

/**
 * Takes a screenshot of the page as it is; with CHARTER_SCREENSHOTS=1 (`npm run screenshots`) saves
 * it for the README under docs/screenshots/<name>.png. Not on every run: the PNGs differ byte for
 * byte each time, and a test run should leave the working tree as it found it.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot({ fullPage: false });
  if (png.length === 0) throw new Error(`empty screenshot: ${name}`);
  if (process.env.CHARTER_SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `${name}.png`), png);
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1360, height: 860 },
    locale: 'en-GB',
    timezoneId: 'America/New_York',
  });
}
