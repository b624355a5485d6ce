/**
 * @module customers/update-customer
 * Changes a customer's profile under optimistic concurrency: the caller names the version it read,
 * and a stale version is refused rather than silently overwriting someone else's change.
 */
import { appendAudit } from '../audit/index.ts';
import { AppError } from '../server/errors.ts';
import { isUniqueViolation } from '../store/dialect.ts';
import { fromJsonText, toJsonText } from '../store/index.ts';
import type { CustomerTable } from '../store/schema.ts';
import { assertExternalRefFree } from './create-customer.ts';
import { type Consent, type CustomerContext, type CustomerView, customerView } from './customer-view.ts';
import { assertNotErased, normaliseEmail, requireCustomer } from './find-customer.ts';

export interface CustomerChanges {
  readonly version: number;
  readonly name?: string | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly externalRef?: string | null | undefined;
  readonly tier?: string | undefined;
  /** Merged into the current flags: only the flags named change. */
  readonly consent?: Consent | undefined;
  readonly channelRestriction?: string | null | undefined;
}

// Personal fields are named in the audit entry but their values are not (see create-customer).
const PERSONAL = new Set(['name', 'email', 'phone', 'external_ref']);

/**
 * @example await updateCustomer(ctx, id, { version: 3, tier: 'gold' }) // version 4 afterwards
 */
export async function updateCustomer(
  ctx: CustomerContext,
  id: string,
  changes: CustomerChanges,
): Promise<CustomerView> {
  const row = await requireCustomer(ctx.db, ctx.orgId, id);
  assertNotErased(row);
  if (row.version !== changes.version)
    throw new AppError(
      'version-conflict',
      `The customer changed since version ${changes.version}; it is at version ${row.version}. Reload and retry.`,
    );
  const set: Partial<CustomerTable> = {};
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.email !== undefined) set.email = changes.email === null ? null : normaliseEmail(changes.email);
  if (changes.phone !== undefined) set.phone = changes.phone;
  if (changes.externalRef !== undefined) {
    await assertExternalRefFree(ctx, changes.externalRef, id);
    set.external_ref = changes.externalRef;
  }
  if (changes.tier !== undefined) set.tier = changes.tier;
  if (changes.consent !== undefined)
    set.consent = toJsonText({ ...fromJsonText<Consent>(row.consent, {}), ...changes.consent });
  if (changes.channelRestriction !== undefined) set.channel_restriction = changes.channelRestriction;
  const changed = (Object.keys(set) as (keyof CustomerTable)[]).filter((k) => set[k] !== row[k]);
  const next: CustomerTable = { ...row, ...set, updated_at: ctx.now, version: row.version + 1 };
  let updated: bigint;
  try {
    const result = await ctx.db
      .updateTable('customers')
      .set({ ...set, updated_at: next.updated_at, version: next.version })
      .where('org_id', '=', ctx.orgId)
      .where('id', '=', id)
      .where('version', '=', row.version)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    updated = result.numUpdatedRows;
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('conflict', 'Another customer already has this external reference.');
    throw e;
  }
  // A concurrent writer got in between our read and our write.
  if (updated === 0n)
    throw new AppError('version-conflict', 'The customer changed meanwhile. Reload and retry.');
  const view = customerView(next);
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: 'customer.updated',
    entity: 'customer',
    entityId: id,
    data: {
      version: next.version,
      changed,
      ...Object.fromEntries(
        changed.filter((k) => !PERSONAL.has(k)).map((k) => [k, k === 'consent' ? view.consent : next[k]]),
      ),
    },
    at: ctx.now,
  });
  return view;
}
