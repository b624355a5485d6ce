import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/databases.ts';
import { type Caller, startTestServer, type TestServer } from '../../../../test/http.ts';
import { caseJobHandlers } from '../../../cases/index.ts';
import { enqueueJob, runDueJobs } from '../../../jobs/index.ts';

const MINUTE = 60_000;

describe.each(ENGINES)('SLA warning and breach jobs on %s', (engine) => {
  let s: TestServer;
  let agent: Caller;
  const start = Date.parse('2026-11-23T10:00:00Z');
  beforeAll(async () => {
    s = await startTestServer(engine);
    agent = await s.caller('agent');
  });
  afterAll(() => s.close());

  async function runJobsAt(at: number) {
    const handlers = caseJobHandlers({ dialect: s.store.dialect, now: () => at });
    return runDueJobs(s.store, handlers, { owner: 'test', now: at, limit: 500 });
  }
  async function slaEntries(id: string) {
    const r = await agent.withToken({ method: 'GET', url: `/api/cases/${id}` });
    return (
      r.json().timeline as { kind: string; body: string; data: { clock: string; event: string } }[]
    ).filter((e) => e.kind === 'sla');
  }

  it('records a warning and a breach once, when the clocks still say so', async () => {
    s.clock.now = start;
    const r = await agent.request({
      method: 'POST',
      url: '/api/cases',
      payload: { kind: 'question', channel: 'email', priority: 'urgent', subject: 'Smoke from the kettle' },
    });
    const id = r.json().case.id as string;
    // Urgent in writing: the internal first reply is due after 30 duty minutes (warning at 80%).
    const report = await runJobsAt(start + 31 * MINUTE);
    expect(report.failed).toBe(0);
    const entries = await slaEntries(id);
    // The runner does not promise an order among jobs claimed together.
    expect(entries.map((e) => `${e.data.clock} ${e.data.event}`).sort()).toEqual([
      'first_reply:internal:1 breach',
      'first_reply:internal:1 warning',
    ]);
    expect(entries.map((e) => e.body)).toContainEqual(
      expect.stringContaining('Internal target for first reply breached'),
    );
    const again = await runJobsAt(start + 32 * MINUTE);
    expect(again.failed).toBe(0);
    expect(await slaEntries(id)).toHaveLength(2);
  });

  it('does nothing for a deadline the case met before it fell due', async () => {
    s.clock.now = start;
    const r = await agent.request({
      method: 'POST',
      url: '/api/cases',
      payload: { kind: 'question', channel: 'email', priority: 'urgent', subject: 'Answered in time' },
    });
    const id = r.json().case.id as string;
    s.clock.now = start + 5 * MINUTE;
    const reply = await agent.request({
      method: 'POST',
      url: `/api/cases/${id}/messages`,
      payload: { direction: 'out', body: 'Please stop using it; we are sending a replacement.' },
    });
    expect(reply.statusCode).toBe(201);
    s.clock.now = start;
    expect((await runJobsAt(start + 70 * MINUTE)).failed).toBe(0);
    const clocks = (await slaEntries(id)).map((e) => e.data.clock);
    expect(clocks.filter((c) => c.startsWith('first_reply'))).toEqual([]);
  });

  it('records an instant once even when two jobs name it (ids from an older scheme)', async () => {
    s.clock.now = start;
    const r = await agent.request({
      method: 'POST',
      url: '/api/cases',
      payload: { kind: 'question', channel: 'email', priority: 'urgent', subject: 'Twice scheduled' },
    });
    const id = r.json().case.id as string;
    const pending = await s.store.db
      .selectFrom('jobs')
      .selectAll()
      .where('payload', 'like', `%${id}%`)
      .where('done_at', 'is', null)
      .execute();
    expect(pending.length).toBeGreaterThan(0);
    for (const job of pending) {
      expect(job.id.startsWith(`k-${id}-`)).toBe(true);
      // The same job as an earlier release keyed it: no scope in its id.
      const payload = JSON.parse(job.payload) as { clock: string };
      await enqueueJob(s.store.db, s.store.dialect, {
        orgId: job.org_id,
        kind: job.kind,
        dueAt: job.due_at,
        payload: JSON.parse(job.payload),
        key: `${id}/legacy/${payload.clock}`,
      });
    }
    expect((await runJobsAt(start + 31 * MINUTE)).failed).toBe(0);
    const entries = (await slaEntries(id)).map((e) => `${e.data.clock} ${e.data.event}`).sort();
    expect(entries).toEqual(['first_reply:internal:1 breach', 'first_reply:internal:1 warning']);
  });
});
