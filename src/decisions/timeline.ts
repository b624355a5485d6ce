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

// The next number and the row in one statement: `insert … select` over the case's entries.
const APPEND = hotSql(
  `insert into timeline_entries (org_id, id, case_id, seq, kind, visibility, actor_type, actor_id, body, data,
     amends_id, created_at)
   select ?, ?, ?, coalesce(max(seq), 0) + 1, ?, 'internal', 'user', ?, ?, ?, null, ?
   from timeline_entries where org_id = ? and case_id = ?`,
);

/**
 * @example await appendTimelineEntry(trx, 'sqlite', { orgId, caseId, kind: 'decision', body: 'Refund: refund £49.99', … })
 */
export async function appendTimelineEntry(
  db: Kysely<Database>,
  dialect: DialectName,
  e: NewTimelineEntry,
): Promise<{ id: string }> {
  await lockOrg(db, dialect, e.orgId);
  const id = newId();
  await runHot(db, dialect, APPEND, [
    e.orgId,
    id,
    e.caseId,
    e.kind,
    e.actorId,
    e.body,
    toJsonText(e.data),
    e.at,
    e.orgId,
    e.caseId,
  ]);
  return { id };
}
