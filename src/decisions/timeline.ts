/**
 * @module decisions/timeline
 * Appends a decision or approval entry to a case's timeline (internal: staff only). Timelines are
 * append-only; the next `seq` is taken under the organisation's write lock, which the caller's
 * transaction already holds or takes here.
 */
import type { Kysely } from 'kysely';
import { type DialectName, lockOrg, toJsonText } from '../store/dialect.ts';
import { hotSql, runHot } from '../store/hot-sql.ts';
import { newId } from '../store/ids.ts';
import type { Database } from '../store/schema.ts';

export interface NewTimelineEntry {
  readonly orgId: string;
  readonly caseId: string;
  readonly kind: 'decision' | 'approval';
  readonly actorId: string;
  readonly body: string;
  readonly data: unknown;
  readonly at: number;
}

const LAST_SEQ = hotSql('select max(seq) as seq from timeline_entries where org_id = ? and case_id = ?');
const INSERT = hotSql(
  `insert into timeline_entries (org_id, id, case_id, seq, kind, visibility, actor_type, actor_id, body, data, amends_id, created_at)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);

/**
 * @example await appendTimelineEntry(trx, 'sqlite', { orgId, caseId, kind: 'decision', body: 'Refund: refund £49.99', … })
 */
export async function appendTimelineEntry(
  db: Kysely<Database>,
  dialect: DialectName,
  e: NewTimelineEntry,
): Promise<{ id: string; seq: number }> {
  await lockOrg(db, dialect, e.orgId);
  const [last] = await runHot<{ seq: number | null }>(db, dialect, LAST_SEQ, [e.orgId, e.caseId]);
  const seq = Number(last?.seq ?? 0) + 1;
  const id = newId();
  await runHot(db, dialect, INSERT, [
    e.orgId,
    id,
    e.caseId,
    seq,
    e.kind,
    'internal',
    'user',
    e.actorId,
    e.body,
    toJsonText(e.data),
    null,
    e.at,
  ]);
  return { id, seq };
}
