/**
 * @module server/routes/portal/follow-view
 * The followed case as the public API shows it.
 */
import type { FollowView } from '../../../portal/index.ts';
import { deadlineView, iso, publicOrgView } from './public-views.ts';

export function followResponseView(v: FollowView) {
  return {
    org: publicOrgView(v.org),
    case: {
      number: v.number,
      kind: v.kind,
      subject: v.subject,
      status: v.status,
      channel: v.channel,
      order_number: v.orderNumber,
      created_at: iso(v.createdAt),
      updated_at: iso(v.updatedAt),
    },
    deadlines: v.deadlines.map(deadlineView),
    can_reply: v.canReply,
    items: v.items.map((i) => ({ ...i, at: iso(i.at) })),
  };
}
