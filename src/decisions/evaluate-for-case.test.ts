import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import { CASE } from './evaluate-for-case.ts';

describe('the one read a decision starts from (CASE)', () => {
  it("sums the customer's refunds through their cases from the index alone, never walking the organisation's decisions", async () => {
    const store = await openStore({ filename: ':memory:' });
    try {
      const plan = await store.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${CASE.sqlite}`, ['u', null, 'o', 'c']),
      );
      const steps = plan.rows.map((r) => r.detail);
      expect(steps.some((d) => d.includes('cases_by_customer (org_id=? AND customer_id=?)'))).toBe(true);
      const decisions = steps.filter((d) => /\bdecisions\b/.test(d));
      expect(decisions.length).toBeGreaterThan(0);
      // A decision's row (its facts and outputs) is never fetched: the index holds what the sum needs.
      for (const d of decisions)
        expect(d).toMatch(
          /^SEARCH decisions USING COVERING INDEX decisions_by_case \(org_id=\? AND case_id=\?/,
        );
      // The customer's spend likewise comes from the index on their orders.
      expect(steps).toContain(
        'SEARCH orders USING COVERING INDEX orders_by_customer (org_id=? AND customer_id=? AND currency=?)',
      );
      // Every other table is reached by its key, not scanned.
      expect(steps.filter((d) => d.startsWith('SCAN'))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
