/**
 * @module audit/export-audit
 * The audit log as exported for someone to keep and check elsewhere: every entry of a period, oldest
 * first, with exactly the fields its hash covers (the data as the stored JSON text, the instant in
 * epoch ms), so that each line's hash can be recomputed without this software:
 *
 *   hash = sha256_hex(JSON.stringify([prev_hash, org_id, seq, id, at, actor_type, actor_id,
 *                                     action, entity, entity_id, data]))
 *
 * and each line's `prev_hash` is the line before's `hash` (the first line's is the entry before the
 * period's, or 64 zeros for the first entry of all). Read a page at a time: a long log never sits in
 * memory whole.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface ExportedEntry {
  readonly org_id: string;
  readonly seq: number;
  readonly id: string;
  readonly at: number;
  readonly actor_type: string;
  readonly actor_id: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entity_id: string;
  /** The JSON text exactly as stored (and hashed). */
  readonly data: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/**
 * @example for await (const e of exportAudit(db, orgId, { from, to })) out.write(`${JSON.stringify(e)}\n`);
 */
export async function* exportAudit(
  db: Kysely<Database>,
  orgId: string,
  period: { readonly from?: number | undefined; readonly to?: number | undefined } = {},
  pageSize = 1000,
): AsyncGenerator<ExportedEntry> {
  let after = 0;
  for (;;) {
    let q = db
      .selectFrom('audit_log')
      .select([
        'org_id',
        'seq',
        'id',
        'at',
        'actor_type',
        'actor_id',
        'action',
        'entity',
        'entity_id',
        'data',
        'prev_hash',
        'hash',
      ])
      .where('org_id', '=', orgId)
      .where('seq', '>', after);
    if (period.from !== undefined) q = q.where('at', '>=', period.from);
    if (period.to !== undefined) q = q.where('at', '<', period.to);
    const rows = await q.orderBy('seq').limit(pageSize).execute();
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows.at(-1)?.seq ?? after;
  }
}
