/**
 * @module decisions/list-case-decisions
 * The decisions made on a case, oldest first, a page at a time (cursor: decided_at and id).
 */
import { AppError } from '../server/errors.ts';
import { encodeCursor, numericCursor } from '../server/pagination.ts';
import type { DecisionContext } from './context.ts';
import { type DecisionView, decisionView } from './decision-view.ts';
import { approvalsOf } from './get-decision.ts';
import { widen } from './store-types.ts';

export interface DecisionPage {
  readonly items: DecisionView[];
  readonly next_cursor: string | null;
}

/**
 * @example const page = await listCaseDecisions(ctx, caseId, { limit: 50 })
 */
export async function listCaseDecisions(
  ctx: Pick<DecisionContext, 'db' | 'orgId'>,
  caseId: string,
  page: { readonly cursor?: string | undefined; readonly limit: number },
): Promise<DecisionPage> {
  const kase = await ctx.db
    .selectFrom('cases')
    .select('id')
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!kase) throw new AppError('not-found', 'No such case.');
  const after = numericCursor(page.cursor);
  let q = widen(ctx.db)
    .selectFrom('decisions')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('case_id', '=', caseId);
  if (after) {
    const { at, id } = after;
    q = q.where((eb) =>
      eb.or([eb('decided_at', '>', at), eb.and([eb('decided_at', '=', at), eb('id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('decided_at')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const approvals = await approvalsOf(
    ctx,
    shown.map((r) => r.id),
  );
  const last = shown.at(-1);
  return {
    items: shown.map((r) => decisionView(r, approvals.get(r.id) ?? null)),
    next_cursor: more && last ? encodeCursor(Number(last.decided_at), last.id) : null,
  };
}
