/**
 * @module store/migrations/0002-customer-refs
 * A customer's external reference (the shop's customer id) is unique within the organisation:
 * imports link orders to customers by it. Customers without one (null) are not constrained.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _dialect: DialectName): Promise<void> {
  await db.schema
    .createIndex('customers_external_ref')
    .unique()
    .on('customers')
    .columns(['org_id', 'external_ref'])
    .execute();
}
