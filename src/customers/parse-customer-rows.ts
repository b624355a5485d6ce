/**
 * @module customers/parse-customer-rows
 * Turns the rows of an import's customers file into new customers, or field problems per line.
 * Columns: name (required), external_ref, email, phone, tier, channel_restriction, and one
 * `consent_<flag>` column per consent flag (true/false, yes/no, 1/0; empty means false).
 */
import { z } from 'zod';
import type { NewCustomer } from './create-customer.ts';
import { normaliseEmail } from './find-customer.ts';
import type { CsvRow, CsvSpec, FieldProblem, Rejection } from './read-import-csv.ts';

export const MAX_IMPORT_ROWS = 5000;

export const CUSTOMERS_CSV: CsvSpec = {
  file: 'customers_csv',
  columns: ['name', 'external_ref', 'email', 'phone', 'tier', 'channel_restriction'],
  required: ['name'],
  prefix: 'consent_',
  maxRows: MAX_IMPORT_ROWS,
};

export interface CustomerCandidate {
  readonly line: number;
  readonly customer: NewCustomer;
}

const email = z.email();
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0', '']);

function text(
  v: Record<string, string>,
  field: string,
  max: number,
  problems: FieldProblem[],
): string | undefined {
  const value = v[field];
  if (value === undefined || value === '') return undefined;
  if (value.length > max) problems.push({ field, message: `expected at most ${max} characters` });
  return value;
}

/**
 * Parses customer rows; every row is checked, so one answer lists every problem in the file.
 * @example parseCustomerRows(rows) // { candidates: [{ line: 2, customer: { name: 'Ada', … } }], rejections: [] }
 */
export function parseCustomerRows(rows: readonly CsvRow[]): {
  candidates: CustomerCandidate[];
  rejections: Rejection[];
} {
  const candidates: CustomerCandidate[] = [];
  const rejections: Rejection[] = [];
  const refLines = new Map<string, number>();
  for (const { line, values } of rows) {
    const problems: FieldProblem[] = [];
    const name = text(values, 'name', 200, problems);
    if (name === undefined) problems.push({ field: 'name', message: 'required' });
    const externalRef = text(values, 'external_ref', 100, problems);
    if (externalRef !== undefined) {
      const first = refLines.get(externalRef);
      if (first !== undefined)
        problems.push({ field: 'external_ref', message: `appears again (first on line ${first})` });
      else refLines.set(externalRef, line);
    }
    const mail = text(values, 'email', 320, problems);
    if (mail !== undefined && !email.safeParse(mail).success)
      problems.push({ field: 'email', message: 'expected an email address' });
    const phone = text(values, 'phone', 40, problems);
    const tier = text(values, 'tier', 40, problems);
    const channelRestriction = text(values, 'channel_restriction', 100, problems);
    const consent: Record<string, boolean> = {};
    for (const [column, raw] of Object.entries(values)) {
      if (!column.startsWith('consent_')) continue;
      const flag = column.slice('consent_'.length);
      const v = raw.toLowerCase();
      if (TRUE.has(v)) consent[flag] = true;
      else if (FALSE.has(v)) consent[flag] = false;
      else problems.push({ field: column, message: 'expected true or false (yes/no, 1/0 also work)' });
    }
    if (problems.length > 0) {
      rejections.push({ file: 'customers_csv', line, errors: problems });
      continue;
    }
    candidates.push({
      line,
      customer: {
        name: name as string,
        email: mail === undefined ? null : normaliseEmail(mail),
        phone: phone ?? null,
        externalRef: externalRef ?? null,
        tier: tier ?? 'standard',
        consent,
        channelRestriction: channelRestriction ?? null,
      },
    });
  }
  return { candidates, rejections };
}
