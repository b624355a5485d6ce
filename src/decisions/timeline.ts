/**
 * @module decisions/timeline
 * Appends a decision or approval entry to a case's timeline (internal: staff only). Timelines are
 * append-only; the next `seq` is taken under the organisation's write lock, which the caller's
 * transaction already holds or takes here.
 */
import type { Kysely } from 'kysely';
import { type DialectName, lockOrg, toJsonText } from '../store/dialect.ts';
import { hotSql, insertRows, runHot } from '../store/hot-sql.ts';
import { newId } from '../store/ids.ts';
import { type Database, TIMELINE_COLUMNS, type TimelineEntryTable } from '../store/schema.ts';

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
  await insertRows(db, dialect, 'timeline_entries', TIMELINE_COLUMNS, [
    {
      org_id: e.orgId,
      id,
      case_id: e.caseId,
      seq,
      kind: e.kind,
      visibility: 'internal',
      actor_type: 'user',
      actor_id: e.actorId,
      body: e.body,
      data: toJsonText(e.data),
      amends_id: null,
      created_at: e.at,
    } satisfies TimelineEntryTable,
  ]);
  return { id, seq };
}
