/**
 * @module customers/list-customers
 * Customers of an organisation in id order (ids are time-ordered UUIDv7, so this is creation
 * order and stable under inserts), searched by name or email and filtered by tier.
 */
import { containsEveryWord, SEARCHED } from '../store/dialect.ts';
import { type CustomerView, customerView, type Db } from './customer-view.ts';

export interface CustomerQuery {
  /** Words that must each appear in the name or the email (case-insensitive). */
  readonly q?: string | undefined;
  readonly tier?: string | undefined;
  /** Only customers with an id after this one (from the cursor). */
  readonly after?: string | undefined;
  readonly limit: number;
}

export interface CustomerPage {
  readonly items: CustomerView[];
  /** The last id of this page when there are more, else null. */
  readonly lastId: string | null;
}

/** The query for one page (`limit + 1` rows: one more tells whether a next page exists). */
export function customerPageQuery(db: Db, orgId: string, query: CustomerQuery) {
  let select = db.selectFrom('customers').selectAll().where('org_id', '=', orgId);
  if (query.tier) select = select.where('tier', '=', query.tier);
  if (query.after) select = select.where('id', '>', query.after);
  // Emails are stored lower-cased.
  const match = containsEveryWord(SEARCHED.customers, query.q ?? '');
  if (match) select = select.where(match);
  return select.orderBy('id').limit(query.limit + 1);
}

/**
 * @example const page = await listCustomers(db, orgId, { q: 'ada', limit: 50 });
 */
export async function listCustomers(db: Db, orgId: string, query: CustomerQuery): Promise<CustomerPage> {
  const rows = await customerPageQuery(db, orgId, query).execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(customerView),
    lastId: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
