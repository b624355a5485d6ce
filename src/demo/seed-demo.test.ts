import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/index.ts';
import { widen } from '../decisions/index.ts';
import { openStore } from '../store/index.ts';
import { ensureDemo } from './create-demo.ts';

describe('the demo history', () => {
  it('has refund decisions, approvals the manager answered and one still waiting, on a chain that verifies', async () => {
    const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'charter-demo-')) });
    try {
      const now = Date.parse('2026-12-20T12:00:00Z');
      const demo = await ensureDemo(store, now, { customers: 40, cases: 240 });
      const seeded = (await demo.seeded) as { decisions: number; approvals: number };
      expect(seeded.decisions).toBeGreaterThan(10);
      expect(seeded.approvals).toBeGreaterThan(0);

      const db = widen(store.db);
      const decisions = await db
        .selectFrom('decisions')
        .select(['decision', 'approval_state', 'grants', 'decided_at'])
        .where('org_id', '=', demo.orgId)
        .execute();
      expect(decisions).toHaveLength(seeded.decisions);
      expect(new Set(decisions.map((d) => d.decision))).toEqual(new Set(['Refund']));
      const states = new Set(decisions.map((d) => d.approval_state));
      // Granted alone, approved, denied, and one still in the manager's inbox.
      for (const s of ['none', 'approved', 'denied', 'pending']) expect(states).toContain(s);
      expect(decisions.some((d) => d.grants === 'refund')).toBe(true);
      expect(decisions.every((d) => d.decided_at < now)).toBe(true);

      const answered = await store.db
        .selectFrom('approvals')
        .select(['state'])
        .where('org_id', '=', demo.orgId)
        .where('state', '!=', 'pending')
        .execute();
      expect(answered).toHaveLength(seeded.approvals);
      // Every decision is on its case's timeline, and the audit chain holds.
      const entries = await store.db
        .selectFrom('timeline_entries')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('org_id', '=', demo.orgId)
        .where('kind', '=', 'decision')
        .executeTakeFirstOrThrow();
      expect(Number(entries.n)).toBe(seeded.decisions);
      expect((await verifyAudit(store.db, demo.orgId)).ok).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('skips decisions on dates before the Refund policy took effect, and makes them after', async () => {
    const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'charter-demo-')) });
    try {
      // 90 days back from here starts in June; the demo's refunds policy takes effect on 1 September.
      const now = Date.parse('2026-09-20T12:00:00Z');
      const effective = Date.parse('2026-09-01T00:00:00+01:00');
      const demo = await ensureDemo(store, now, { customers: 30, cases: 200 });
      const seeded = (await demo.seeded) as { cases: number; decisions: number };
      const cases = await store.db
        .selectFrom('cases')
        .select(['kind', 'created_at'])
        .where('org_id', '=', demo.orgId)
        .execute();
      expect(cases.some((c) => c.kind === 'refund request' && c.created_at < effective - 86_400_000)).toBe(
        true,
      );
      const decisions = await store.db
        .selectFrom('decisions')
        .select(['decided_at'])
        .where('org_id', '=', demo.orgId)
        .execute();
      expect(decisions.length).toBe(seeded.decisions);
      expect(decisions.length).toBeGreaterThan(0);
      expect(decisions.every((d) => d.decided_at >= effective)).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});
