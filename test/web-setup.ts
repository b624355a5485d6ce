/**
 * Vitest global setup: builds the web app once so the browser tests (test/e2e) and the server
 * tests serve the same bundle `npm start` serves. A failed build does not stop the other suites:
 * it removes web/dist, so every browser test fails on the "not built" page, and prints why.
 * CHARTER_SKIP_WEB_BUILD=1 reuses the existing build (quick local runs of server tests).
 */
import { rmSync } from 'node:fs';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  if (process.env.CHARTER_SKIP_WEB_BUILD === '1') return;
  const config = new URL('../web/vite.config.ts', import.meta.url).pathname;
  // Vitest sets NODE_ENV=test, which would give React's development build: build what npm start serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: config, logLevel: 'warn', mode: 'production' });
  } catch (e) {
    rmSync(new URL('../web/dist', import.meta.url).pathname, { recursive: true, force: true });
    console.error(`web build failed; browser tests will fail: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
