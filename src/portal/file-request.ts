/**
 * @module portal/file-request
 * A visitor files a question, complaint, refund/return request or compliment through the portal.
 *
 * - **Who they are.** A case is linked to a customer only when the visitor names an order and the
 *   email address of the customer who placed it (see `find-order.ts`); an email address alone links
 *   nothing, because a stranger could then borrow someone's tier and history in decisions. Without an
 *   order the case has no customer and no personal data is stored: the private link is how the
 *   visitor reads our replies. A refund or return request needs the order.
 * - **Channel restrictions.** A customer restricted to one channel (`email only`) is still heard —
 *   inbound contact is always recorded — but the case is routed to that channel, so the desk answers
 *   there, and the visitor is told so. A restriction naming a channel the desk does not work in
 *   (e.g. `post only`) cannot be honoured from the web: the request is refused with that reason.
 * - **Consent.** Nothing on the portal gives or changes consent; a linked customer's consent flags
 *   stay as they are and surveys follow them.
 */
import {
  allowedChannel,
  type CaseContext,
  CHANNELS,
  type Channel,
  caseClocks,
  createCase,
} from '../cases/index.ts';
import { AppError } from '../server/errors.ts';
import type { CaseKind } from '../store/schema.ts';
import { type MatchedOrder, matchOrder } from './find-order.ts';
import { PORTAL_CHANNEL, type PromisedDeadline, promisedDeadlines } from './response-promise.ts';

export interface PortalRequest {
  readonly kind: CaseKind;
  readonly subject: string;
  readonly message: string;
  readonly orderNumber?: string | undefined;
  readonly email?: string | undefined;
}

export interface FiledRequest {
  readonly caseId: string;
  readonly number: number;
  readonly kind: CaseKind;
  readonly subject: string;
  readonly status: string;
  readonly channel: string;
  readonly orderNumber: string | null;
  /** Set when a channel restriction routed the case: what the visitor must know. */
  readonly notice: string | null;
  readonly deadlines: readonly PromisedDeadline[];
  /** Shown once; only its hash is stored. */
  readonly portalToken: string;
}

/** The same words whichever of the two did not match. */
export const NO_MATCH = 'We could not find an order with this number for this email address.';

function isChannel(c: string): c is Channel {
  return (CHANNELS as readonly string[]).includes(c);
}

/** The channel a customer's case must use, and what to tell them; refuses what the web cannot honour. */
function routeFor(order: MatchedOrder | null): { channel: Channel; notice: string | null } {
  const allowed = allowedChannel(order?.channelRestriction ?? null);
  if (allowed === null || allowed === PORTAL_CHANNEL) return { channel: PORTAL_CHANNEL, notice: null };
  if (isChannel(allowed))
    return {
      channel: allowed,
      notice: `As agreed on your account, we contact you by ${allowed} only: we have recorded your request and will answer it by ${allowed}. You can still follow it with the private link.`,
    };
  throw new AppError(
    'channel-restricted',
    `As agreed on your account, we deal with you by ${allowed} only, so we cannot take this request through the website. Please contact us by ${allowed}.`,
  );
}

/**
 * Opens the case in the caller's transaction (the context's actor is replaced by the customer, or
 * an anonymous customer when no order was named).
 * @throws AppError `validation` (order missing, no match: path `body.order_number`), `channel-restricted`
 */
export async function fileRequest(ctx: CaseContext, input: PortalRequest): Promise<FiledRequest> {
  const orgId = ctx.actor.orgId;
  const orderNumber = input.orderNumber?.trim() || undefined;
  const email = input.email?.trim() || undefined;
  if (input.kind === 'refund request' && orderNumber === undefined)
    throw new AppError('validation', 'A refund or return request needs the order number.', [
      { path: 'body.order_number', message: 'needed for a refund or return request' },
    ]);
  if ((orderNumber === undefined) !== (email === undefined))
    throw new AppError('validation', 'To find your order we need both its number and your email address.', [
      orderNumber === undefined
        ? { path: 'body.order_number', message: 'needed with the email address' }
        : { path: 'body.email', message: 'needed with the order number' },
    ]);
  let order: MatchedOrder | null = null;
  if (orderNumber !== undefined && email !== undefined) {
    order = await matchOrder(ctx.trx, orgId, orderNumber, email);
    if (!order)
      throw new AppError('validation', NO_MATCH, [{ path: 'body.order_number', message: NO_MATCH }]);
  }
  const { channel, notice } = routeFor(order);
  const customerCtx: CaseContext = {
    ...ctx,
    actor: { orgId, type: 'customer', id: order?.customerId ?? null },
  };
  const created = await createCase(customerCtx, {
    kind: input.kind,
    channel,
    subject: input.subject,
    body: input.message,
    ...(order ? { customerId: order.customerId, orderId: order.orderId } : {}),
  });
  const sla = await caseClocks(ctx.trx, created.case, created.entries, ctx.now);
  return {
    caseId: created.case.id,
    number: created.case.number,
    kind: created.case.kind,
    subject: created.case.subject,
    status: created.case.status,
    channel,
    orderNumber: order?.number ?? null,
    notice,
    deadlines: promisedDeadlines(sla),
    portalToken: created.portalToken,
  };
}
