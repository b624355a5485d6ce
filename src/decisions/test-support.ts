/**
 * @module decisions/test-support
 * Test fixtures for the decisions domain: cases, customers and orders inserted straight into the
 * store (so these tests do not depend on the cases and customers endpoints), a later policy version,
 * and budget ledger adjustments. Tests only.
 */
import { readFileSync } from 'node:fs';
import type { Store } from '../store/index.ts';
import { newId, toJsonText } from '../store/index.ts';
import type { CaseKind } from '../store/schema.ts';

export interface SeedOrder {
  readonly totalMinor: number;
  readonly placedAt: number;
  readonly deliveredAt: number | null;
  readonly category?: string;
}

export interface SeedCase {
  readonly kind?: CaseKind;
  readonly channel?: string;
  readonly priority?: string;
  readonly category?: string | null;
  readonly tier?: string;
  /** Orders of the customer; the first is the case's order. */
  readonly orders?: readonly SeedOrder[];
  /** No customer at all. */
  readonly anonymous?: boolean;
}

export interface SeededCase {
  readonly caseId: string;
  readonly number: number;
  readonly customerId: string | null;
  readonly orderIds: readonly string[];
}

/**
 * Inserts a customer with orders and an open case about the first order.
 * @example const { caseId } = await seedCase(store, orgId, now, { tier: 'gold', orders: [{ totalMinor: 4999, … }] })
 */
export async function seedCase(
  store: Store,
  orgId: string,
  now: number,
  c: SeedCase = {},
): Promise<SeededCase> {
  return store.db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom('orgs')
      .select(['next_case_number', 'currency'])
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('orgs')
      .set({ next_case_number: org.next_case_number + 1 })
      .where('org_id', '=', orgId)
      .execute();
    let customerId: string | null = null;
    const orderIds: string[] = [];
    if (!c.anonymous) {
      customerId = newId();
      await trx
        .insertInto('customers')
        .values({
          org_id: orgId,
          id: customerId,
          external_ref: null,
          name: 'Test Customer',
          email: null,
          phone: null,
          tier: c.tier ?? 'standard',
          consent: toJsonText({}),
          channel_restriction: null,
          erased_at: null,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      for (const o of c.orders ?? []) {
        const id = newId();
        orderIds.push(id);
        await trx
          .insertInto('orders')
          .values({
            org_id: orgId,
            id,
            customer_id: customerId,
            number: `T-${id.slice(-12)}`,
            placed_at: o.placedAt,
            delivered_at: o.deliveredAt,
            currency: org.currency,
            total_minor: o.totalMinor,
            items: toJsonText([
              {
                sku: 'SKU-1',
                name: 'Item',
                category: o.category ?? 'cookware',
                quantity: 1,
                unit_minor: o.totalMinor,
              },
            ]),
            created_at: now,
          })
          .execute();
      }
    }
    const caseId = newId();
    await trx
      .insertInto('cases')
      .values({
        org_id: orgId,
        id: caseId,
        number: org.next_case_number,
        kind: c.kind ?? 'refund request',
        channel: c.channel ?? 'email',
        category: c.category ?? null,
        priority: c.priority ?? 'normal',
        status: 'open',
        subject: 'Test case',
        customer_id: customerId,
        order_id: orderIds[0] ?? null,
        assignee_id: null,
        team_id: null,
        next_deadline: null,
        policy_versions: toJsonText({}),
        portal_token_hash: null,
        search_text: 'test case',
        created_at: now,
        updated_at: now,
        resolved_at: null,
        version: 1,
      })
      .execute();
    return { caseId, number: org.next_case_number, customerId, orderIds };
  });
}

/**
 * Publishes a changed copy of a demo policy document (`examples/charter/<file>`) as a later version.
 * @example await publishVariant(store, orgId, now, 'refunds.md', { version: 4, effective: '2026-12-01' }, (t) => t)
 */
export async function publishVariant(
  store: Store,
  orgId: string,
  now: number,
  file: string,
  meta: { readonly policy: string; readonly version: number; readonly effective: string },
  edit: (text: string) => string,
): Promise<void> {
  const original = readFileSync(new URL(`../../examples/charter/${file}`, import.meta.url), 'utf8');
  const text = edit(
    original
      .replace(/^version: \d+$/m, `version: ${meta.version}`)
      .replace(/^effective: .+$/m, `effective: ${meta.effective}`),
  );
  await store.db
    .insertInto('policy_versions')
    .values({
      org_id: orgId,
      id: newId(),
      policy_id: meta.policy,
      version: meta.version,
      title: meta.policy,
      audience: 'public',
      effective: meta.effective,
      state: 'published',
      source: text,
      created_at: now,
      published_at: now,
      published_by: null,
    })
    .execute();
}

/** Adds a ledger entry (negative spends, positive tops up) straight into the store. */
export async function adjustBudget(
  store: Store,
  orgId: string,
  now: number,
  key: string,
  period: string,
  amountMinor: number,
): Promise<void> {
  await store.db
    .insertInto('budget_entries')
    .values({
      org_id: orgId,
      id: newId(),
      budget_key: key,
      period,
      amount_minor: amountMinor,
      currency: 'GBP',
      decision_id: null,
      created_at: now,
    })
    .execute();
}
