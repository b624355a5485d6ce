/**
 * @module portal/reply
 * The customer writes on their case through the private link: a `message_in` on the timeline, with
 * the lifecycle's usual effects (a resolved case reopens, a case waiting on them goes back to open).
 * A closed case takes no more messages here: a new contact opens a new request.
 */
import { addMessage, type CaseContext, type ChangeResult } from '../cases/index.ts';
import { AppError } from '../server/errors.ts';
import type { FollowedCase } from './follow-case.ts';
import { PORTAL_CHANNEL } from './response-promise.ts';

/**
 * @throws AppError `invalid-transition` when the case is closed
 * @example await replyByLink(ctx, followed, 'The lamp is still flickering.')
 */
export async function replyByLink(
  ctx: Omit<CaseContext, 'actor'>,
  followed: FollowedCase,
  body: string,
): Promise<ChangeResult> {
  const current = await ctx.trx
    .selectFrom('cases')
    .select(['status'])
    .where('org_id', '=', followed.org.orgId)
    .where('id', '=', followed.row.id)
    .executeTakeFirst();
  if ((current?.status ?? followed.row.status) === 'closed')
    throw new AppError(
      'invalid-transition',
      'This case is closed, so it takes no more messages. Please make a new request and we will pick it up.',
    );
  return addMessage(
    { ...ctx, actor: { orgId: followed.org.orgId, type: 'customer', id: followed.row.customer_id } },
    followed.row.id,
    { direction: 'in', body, channel: PORTAL_CHANNEL },
  );
}
