import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import { REFUNDED } from './gather-facts.ts';

describe('the refunds already granted to a customer', () => {
  it("are found through the customer's cases, never by walking the organisation's decisions", async () => {
    const store = await openStore({ filename: ':memory:' });
    try {
      const plan = await store.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${REFUNDED.sqlite}`, ['o', 'o', 'c', 'GBP']),
      );
      const steps = plan.rows.map((r) => r.detail);
      expect(steps.some((d) => d.includes('cases_by_customer (org_id=? AND customer_id=?)'))).toBe(true);
      const decisions = steps.filter((d) => /SEARCH decisions\b/.test(d));
      expect(decisions.length).toBeGreaterThan(0);
      for (const d of decisions) expect(d).toContain('case_id=?');
      // The sum reads the index alone: a decision's row (its facts and outputs) is never fetched.
      for (const d of decisions) expect(d).toContain('USING COVERING INDEX decisions_by_case');
    } finally {
      await store.close();
    }
  });
});
