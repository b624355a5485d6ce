/**
 * @module audit/audit-log
 * Appends to and verifies each organisation's hash-chained audit log. Appends run inside the
 * caller's transaction, so a record and its audit entry commit together or not at all.
 */
import type { Kysely, Transaction } from 'kysely';
import { type DialectName, lockOrg } from '../store/dialect.ts';
import { writeMemoOf } from '../store/group-commit.ts';
import { hotSql, runHot } from '../store/hot-sql.ts';
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

const HEAD = hotSql('select seq, hash from audit_log where org_id = ? order by seq desc limit 1');
const INSERT = hotSql(
  `insert into audit_log (org_id, seq, id, at, actor_type, actor_id, action, entity, entity_id, data, prev_hash, hash)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);

interface Head {
  readonly seq: number;
  readonly hash: string;
}

async function readHead(trx: Kysely<Database>, dialect: DialectName, orgId: string): Promise<Head> {
  const [last] = await runHot<Head>(trx, dialect, HEAD, [orgId]);
  return last ?? { seq: 0, hash: GENESIS };
}

/** A write that lost to an entry with the same sequence number (SQLite: only there is a head remembered). */
function isSeqTaken(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Writes `e` after `head`. (A function of its own: a closure made per append costs more than it saves.) */
async function append(
  trx: Transaction<Database> | Kysely<Database>,
  dialect: DialectName,
  e: AuditEvent,
  id: string,
  data: string,
  head: Head,
): Promise<Head> {
  const seq = head.seq + 1;
  const hash = entryHash(head.hash, {
    orgId: e.orgId,
    seq,
    id,
    at: e.at,
    actorType: e.actorType,
    actorId: e.actorId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    data,
  });
  await runHot(trx, dialect, INSERT, [
    e.orgId,
    seq,
    id,
    e.at,
    e.actorType,
    e.actorId,
    e.action,
    e.entity,
    e.entityId,
    data,
    head.hash,
    hash,
  ]);
  return { seq, hash };
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
  // Inside the group committer the chain head is remembered between appends instead of read back.
  // A remembered head that is stale (someone else appended) makes the insert collide on the
  // primary key: then read the real head and append once more.
  const memo = writeMemoOf(trx);
  const key = `audit-head:${e.orgId}`;
  const remembered = memo?.get(key) as Head | undefined;
  const id = newId();
  const data = JSON.stringify(e.data ?? null);
  let appended: Head;
  if (remembered === undefined)
    appended = await append(trx, dialect, e, id, data, await readHead(trx, dialect, e.orgId));
  else {
    try {
      appended = await append(trx, dialect, e, id, data, remembered);
    } catch (error) {
      if (!isSeqTaken(error)) throw error;
      appended = await append(trx, dialect, e, id, data, await readHead(trx, dialect, e.orgId));
    }
  }
  memo?.set(key, appended);
  return appended;
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
