/**
 * @module customers/find-customer
 * Reads one customer of the caller's organisation; another organisation's id is simply not found.
 */
import { AppError } from '../server/errors.ts';
import type { CustomerTable } from '../store/schema.ts';
import type { Db } from './customer-view.ts';

/**
 * @example const row = await requireCustomer(trx, actor.orgId, id); // throws not-found otherwise
 */
export async function requireCustomer(db: Db, orgId: string, id: string): Promise<CustomerTable> {
  const row = await db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'No such customer.');
  return row;
}

/** Refuses changes to an erased customer: erasure is final, the record stays anonymous. */
export function assertNotErased(row: CustomerTable): void {
  if (row.erased_at !== null)
    throw new AppError('customer-erased', 'This customer was erased; the record can no longer change.');
}

/** Emails compare case-insensitively, so they are stored lower-cased and trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
