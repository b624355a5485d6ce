/**
 * @module customers/parse-order-rows
 * Turns the rows of an import's orders file into new orders, or field problems per line. One row
 * per order line, the way shops export them: rows sharing a `number` are the items of one order,
 * and their order columns must agree (or be left empty after the first row).
 *
 * Columns: number, placed_at, currency, total (required); customer_ref or customer_email (one of
 * them); delivered_at; and the item columns sku, item_name, category, quantity, unit_price. Amounts
 * are decimal major units ("12.50"); instants are ISO 8601 with a zone, or a date (midnight in the
 * organisation's time zone).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { NewOrder } from './create-order.ts';
import type { OrderItem } from './customer-view.ts';
import { normaliseEmail } from './find-customer.ts';
import { isCurrency, parseMajorAmount } from './money.ts';
import { MAX_IMPORT_ROWS } from './parse-customer-rows.ts';
import type { CsvRow, CsvSpec, FieldProblem, Rejection } from './read-import-csv.ts';

const ORDER_COLUMNS = [
  'customer_ref',
  'customer_email',
  'placed_at',
  'delivered_at',
  'currency',
  'total',
] as const;
const ITEM_COLUMNS = ['sku', 'item_name', 'category', 'quantity', 'unit_price'] as const;

export const ORDERS_CSV: CsvSpec = {
  file: 'orders_csv',
  columns: ['number', ...ORDER_COLUMNS, ...ITEM_COLUMNS],
  required: ['number', 'placed_at', 'currency', 'total'],
  maxRows: MAX_IMPORT_ROWS,
};

export interface OrderCandidate {
  /** The first line of the order. */
  readonly line: number;
  readonly customerRef: string | null;
  readonly customerEmail: string | null;
  readonly order: NewOrder;
}

const email = z.email();
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO instant with its zone, or a calendar date taken as midnight in the organisation's zone. */
function parseInstant(text: string, timeZone: string): number | null {
  if (!DATE.test(text) && !INSTANT.test(text)) return null;
  const dt = DateTime.fromISO(text, { zone: timeZone });
  return dt.isValid ? dt.toMillis() : null;
}

interface Group {
  readonly line: number;
  readonly raw: Readonly<Record<string, string>>;
  ok: boolean;
  customerRef: string | null;
  customerEmail: string | null;
  placedAt: number;
  deliveredAt: number | null;
  currency: string;
  totalMinor: number;
  items: OrderItem[];
}

function itemOf(
  v: Record<string, string>,
  currency: string | null,
  problems: FieldProblem[],
): OrderItem | null {
  if (ITEM_COLUMNS.every((c) => !v[c])) return null;
  const sku = v.sku ?? '';
  const name = v.item_name ?? '';
  const category = v.category ?? '';
  if (!sku) problems.push({ field: 'sku', message: 'required when the row has an item' });
  else if (sku.length > 100) problems.push({ field: 'sku', message: 'expected at most 100 characters' });
  if (!name) problems.push({ field: 'item_name', message: 'required when the row has an item' });
  else if (name.length > 200)
    problems.push({ field: 'item_name', message: 'expected at most 200 characters' });
  if (category.length > 100) problems.push({ field: 'category', message: 'expected at most 100 characters' });
  const qtyText = v.quantity || '1';
  const quantity = /^\d{1,6}$/.test(qtyText) ? Number(qtyText) : 0;
  if (quantity < 1) problems.push({ field: 'quantity', message: 'expected a whole number from 1 to 999999' });
  let unit = 0;
  if (!v.unit_price) problems.push({ field: 'unit_price', message: 'required when the row has an item' });
  else if (currency) {
    const r = parseMajorAmount(v.unit_price, currency);
    if (r.ok) unit = r.value;
    else problems.push({ field: 'unit_price', message: r.message });
  }
  return { sku, name, category: category || null, quantity, unit_minor: unit };
}

function firstLine(
  line: number,
  v: Record<string, string>,
  timeZone: string,
  problems: FieldProblem[],
): Group {
  const g: Group = {
    line,
    raw: v,
    ok: true,
    customerRef: v.customer_ref || null,
    customerEmail: v.customer_email ? normaliseEmail(v.customer_email) : null,
    placedAt: 0,
    deliveredAt: null,
    currency: (v.currency ?? '').toUpperCase(),
    totalMinor: 0,
    items: [],
  };
  if (!g.customerRef && !g.customerEmail)
    problems.push({ field: 'customer_ref', message: 'either customer_ref or customer_email is required' });
  if (g.customerRef && g.customerRef.length > 100)
    problems.push({ field: 'customer_ref', message: 'expected at most 100 characters' });
  if (g.customerEmail && !email.safeParse(g.customerEmail).success)
    problems.push({ field: 'customer_email', message: 'expected an email address' });
  const placed = v.placed_at ? parseInstant(v.placed_at, timeZone) : null;
  if (placed === null)
    problems.push({
      field: 'placed_at',
      message: 'expected an ISO 8601 instant (…Z or ±hh:mm) or a date YYYY-MM-DD',
    });
  else g.placedAt = placed;
  if (v.delivered_at) {
    const delivered = parseInstant(v.delivered_at, timeZone);
    if (delivered === null)
      problems.push({
        field: 'delivered_at',
        message: 'expected an ISO 8601 instant (…Z or ±hh:mm) or a date YYYY-MM-DD',
      });
    else if (placed !== null && delivered < placed)
      problems.push({ field: 'delivered_at', message: 'expected a time after placed_at' });
    else g.deliveredAt = delivered;
  }
  if (!isCurrency(g.currency))
    problems.push({ field: 'currency', message: 'expected an ISO 4217 code such as GBP' });
  else if (!v.total) problems.push({ field: 'total', message: 'required' });
  else {
    const total = parseMajorAmount(v.total, g.currency);
    if (total.ok) g.totalMinor = total.value;
    else problems.push({ field: 'total', message: total.message });
  }
  return g;
}

/**
 * Parses order rows, grouping order lines by number; every row is checked.
 * @example parseOrderRows(rows, 'Europe/London') // { candidates: [{ line: 2, customerRef: 'C-1', order: {…} }], rejections: [] }
 */
export function parseOrderRows(
  rows: readonly CsvRow[],
  timeZone: string,
): { candidates: OrderCandidate[]; rejections: Rejection[] } {
  const groups = new Map<string, Group>();
  const rejections: Rejection[] = [];
  for (const { line, values } of rows) {
    const problems: FieldProblem[] = [];
    const number = values.number ?? '';
    if (!number) problems.push({ field: 'number', message: 'required' });
    else if (number.length > 60)
      problems.push({ field: 'number', message: 'expected at most 60 characters' });
    let group = groups.get(number);
    if (number && group) {
      for (const c of ORDER_COLUMNS) {
        const v = values[c];
        if (v && v !== group.raw[c])
          problems.push({ field: c, message: `differs from line ${group.line} of the same order` });
      }
    } else if (number) {
      group = firstLine(line, values, timeZone, problems);
      groups.set(number, group);
    }
    const item = itemOf(values, group && isCurrency(group.currency) ? group.currency : null, problems);
    if (problems.length > 0) {
      if (group) group.ok = false;
      rejections.push({ file: 'orders_csv', line, errors: problems });
    } else if (group && item) group.items.push(item);
  }
  const candidates: OrderCandidate[] = [];
  for (const [number, g] of groups)
    if (g.ok)
      candidates.push({
        line: g.line,
        customerRef: g.customerRef,
        customerEmail: g.customerEmail,
        order: {
          number,
          placedAt: g.placedAt,
          deliveredAt: g.deliveredAt,
          currency: g.currency,
          totalMinor: g.totalMinor,
          items: g.items,
        },
      });
  return { candidates, rejections };
}
