/**
 * @module cases/case-change
 * The one way a case changes: lock it, append timeline entries (never edit them), update its row
 * (`updated_at`, `version` + 1, search text), recompute its SLA clocks from the timeline to refresh
 * `next_deadline` and the SLA jobs, and append the audit entry — all in the caller's transaction.
 */
import { appendAudit } from '../audit/index.ts';
import { AppError } from '../server/errors.ts';
import type { SlaResult } from '../sla/index.ts';
import { jsonText, lockOrg } from '../store/dialect.ts';
import { insertRows } from '../store/hot-sql.ts';
import { newId } from '../store/ids.ts';
import {
  type CaseTable,
  TIMELINE_COLUMNS,
  type TimelineEntryTable,
  type TimelineKind,
} from '../store/schema.ts';
import type { CaseContext } from './case-context.ts';
import { caseClocks, enqueueSlaJobs, queueDeadline } from './case-sla.ts';

/** A timeline entry to append. */
export interface NewEntry {
  readonly kind: TimelineKind;
  readonly visibility: 'public' | 'internal';
  readonly body: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly amendsId?: string;
  /** Who the entry is from when not the change's actor (a customer's message an agent logged). */
  readonly author?: { readonly type: 'user' | 'customer' | 'system'; readonly id: string | null };
}

/** Columns a change may set. */
export type CaseUpdate = Partial<
  Pick<CaseTable, 'status' | 'priority' | 'category' | 'assignee_id' | 'team_id' | 'resolved_at'>
>;

export interface CaseChange {
  readonly entries: readonly NewEntry[];
  readonly set?: CaseUpdate;
  /** Audit action (`case.message_added`…) and what to record with it. */
  readonly action: string;
  readonly auditData: Readonly<Record<string, unknown>>;
  /** Text that becomes searchable with this change (messages, notes, call summaries). */
  readonly searchText?: readonly string[];
}

/** A case after an operation and the entries it appended (none when nothing changed). */
export interface CaseOutcome {
  readonly case: CaseTable;
  readonly entries: readonly TimelineEntryTable[];
}

export interface ChangeResult extends CaseOutcome {
  readonly sla: SlaResult;
}

/**
 * Locks the case for this transaction (the organisation first, the order every audited writer uses,
 * then the case row) and returns it; a case of another organisation is not found.
 * @throws AppError `not-found`
 */
export async function lockCase(ctx: CaseContext, caseId: string): Promise<CaseTable> {
  await lockOrg(ctx.trx, ctx.dialect, ctx.actor.orgId);
  let q = ctx.trx
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', ctx.actor.orgId)
    .where('id', '=', caseId);
  if (ctx.dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('not-found', `No case ${caseId} in this organisation.`);
  return row;
}

/**
 * Optimistic concurrency: when the caller says which version it saw, it must still be the current one.
 * @throws AppError `version-conflict`
 */
export function expectVersion(row: CaseTable, version: number | undefined): void {
  if (version !== undefined && version !== row.version)
    throw new AppError(
      'version-conflict',
      `The case changed since you loaded it (version ${row.version}, you sent ${version}); reload and try again.`,
    );
}

/** The case's timeline, oldest first. */
export function timelineOf(ctx: Pick<CaseContext, 'trx' | 'actor'>, caseId: string) {
  return ctx.trx
    .selectFrom('timeline_entries')
    .selectAll()
    .where('org_id', '=', ctx.actor.orgId)
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
}

/** The rows of entries appended after `lastSeq`, stamped with the change's instant and actor. */
export function entryRows(
  ctx: CaseContext,
  caseId: string,
  lastSeq: number,
  entries: readonly NewEntry[],
): TimelineEntryTable[] {
  return entries.map((e, i) => {
    const row: TimelineEntryTable = {
      org_id: ctx.actor.orgId,
      id: newId(),
      case_id: caseId,
      seq: lastSeq + i + 1,
      kind: e.kind,
      visibility: e.visibility,
      actor_type: e.author?.type ?? ctx.actor.type,
      actor_id: e.author ? e.author.id : ctx.actor.id,
      body: e.body,
      data: '',
      amends_id: e.amendsId ?? null,
      created_at: ctx.now,
    };
    row.data = jsonText(row, 'data', e.data ?? {});
    return row;
  });
}

/** Writes rows made by `entryRows` (one statement). */
export async function writeEntries(ctx: CaseContext, rows: readonly TimelineEntryTable[]): Promise<void> {
  await insertRows(ctx.trx, ctx.dialect, 'timeline_entries', TIMELINE_COLUMNS, rows);
}

/** Appends entries after `lastSeq`, stamped with the change's instant and actor. */
export async function insertEntries(
  ctx: CaseContext,
  caseId: string,
  lastSeq: number,
  entries: readonly NewEntry[],
): Promise<TimelineEntryTable[]> {
  const rows = entryRows(ctx, caseId, lastSeq, entries);
  await writeEntries(ctx, rows);
  return rows;
}

/** Lower-cased text appended to the search text (the `q` filter matches it with LIKE). */
export function searchable(parts: readonly string[]): string {
  return parts
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean)
    .join('\n');
}

/**
 * Applies one change to a locked case and returns the case as it now is.
 * @example
 * const row = await lockCase(ctx, caseId);
 * await applyChange(ctx, row, { entries: [{ kind: 'note', visibility: 'internal', body }], action: 'case.note_added', auditData: {} });
 */
export async function applyChange(
  ctx: CaseContext,
  row: CaseTable,
  change: CaseChange,
): Promise<ChangeResult> {
  const existing = await timelineOf(ctx, row.id);
  const added = await insertEntries(ctx, row.id, existing.at(-1)?.seq ?? 0, change.entries);
  const sla = await caseClocks(ctx.trx, row, [...existing, ...added], ctx.now);
  const extra = change.searchText ? searchable(change.searchText) : '';
  const next: CaseTable = {
    ...row,
    ...change.set,
    updated_at: ctx.now,
    version: row.version + 1,
    next_deadline: queueDeadline(sla),
    search_text: extra ? `${row.search_text}\n${extra}` : row.search_text,
  };
  await ctx.trx
    .updateTable('cases')
    .set({
      ...change.set,
      updated_at: next.updated_at,
      version: next.version,
      next_deadline: next.next_deadline,
      search_text: next.search_text,
    })
    .where('org_id', '=', row.org_id)
    .where('id', '=', row.id)
    .execute();
  await appendAudit(ctx.trx, ctx.dialect, {
    orgId: row.org_id,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    action: change.action,
    entity: 'case',
    entityId: row.id,
    data: { ...change.auditData, version: next.version, entries: added.map((e) => e.id) },
    at: ctx.now,
  });
  await enqueueSlaJobs(ctx.trx, ctx.dialect, row.org_id, row.id, sla, ctx.now);
  return { case: next, entries: added, sla };
}
