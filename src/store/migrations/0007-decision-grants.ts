/**
 * @module store/migrations/0007-decision-grants
 * Decisions keep what they granted (`grants`: refund, store credit, replacement, repair, goodwill;
 * null when nothing), so money paid back to a customer is summed from an index instead of reading
 * and parsing every earlier decision's outputs. The index on a case's decisions now carries the
 * columns that sum needs, and the index on a customer's orders the columns of their spend (both
 * read with every decision on a customer's case, and by the customer card).
 *
 * Earlier rows are filled in from their outputs with the outcome table as it stood when this
 * migration was written (decisions/amounts.ts); rows written since carry the column from the grant.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types.
type AnyDb = Kysely<any>;

/** Decision → [the output naming the outcome, outcome → what it grants]. Frozen here on purpose. */
const GRANTED: Readonly<Record<string, readonly [string, Readonly<Record<string, string>>]>> = {
  Refund: [
    'Outcome',
    { refund: 'refund', 'store credit': 'store credit', 'repair or replace': 'replacement' },
  ],
  'Warranty remedy': [
    'Remedy',
    { refund: 'refund', 'partial refund': 'refund', replace: 'replacement', repair: 'repair' },
  ],
  Goodwill: [
    'Gesture',
    { 'delivery refund': 'goodwill', 'discount code': 'goodwill', 'store credit': 'goodwill' },
  ],
  'Delay offer': [
    'Offer',
    { 'delivery refund': 'goodwill', 'goodwill credit': 'goodwill', 'substitute or cancel': 'goodwill' },
  ],
};

/** What an earlier decision granted, from its name and outputs. */
export function grantedBy(decision: string, outputs: string): string | null {
  const rule = GRANTED[decision];
  if (!rule) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(outputs);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const outcome = (parsed as Record<string, unknown>)[rule[0]];
  return typeof outcome === 'string' ? (rule[1][outcome] ?? null) : null;
}

const PAGE = 1000;

/** Fills in `grants` on decisions written before it existed. */
export async function fillGrants(db: AnyDb): Promise<void> {
  // Only decisions that granted something carry an amount; walk them a page at a time.
  let after: [string, string] = ['', ''];
  for (;;) {
    const rows: { org_id: string; id: string; decision: string; outputs: string }[] = await db
      .selectFrom('decisions')
      .select(['org_id', 'id', 'decision', 'outputs'])
      .where('amount_minor', 'is not', null)
      .where((eb) =>
        eb.or([eb('org_id', '>', after[0]), eb.and([eb('org_id', '=', after[0]), eb('id', '>', after[1])])]),
      )
      .orderBy('org_id')
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const grants = grantedBy(r.decision, r.outputs);
      if (grants !== null)
        await db
          .updateTable('decisions')
          .set({ grants })
          .where('org_id', '=', r.org_id)
          .where('id', '=', r.id)
          .execute();
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = [last.org_id, last.id];
  }
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('decisions').addColumn('grants', 'text').execute();
  await fillGrants(db);
  await db.schema.dropIndex('decisions_by_case').execute();
  // The refund sum (decisions/evaluate-for-case.ts) reads this index alone, never the rows.
  await db.schema
    .createIndex('decisions_by_case')
    .on('decisions')
    .columns(['org_id', 'case_id', 'grants', 'currency', 'approval_state', 'amount_minor'])
    .execute();
  // Likewise the customer's spend: no order row (with its items) is read to sum the totals.
  await db.schema.dropIndex('orders_by_customer').execute();
  await db.schema
    .createIndex('orders_by_customer')
    .on('orders')
    .columns(['org_id', 'customer_id', 'currency', 'total_minor'])
    .execute();
}
