/**
 * @module customers/create-customer
 * Creates a customer profile, audited without the personal data (the audit chain cannot be edited
 * later, so an erasure could not reach names or emails written into it).
 */
import { appendAudit } from '../audit/index.ts';
import { AppError } from '../server/errors.ts';
import { isUniqueViolation } from '../store/dialect.ts';
import { newId, toJsonText } from '../store/index.ts';
import type { CustomerTable } from '../store/schema.ts';
import {
  type Consent,
  type CustomerContext,
  type CustomerView,
  customerView,
  DEFAULT_CONSENT,
} from './customer-view.ts';
import { normaliseEmail } from './find-customer.ts';

export interface NewCustomer {
  readonly name: string;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly externalRef?: string | null | undefined;
  readonly tier?: string | undefined;
  readonly consent?: Consent | undefined;
  readonly channelRestriction?: string | null | undefined;
}

/** The row for a new customer (shared with the import, which inserts many at once). */
export function newCustomerRow(orgId: string, now: number, c: NewCustomer): CustomerTable {
  return {
    org_id: orgId,
    id: newId(),
    external_ref: c.externalRef ?? null,
    name: c.name,
    email: c.email ? normaliseEmail(c.email) : null,
    phone: c.phone ?? null,
    tier: c.tier ?? 'standard',
    consent: toJsonText({ ...DEFAULT_CONSENT, ...c.consent }),
    channel_restriction: c.channelRestriction ?? null,
    erased_at: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** Rejects an external reference another customer of the organisation already has. */
export async function assertExternalRefFree(
  ctx: CustomerContext,
  externalRef: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!externalRef) return;
  const other = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('org_id', '=', ctx.orgId)
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
  if (other && other.id !== exceptId)
    throw new AppError('conflict', 'Another customer already has this external reference.', [
      { path: 'body.external_ref', message: 'already used by another customer' },
    ]);
}

/**
 * @example const c = await createCustomer(ctx, { name: 'Ada Lovelace', email: 'ada@example.com' });
 */
export async function createCustomer(ctx: CustomerContext, input: NewCustomer): Promise<CustomerView> {
  await assertExternalRefFree(ctx, input.externalRef);
  const row = newCustomerRow(ctx.orgId, ctx.now, input);
  try {
    await ctx.db.insertInto('customers').values(row).execute();
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('conflict', 'Another customer already has this external reference.');
    throw e;
  }
  const view = customerView(row);
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: 'customer.created',
    entity: 'customer',
    entityId: row.id,
    data: {
      tier: view.tier,
      consent: view.consent,
      channel_restriction: view.channel_restriction,
      source: 'api',
    },
    at: ctx.now,
  });
  return view;
}
