/**
 * @module customers/erase-customer
 * Privacy erasure. Personal data leaves the profile (name, email, phone, external reference,
 * consent, channel restriction); the record stays, anonymous, so orders keep their amounts and
 * dates and the organisation's figures still add up.
 *
 * The one legal exception to "timelines are never edited": the bodies and details of timeline
 * entries written by the customer are overwritten with "[erased]" here, because an erasure request
 * must reach what the person wrote, and amending (the usual way) would keep the original text. The
 * cases' search text is emptied for the same reason, and stored idempotent replies that echo the
 * profile are dropped. Audit entries never held personal data, so the hash chain is untouched and
 * still verifies; the erasure itself is audited with who and when, and no personal data.
 */
import { appendAudit } from '../audit/index.ts';
import { toJsonText } from '../store/index.ts';
import type { CustomerTable } from '../store/schema.ts';
import { type CustomerContext, type CustomerView, customerView } from './customer-view.ts';
import { assertNotErased, requireCustomer } from './find-customer.ts';

export const ERASED_NAME = 'Erased customer';
export const ERASED_TEXT = '[erased]';

/**
 * @example const c = await eraseCustomer(ctx, id); c.name // 'Erased customer'
 */
export async function eraseCustomer(ctx: CustomerContext, id: string): Promise<CustomerView> {
  const { db, orgId } = ctx;
  const row = await requireCustomer(db, orgId, id);
  assertNotErased(row);
  const erased: CustomerTable = {
    ...row,
    name: ERASED_NAME,
    email: null,
    phone: null,
    external_ref: null,
    consent: toJsonText({}),
    channel_restriction: null,
    erased_at: ctx.now,
    updated_at: ctx.now,
    version: row.version + 1,
  };
  await db
    .updateTable('customers')
    .set({
      name: erased.name,
      email: null,
      phone: null,
      external_ref: null,
      consent: erased.consent,
      channel_restriction: null,
      erased_at: erased.erased_at,
      updated_at: erased.updated_at,
      version: erased.version,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  const caseIds = db
    .selectFrom('cases')
    .select('id')
    .where('org_id', '=', orgId)
    .where('customer_id', '=', id);
  const entries = await db
    .updateTable('timeline_entries')
    .set({ body: ERASED_TEXT, data: toJsonText({ erased: true }) })
    .where('org_id', '=', orgId)
    .where('actor_type', '=', 'customer')
    .where('case_id', 'in', caseIds)
    .executeTakeFirst();
  const cases = await db
    .updateTable('cases')
    .set({ search_text: '' })
    .where('org_id', '=', orgId)
    .where('customer_id', '=', id)
    .executeTakeFirst();
  // Ids are UUIDs, so a reply mentioning this one is a reply about this customer or their orders.
  await db
    .deleteFrom('idempotency_keys')
    .where('org_id', '=', orgId)
    .where('response', 'like', `%${id}%`)
    .execute();
  await appendAudit(db, ctx.dialect, {
    orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: 'customer.erased',
    entity: 'customer',
    entityId: id,
    data: {
      version: erased.version,
      timeline_entries_erased: Number(entries.numUpdatedRows),
      cases: Number(cases.numUpdatedRows),
    },
    at: ctx.now,
  });
  return customerView(erased);
}
