import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('charter init --demo and charter audit verify', () => {
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'charter-cli-store-'));
  beforeAll(() => {
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    process.env.CHARTER_DEMO_CUSTOMERS = '8';
    process.env.CHARTER_DEMO_CASES = '20';
  });
  afterAll(() => {
    process.env = saved;
  });

  it('creates the demo company once, with its history and sign-ins', async () => {
    const first = capture();
    expect(await main(['init', '--demo'], first.io)).toBe(0);
    expect(first.out.join('\n')).toMatch(/Created the demo company "larkspur"/);
    expect(first.out.join('\n')).toMatch(/"cases":20/);
    expect(first.out.join('\n')).toMatch(/maya@larkspur\.example/);
    const again = capture();
    expect(await main(['init', '--demo'], again.io)).toBe(0);
    expect(again.out.join('\n')).toMatch(/already exists/);
  });

  it('verifies the chain, then names the first entry changed behind its back', async () => {
    const ok = capture();
    expect(await main(['audit', 'verify'], ok.io)).toBe(0);
    expect(ok.out[0]).toMatch(/^larkspur: \d+ entries, chain verifies/);
    const db = new SQLite(join(dir, 'charter.db'));
    db.prepare(`update audit_log set data = '{"tampered":true}' where seq = 7`).run();
    db.close();
    const bad = capture();
    expect(await main(['audit', 'verify', '--org', 'larkspur'], bad.io)).toBe(1);
    expect(bad.out[0]).toMatch(/^larkspur: BROKEN at entry #7 /);
    const unknown = capture();
    expect(await main(['audit', 'verify', '--org', 'nobody'], unknown.io)).toBe(2);
    expect(await main(['audit', 'check'], capture().io)).toBe(2);
  });
});
