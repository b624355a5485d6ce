/**
 * @module customers/read-import-csv
 * Reads one CSV file of an import into rows keyed by (lower-cased) column name, each with the line
 * it starts on, and reports structural problems (unknown or missing columns, ragged rows, broken
 * quoting) in the same shape as field problems, so the caller can show one list.
 */
import { parse } from 'csv-parse/sync';

export type ImportFile = 'customers_csv' | 'orders_csv';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface Rejection {
  readonly file: ImportFile;
  /** 1-based line in the file where the record starts (the header is line 1). */
  readonly line: number;
  readonly errors: FieldProblem[];
}

export interface CsvRow {
  readonly line: number;
  /** Trimmed values by column name; columns absent from the file are absent here. */
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvSpec {
  readonly file: ImportFile;
  readonly columns: readonly string[];
  readonly required: readonly string[];
  /** Columns starting with this prefix are also accepted (e.g. `consent_marketing`). */
  readonly prefix?: string;
  readonly maxRows: number;
}

/** Problems with a whole row rather than one of its fields carry this field name. */
export const ROW = 'row';

/**
 * @example readCsv('name,email\nAda,ada@example.com\n', spec) // { rows: [{ line: 2, values: {…} }], rejections: [] }
 */
export function readCsv(text: string, spec: CsvSpec): { rows: CsvRow[]; rejections: Rejection[] } {
  const reject = (line: number, field: string, message: string): Rejection => ({
    file: spec.file,
    line,
    errors: [{ field, message }],
  });
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    // With `info: true` each record comes as { record, info }; the typings do not model that option.
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (e) {
    const line = typeof e === 'object' && e !== null && 'lines' in e ? Number(e.lines) || 1 : 1;
    return { rows: [], rejections: [reject(line, ROW, e instanceof Error ? e.message : 'unreadable CSV')] };
  }
  const [head, ...body] = records;
  if (!head) return { rows: [], rejections: [reject(1, ROW, 'expected a header line naming the columns')] };
  const header = head.record.map((h) => h.trim().toLowerCase());
  const headerErrors: FieldProblem[] = [];
  header.forEach((name, i) => {
    if (
      !spec.columns.includes(name) &&
      !(spec.prefix && name.startsWith(spec.prefix) && name.length > spec.prefix.length)
    )
      headerErrors.push({
        field: name || `column ${i + 1}`,
        message: `unexpected column; expected ${spec.columns.join(', ')}${spec.prefix ? ` or ${spec.prefix}…` : ''}`,
      });
    else if (header.indexOf(name) !== i) headerErrors.push({ field: name, message: 'column appears twice' });
  });
  for (const name of spec.required)
    if (!header.includes(name)) headerErrors.push({ field: name, message: 'missing required column' });
  const headerLine = head.info.lines;
  if (headerErrors.length > 0)
    return { rows: [], rejections: [{ file: spec.file, line: headerLine, errors: headerErrors }] };
  const rows: CsvRow[] = [];
  const rejections: Rejection[] = [];
  // csv-parse reports the line a record ends on; a record starts after the previous one and after
  // any blank lines skipped in between (quoted fields may span lines).
  let prevEnd = head.info.lines;
  let prevEmpty = head.info.empty_lines;
  for (const { record, info } of body) {
    const line = prevEnd + (info.empty_lines - prevEmpty) + 1;
    prevEnd = info.lines;
    prevEmpty = info.empty_lines;
    if (rows.length + rejections.length >= spec.maxRows) {
      rejections.push(reject(line, ROW, `too many rows: at most ${spec.maxRows} per import`));
      break;
    }
    if (record.length !== header.length) {
      rejections.push(reject(line, ROW, `expected ${header.length} fields, found ${record.length}`));
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = (record[i] ?? '').trim();
    });
    rows.push({ line, values });
  }
  return { rows, rejections };
}
