/**
 * @module audit/audit-log
 * Appends to and verifies each organisation's hash-chained audit log. Appends run inside the
 * caller's transaction, so a record and its audit entry commit together or not at all.
 */
import type { Kysely, Transaction } from 'kysely';
import { type DialectName, lockOrg } from '../store/dialect.ts';
import { newId } from '../store/ids.ts';
import type { Database } from '../store/schema.ts';
import { entryHash, GENESIS } from './hash.ts';

export interface AuditEvent {
  readonly orgId: string;
  readonly actorType: 'user' | 'customer' | 'system';
  readonly actorId: string | null;
  /** Verb in the past tense, e.g. `case.created`, `decision.approved`, `customer.erased`. */
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly data: unknown;
  readonly at: number;
}

/**
 * Appends one entry; call inside the transaction that makes the change.
 * @example await appendAudit(trx, 'sqlite', { orgId, actorType: 'user', actorId, action: 'case.created', … })
 */
export async function appendAudit(
  trx: Transaction<Database> | Kysely<Database>,
  dialect: DialectName,
  e: AuditEvent,
): Promise<{ seq: number; hash: string }> {
  await lockOrg(trx, dialect, e.orgId);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('org_id', '=', e.orgId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    org_id: e.orgId,
    seq,
    id: newId(),
    at: e.at,
    actor_type: e.actorType,
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    data: JSON.stringify(e.data ?? null),
  };
  const hash = entryHash(prevHash, {
    orgId: row.org_id,
    seq,
    id: row.id,
    at: row.at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    data: row.data,
  });
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash })
    .execute();
  return { seq, hash };
}

export type VerifyResult =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  | {
      readonly ok: false;
      readonly entries: number;
      /** The first entry that does not verify. */
      readonly brokenAt: { readonly seq: number; readonly id: string; readonly reason: string };
    };

/**
 * Walks an organisation's chain in order and names the first entry that breaks it.
 * @example const r = await verifyAudit(db, orgId); if (!r.ok) console.log(r.brokenAt.seq)
 */
export async function verifyAudit(
  db: Kysely<Database>,
  orgId: string,
  pageSize = 2000,
): Promise<VerifyResult> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return { ok: true, entries: count, head: prev };
    for (const r of rows) {
      const fail = (reason: string): VerifyResult => ({
        ok: false,
        entries: count,
        brokenAt: { seq: r.seq, id: r.id, reason },
      });
      if (r.seq !== expectedSeq) return fail(`missing entry ${expectedSeq}`);
      if (r.prev_hash !== prev) return fail('previous hash does not match the entry before it');
      const hash = entryHash(prev, {
        orgId: r.org_id,
        seq: r.seq,
        id: r.id,
        at: r.at,
        actorType: r.actor_type,
        actorId: r.actor_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        data: r.data,
      });
      if (hash !== r.hash) return fail('contents do not match the hash');
      prev = r.hash;
      expectedSeq++;
      count++;
    }
  }
}
