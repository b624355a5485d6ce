/**
 * @module cases/add-note
 * An internal note: staff only, never a reply to the customer.
 */
import { applyChange, type ChangeResult, expectVersion, lockCase } from './case-change.ts';
import type { CaseContext } from './case-context.ts';

/**
 * @throws AppError `not-found`, `version-conflict`
 * @example await addNote(ctx, caseId, { body: 'Courier confirms the parcel was left outside.' })
 */
export async function addNote(
  ctx: CaseContext,
  caseId: string,
  input: { readonly body: string; readonly version?: number | undefined },
): Promise<ChangeResult> {
  const row = await lockCase(ctx, caseId);
  expectVersion(row, input.version);
  return applyChange(ctx, row, {
    entries: [{ kind: 'note', visibility: 'internal', body: input.body }],
    action: 'case.note_added',
    auditData: {},
    searchText: [input.body],
  });
}
