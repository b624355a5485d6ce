/**
 * kill -9 under load: a writer creating cases and decisions is killed at random moments; after each
 * restart every acknowledged case and decision is there and the audit chain verifies.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SLUG, DEMO_USERS } from '../src/demo/create-demo.ts';
import { type Session, signIn, startServerProcess } from './server-process.ts';

const agent = DEMO_USERS.find((u) => u.role === 'agent')!;
const auditor = DEMO_USERS.find((u) => u.role === 'auditor')!;

describe('a crash mid-write loses no acknowledged data', () => {
  it('survives SIGKILL under load, three times', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'charter-crash-'));
    const acknowledged: { caseId: string; decisionId?: string }[] = [];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 3; round++) {
      const server = await startServerProcess({
        DATA_DIR: dataDir,
        CHARTER_DEMO_CASES: '0',
        CHARTER_DEMO_CUSTOMERS: '0',
      });
      const s: Session = await signIn(server.url, DEMO_SLUG, agent.email, agent.password);
      let stop = false;
      const worker = async (w: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const r = await s.post('/api/cases', {
              kind: 'question',
              channel: 'email',
              priority: 'normal',
              subject: `round ${round} worker ${w} case ${i}`,
              message: 'Where is my order?',
            });
            if (r.status !== 201) continue;
            const c = (await r.json()) as { case: { id: string } };
            const entry: { caseId: string; decisionId?: string } = { caseId: c.case.id };
            acknowledged.push(entry);
            const d = await s.post(`/api/cases/${c.case.id}/decisions`, { decision: 'Response promise' });
            if (d.status === 201)
              entry.decisionId = ((await d.json()) as { decision: { id: string } }).decision.id;
          } catch {
            return; // the server is gone
          }
        }
      };
      const workers = [0, 1, 2, 3].map(worker);
      // Let the writers get going (the first requests warm the server up), then kill at a random moment.
      const before = acknowledged.length;
      for (let waited = 0; acknowledged.length < before + 5 && waited < 30_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 100 + random() * 900));
      await server.stop('SIGKILL');
      stop = true;
      await Promise.all(workers);
    }
    expect(acknowledged.length).toBeGreaterThan(10);
    const server = await startServerProcess({
      DATA_DIR: dataDir,
      CHARTER_DEMO_CASES: '0',
      CHARTER_DEMO_CUSTOMERS: '0',
    });
    try {
      const s = await signIn(server.url, DEMO_SLUG, agent.email, agent.password);
      for (const a of acknowledged) {
        expect((await s.get(`/api/cases/${a.caseId}`)).status, `case ${a.caseId}`).toBe(200);
        if (a.decisionId) expect((await s.get(`/api/decisions/${a.decisionId}`)).status).toBe(200);
      }
      const au = await signIn(server.url, DEMO_SLUG, auditor.email, auditor.password);
      const v = (await (await au.get('/api/audit/verify')).json()) as { ok: boolean; entries: number };
      expect(v.ok).toBe(true);
      expect(v.entries).toBeGreaterThan(acknowledged.length);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
