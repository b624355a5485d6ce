/**
 * @module cases/list-cases
 * The queue: an organisation's cases, filtered, in the order they breach — `next_deadline`
 * ascending with cases that have no running clock last, then by id — with keyset pagination.
 */
import type { Kysely } from 'kysely';
import { badCursor } from '../server/pagination.ts';
import { containsEveryWord, SEARCHED } from '../store/dialect.ts';
import type { CaseKind, CaseStatus, CaseTable, Database } from '../store/schema.ts';

export interface CaseFilter {
  readonly status?: readonly CaseStatus[] | undefined;
  readonly kind?: CaseKind | undefined;
  readonly priority?: string | undefined;
  readonly assigneeId?: string | undefined;
  readonly teamId?: string | undefined;
  readonly customerId?: string | undefined;
  /** Every word must occur in the subject, the case number or a message, note or call summary. */
  readonly q?: string | undefined;
}

export interface QueueCursor {
  readonly sort: string | number | null;
  readonly id: string;
}

export interface CasePage {
  readonly cases: readonly CaseTable[];
  /** The last case's position when more may follow. */
  readonly next: { readonly sort: number | null; readonly id: string } | null;
}

/**
 * The query for one page of the queue (`limit + 1` rows: one more tells whether a next page exists).
 * @throws AppError `validation` for a cursor that is not a queue position
 */
export function queuePageQuery(
  db: Kysely<Database>,
  orgId: string,
  filter: CaseFilter,
  cursor: QueueCursor | null,
  limit: number,
) {
  let q = db.selectFrom('cases').selectAll().where('org_id', '=', orgId);
  if (filter.status && filter.status.length > 0) q = q.where('status', 'in', filter.status);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.priority) q = q.where('priority', '=', filter.priority);
  if (filter.assigneeId) q = q.where('assignee_id', '=', filter.assigneeId);
  if (filter.teamId) q = q.where('team_id', '=', filter.teamId);
  if (filter.customerId) q = q.where('customer_id', '=', filter.customerId);
  const match = containsEveryWord(SEARCHED.cases, filter.q ?? '');
  if (match) q = q.where(match);
  if (cursor) {
    const { sort, id } = cursor;
    if (sort === null) q = q.where((eb) => eb.and([eb('next_deadline', 'is', null), eb('id', '>', id)]));
    else if (typeof sort === 'number')
      q = q.where((eb) =>
        eb.or([
          eb('next_deadline', '>', sort),
          eb.and([eb('next_deadline', '=', sort), eb('id', '>', id)]),
          eb('next_deadline', 'is', null),
        ]),
      );
    else throw badCursor();
  }
  return q
    .orderBy('next_deadline', (ob) => ob.asc().nullsLast())
    .orderBy('id')
    .limit(limit + 1);
}

/**
 * One page of the queue.
 * @throws AppError `validation` for a cursor that is not a queue position
 * @example const { cases, next } = await listCases(db, orgId, { status: ['new', 'open'] }, null, 50);
 */
export async function listCases(
  db: Kysely<Database>,
  orgId: string,
  filter: CaseFilter,
  cursor: QueueCursor | null,
  limit: number,
): Promise<CasePage> {
  const rows = await queuePageQuery(db, orgId, filter, cursor, limit).execute();
  const cases = rows.slice(0, limit);
  const last = cases.at(-1);
  return { cases, next: rows.length > limit && last ? { sort: last.next_deadline, id: last.id } : null };
}
