/**
 * @module customers/customer-view
 * How customers and orders look outside the database: ISO instants instead of epoch ms, JSON
 * columns parsed, and lifetime value as totals per currency.
 */
import type { Kysely, Transaction } from 'kysely';
import { type DialectName, fromJsonText } from '../store/dialect.ts';
import type { CustomerTable, Database, OrderTable } from '../store/schema.ts';

/** The database handle a service runs on: the store itself or an open transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Who is acting, in which organisation, and when (services never read the clock themselves). */
export interface CustomerContext {
  readonly db: Db;
  readonly dialect: DialectName;
  readonly orgId: string;
  readonly actorId: string;
  readonly now: number;
}

export type Consent = Readonly<Record<string, boolean>>;

export interface OrderItem {
  readonly sku: string;
  readonly name: string;
  readonly category: string | null;
  readonly quantity: number;
  readonly unit_minor: number;
}

export interface CustomerView {
  readonly id: string;
  readonly external_ref: string | null;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly tier: string;
  readonly consent: Consent;
  readonly channel_restriction: string | null;
  readonly erased_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly version: number;
}

export interface OrderView {
  readonly id: string;
  readonly customer_id: string;
  readonly number: string;
  readonly placed_at: string;
  readonly delivered_at: string | null;
  readonly currency: string;
  readonly total_minor: number;
  readonly items: OrderItem[];
  readonly created_at: string;
}

/** One currency's total, in minor units. */
export interface MoneyTotal {
  readonly currency: string;
  readonly total_minor: number;
}

/** Consent flags every customer has, false until given. */
export const DEFAULT_CONSENT: Consent = { marketing: false, surveys: false };

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export function customerView(row: CustomerTable): CustomerView {
  return {
    id: row.id,
    external_ref: row.external_ref,
    name: row.name,
    email: row.email,
    phone: row.phone,
    tier: row.tier,
    consent: fromJsonText<Consent>(row.consent, {}),
    channel_restriction: row.channel_restriction,
    erased_at: isoOrNull(row.erased_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export function orderView(row: OrderTable): OrderView {
  return {
    id: row.id,
    customer_id: row.customer_id,
    number: row.number,
    placed_at: iso(row.placed_at),
    delivered_at: isoOrNull(row.delivered_at),
    currency: row.currency,
    total_minor: row.total_minor,
    items: fromJsonText<OrderItem[]>(row.items, []),
    created_at: iso(row.created_at),
  };
}
