/**
 * @module cases/amend-entry
 * Timelines are never edited or deleted: a correction is a new `amendment` entry that points at the
 * original (`amends_id`) and is seen by whoever could see the original.
 */
import { AppError } from '../server/errors.ts';
import type { TimelineKind } from '../store/schema.ts';
import { applyChange, type ChangeResult, expectVersion, lockCase } from './case-change.ts';
import type { CaseContext } from './case-context.ts';

/** What people write can be amended; records of what the system did (status, decisions…) cannot. */
const AMENDABLE: ReadonlySet<TimelineKind> = new Set([
  'message_in',
  'message_out',
  'call',
  'note',
  'amendment',
]);

/**
 * @throws AppError `not-found` (case or entry), `version-conflict`, `invalid-transition` for an entry that cannot be amended
 * @example await amendEntry(ctx, caseId, entryId, { body: 'Order number is 10442, not 10424.' })
 */
export async function amendEntry(
  ctx: CaseContext,
  caseId: string,
  entryId: string,
  input: {
    readonly body: string;
    readonly reason?: string | undefined;
    readonly version?: number | undefined;
  },
): Promise<ChangeResult> {
  const row = await lockCase(ctx, caseId);
  expectVersion(row, input.version);
  const original = await ctx.trx
    .selectFrom('timeline_entries')
    .select(['id', 'kind', 'visibility', 'seq'])
    .where('org_id', '=', ctx.actor.orgId)
    .where('case_id', '=', caseId)
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!original) throw new AppError('not-found', `No entry ${entryId} on this case.`);
  if (!AMENDABLE.has(original.kind))
    throw new AppError(
      'invalid-transition',
      `Unexpected amendment of a ${original.kind} entry, expected a message, call, note or amendment.`,
    );
  return applyChange(ctx, row, {
    entries: [
      {
        kind: 'amendment',
        visibility: original.visibility,
        body: input.body,
        data: {
          amends_seq: original.seq,
          amends_kind: original.kind,
          ...(input.reason ? { reason: input.reason } : {}),
        },
        amendsId: original.id,
      },
    ],
    action: 'case.entry_amended',
    auditData: { amends: original.id, ...(input.reason ? { reason: input.reason } : {}) },
    searchText: [input.body],
  });
}
