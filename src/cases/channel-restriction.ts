/**
 * @module cases/channel-restriction
 * A customer may be restricted to one channel (e.g. `email only` after abusive calls): we then
 * contact them on that channel only. Inbound contact is always recorded.
 */
import { AppError } from '../server/errors.ts';
import type { CaseContext } from './case-context.ts';

/**
 * The one channel a restriction allows, or `null` when the restriction does not name one.
 * @example allowedChannel('email only') // 'email'
 */
export function allowedChannel(restriction: string | null): string | null {
  const m = restriction ? /^\s*(.+?)\s+only\s*$/i.exec(restriction) : null;
  return m?.[1] ? m[1].toLowerCase() : null;
}

/**
 * Refuses contacting the case's customer on `channel` when they are restricted to another one.
 * @throws AppError `channel-restricted`
 */
export async function checkOutboundChannel(
  ctx: CaseContext,
  customerId: string | null,
  channel: string,
): Promise<void> {
  if (customerId === null) return;
  const customer = await ctx.trx
    .selectFrom('customers')
    .select(['channel_restriction'])
    .where('org_id', '=', ctx.actor.orgId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  const allowed = allowedChannel(customer?.channel_restriction ?? null);
  if (allowed !== null && allowed !== channel)
    throw new AppError(
      'channel-restricted',
      `This customer is to be contacted by ${allowed} only (${customer?.channel_restriction}).`,
      [{ path: 'body.channel', message: `expected ${allowed}` }],
    );
}
