/**
 * Vitest global setup: builds the web app once so the browser tests (test/e2e) and the server
 * tests serve the same bundle `npm start` serves.
 */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
