/**
 * @module customers/import-customers
 * Imports customers and their orders from CSV text, all or nothing: every row of both files is
 * checked first (fields, then references against the file and the stored records), and only when
 * no row is rejected is anything written, in the caller's transaction, with one audit entry.
 */
import { appendAudit } from '../audit/index.ts';
import { AppError } from '../server/errors.ts';
import { isUniqueViolation } from '../store/dialect.ts';
import { newId } from '../store/index.ts';
import type { CustomerTable, OrderTable } from '../store/schema.ts';
import { newCustomerRow } from './create-customer.ts';
import { newOrderRow } from './create-order.ts';
import type { CustomerContext } from './customer-view.ts';
import { normaliseEmail } from './find-customer.ts';
import { CUSTOMERS_CSV, type CustomerCandidate, parseCustomerRows } from './parse-customer-rows.ts';
import { ORDERS_CSV, type OrderCandidate, parseOrderRows } from './parse-order-rows.ts';
import { type CsvRow, type Rejection, readCsv } from './read-import-csv.ts';

export interface ImportInput {
  readonly customersCsv?: string | undefined;
  readonly ordersCsv?: string | undefined;
}

export interface ImportReport {
  readonly imported: { readonly customers: number; readonly orders: number };
  readonly rejected: Rejection[];
}

export type ImportResult =
  | { readonly ok: true; readonly report: ImportReport }
  | { readonly ok: false; readonly report: ImportReport };

const CHUNK = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

async function storedRefs(ctx: CustomerContext, refs: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(refs)])) {
    const rows = await ctx.db
      .selectFrom('customers')
      .select(['id', 'external_ref'])
      .where('org_id', '=', ctx.orgId)
      .where('external_ref', 'in', part)
      .execute();
    for (const r of rows) if (r.external_ref) found.set(r.external_ref, r.id);
  }
  return found;
}

async function storedEmails(ctx: CustomerContext, emails: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const part of chunks([...new Set(emails)])) {
    const rows = await ctx.db
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('org_id', '=', ctx.orgId)
      .where('email', 'in', part)
      .execute();
    for (const r of rows) if (r.email) found.set(r.email, [...(found.get(r.email) ?? []), r.id]);
  }
  return found;
}

async function storedOrderNumbers(ctx: CustomerContext, numbers: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(numbers)) {
    const rows = await ctx.db
      .selectFrom('orders')
      .select('number')
      .where('org_id', '=', ctx.orgId)
      .where('number', 'in', part)
      .execute();
    for (const r of rows) found.add(r.number);
  }
  return found;
}

/** Where an order's customer is: a row of this import (by its line) or a stored customer (by id). */
type CustomerLink = { readonly line: number } | { readonly id: string };

/**
 * Checks both files and, when every row is good, writes them.
 * @example const r = await importCustomers(ctx, { customersCsv, ordersCsv }); if (!r.ok) console.log(r.report.rejected)
 */
export async function importCustomers(ctx: CustomerContext, input: ImportInput): Promise<ImportResult> {
  const org = await ctx.db
    .selectFrom('orgs')
    .select('time_zone')
    .where('org_id', '=', ctx.orgId)
    .executeTakeFirstOrThrow();
  const rejected: Rejection[] = [];
  let customerRows: CsvRow[] = [];
  let customers: CustomerCandidate[] = [];
  let orders: OrderCandidate[] = [];
  if (input.customersCsv !== undefined) {
    const read = readCsv(input.customersCsv, CUSTOMERS_CSV);
    const parsed = parseCustomerRows(read.rows);
    customerRows = read.rows;
    customers = parsed.candidates;
    rejected.push(...read.rejections, ...parsed.rejections);
  }
  if (input.ordersCsv !== undefined) {
    const read = readCsv(input.ordersCsv, ORDERS_CSV);
    const parsed = parseOrderRows(read.rows, org.time_zone);
    orders = parsed.candidates;
    rejected.push(...read.rejections, ...parsed.rejections);
  }

  // References: a customer row of this file (even one rejected above, so that its orders are not
  // reported a second time) or a stored, unerased customer.
  const fileRefs = new Map<string, number>();
  const fileEmails = new Map<string, number[]>();
  for (const { line, values } of customerRows) {
    if (values.external_ref && !fileRefs.has(values.external_ref)) fileRefs.set(values.external_ref, line);
    if (values.email) {
      const e = normaliseEmail(values.email);
      fileEmails.set(e, [...(fileEmails.get(e) ?? []), line]);
    }
  }
  const taken = await storedRefs(ctx, [...fileRefs.keys()]);
  for (const c of customers)
    if (c.customer.externalRef && taken.has(c.customer.externalRef))
      rejected.push({
        file: 'customers_csv',
        line: c.line,
        errors: [{ field: 'external_ref', message: 'a stored customer already has this reference' }],
      });
  const refs = await storedRefs(
    ctx,
    orders.flatMap((o) => (o.customerRef ? [o.customerRef] : [])),
  );
  const emails = await storedEmails(
    ctx,
    orders.flatMap((o) => (!o.customerRef && o.customerEmail ? [o.customerEmail] : [])),
  );
  const numbers = await storedOrderNumbers(
    ctx,
    orders.map((o) => o.order.number),
  );
  const links = new Map<OrderCandidate, CustomerLink>();
  for (const o of orders) {
    const errors: { field: string; message: string }[] = [];
    if (numbers.has(o.order.number))
      errors.push({ field: 'number', message: 'a stored order already has this number' });
    if (o.customerRef) {
      const line = fileRefs.get(o.customerRef);
      const id = refs.get(o.customerRef);
      if (line !== undefined) links.set(o, { line });
      else if (id !== undefined) links.set(o, { id });
      else
        errors.push({
          field: 'customer_ref',
          message: 'no customer has this reference, in this import or stored',
        });
    } else if (o.customerEmail) {
      const lines = fileEmails.get(o.customerEmail) ?? [];
      const ids = emails.get(o.customerEmail) ?? [];
      const [line] = lines;
      const [id] = ids;
      if (lines.length + ids.length > 1)
        errors.push({
          field: 'customer_email',
          message: 'more than one customer has this email; use customer_ref',
        });
      else if (line !== undefined) links.set(o, { line });
      else if (id !== undefined) links.set(o, { id });
      else
        errors.push({
          field: 'customer_email',
          message: 'no customer has this email, in this import or stored',
        });
    }
    if (errors.length > 0) rejected.push({ file: 'orders_csv', line: o.line, errors });
  }

  if (rejected.length > 0) {
    rejected.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === 'customers_csv' ? -1 : 1));
    return { ok: false, report: { imported: { customers: 0, orders: 0 }, rejected } };
  }

  const idOfLine = new Map<number, string>();
  const customerInserts: CustomerTable[] = customers.map((c) => {
    const row = newCustomerRow(ctx.orgId, ctx.now, c.customer);
    idOfLine.set(c.line, row.id);
    return row;
  });
  const orderInserts: OrderTable[] = orders.map((o) => {
    const link = links.get(o);
    const customerId = link && 'id' in link ? link.id : idOfLine.get(link?.line ?? -1);
    // Every order was linked above, or the import was rejected.
    if (!customerId) throw new Error(`order on line ${o.line} has no customer`);
    return newOrderRow(ctx.orgId, customerId, ctx.now, o.order);
  });
  try {
    for (const part of chunks(customerInserts)) await ctx.db.insertInto('customers').values(part).execute();
    for (const part of chunks(orderInserts)) await ctx.db.insertInto('orders').values(part).execute();
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError(
        'conflict',
        'Another change took one of these references or order numbers meanwhile; retry.',
      );
    throw e;
  }
  const imported = { customers: customerInserts.length, orders: orderInserts.length };
  if (imported.customers + imported.orders > 0)
    // One entry for the whole import; the ids tie each record to it without copying personal data.
    await appendAudit(ctx.db, ctx.dialect, {
      orgId: ctx.orgId,
      actorType: 'user',
      actorId: ctx.actorId,
      action: 'customers.imported',
      entity: 'import',
      entityId: newId(),
      data: {
        ...imported,
        customer_ids: customerInserts.map((c) => c.id),
        order_ids: orderInserts.map((o) => o.id),
      },
      at: ctx.now,
    });
  return { ok: true, report: { imported, rejected: [] } };
}
