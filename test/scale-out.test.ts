/**
 * Scale-out: two server processes on one PostgreSQL database both serve reads and writes, and the
 * scheduled jobs (here the follow-ups of resolved cases) run exactly once, claimed by lease.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEMO_SLUG, DEMO_USERS } from '../src/demo/create-demo.ts';
import { freshPostgresUrl } from './databases.ts';
import { type Session, signIn, startServerProcess } from './server-process.ts';

const agent = DEMO_USERS.find((u) => u.role === 'agent')!;

interface CaseBody {
  case: { id: string; version: number; status: string };
}

/** Opens a case on one process and resolves it through the other. */
async function openAndResolve(s: Session, other: Session, subject: string): Promise<string> {
  const created = (await (
    await s.post('/api/cases', { kind: 'question', channel: 'email', subject, message: 'Hello?' })
  ).json()) as CaseBody;
  const id = created.case.id;
  const reply = (await (
    await s.post(`/api/cases/${id}/messages`, { direction: 'out', body: 'Here is the answer.' })
  ).json()) as CaseBody;
  const r = await other.patch(`/api/cases/${id}`, { version: reply.case.version, status: 'resolved' });
  if (r.status !== 200) throw new Error(`resolve failed: ${r.status} ${await r.text()}`);
  return id;
}

describe('two server processes on one PostgreSQL', () => {
  it('both serve reads and writes; jobs run exactly once', async () => {
    const url = await freshPostgresUrl();
    const env = {
      DATABASE_URL: url,
      CHARTER_DEMO_CASES: '0',
      CHARTER_DEMO_CUSTOMERS: '0',
      CHARTER_JOB_INTERVAL_MS: '100',
    };
    const a = await startServerProcess(env);
    const b = await startServerProcess(env);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const sa = await signIn(a.url, DEMO_SLUG, agent.email, agent.password);
      const sb = await signIn(b.url, DEMO_SLUG, agent.email, agent.password);
      const ids: string[] = [];
      for (let i = 0; i < 12; i++)
        ids.push(await openAndResolve(i % 2 ? sb : sa, i % 2 ? sa : sb, `scale-out ${i}`));
      for (const [i, id] of ids.entries()) {
        const other = i % 2 ? sa : sb;
        expect((await other.get(`/api/cases/${id}`)).status).toBe(200);
      }
      // Bring every follow-up forward to now; both processes race to run them.
      const due = await client.query(
        `update jobs set due_at = 0 where kind = 'case.follow_up' and done_at is null`,
      );
      expect(due.rowCount).toBe(ids.length);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const left = await client.query(
          `select count(*)::int as n from jobs where kind = 'case.follow_up' and done_at is null`,
        );
        if (left.rows[0].n === 0) break;
        if (Date.now() > deadline) throw new Error('follow-ups did not run');
        await new Promise((r) => setTimeout(r, 200));
      }
      const entries = await client.query(
        `select case_id, count(*)::int as n from timeline_entries where kind = 'follow_up' group by case_id`,
      );
      expect(entries.rows.length).toBe(ids.length);
      for (const row of entries.rows) expect(row.n).toBe(1);
      const owners = await client.query(
        `select distinct lease_owner from jobs where kind = 'case.follow_up'`,
      );
      expect(owners.rows.length).toBeGreaterThanOrEqual(1);
    } finally {
      await client.end();
      await a.stop();
      await b.stop();
    }
  }, 180_000);
});
