/**
 * @module server/routes/portal/lookup-order
 * POST /api/public/:org/orders/lookup: finds a visitor's order by its number and their email address
 * (both must belong to the same customer), so the request form can show what it is about. Any
 * mismatch answers the same 400, never saying which part was wrong; attempts are rate-limited per
 * address together with filings. POST, so that the email address never appears in a URL.
 */
import { FILING_LIMIT, matchOrder, NO_MATCH, orgBySlug, takeAttempt } from '../../../portal/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { AppError } from '../../errors.ts';
import { lookupOrderBody, lookupOrderResponse } from './lookup-order.schema.ts';
import { orgParams } from './portal.schema.ts';
import { iso } from './public-views.ts';

export const lookupOrderRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/public/:org/orders/lookup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'Find an order by its number and email address',
        security: [],
        params: orgParams,
        body: lookupOrderBody,
        response: { 200: lookupOrderResponse },
      },
    },
    async (request) => {
      const db = deps.store.db;
      const now = deps.now();
      const org = await orgBySlug(db, request.params.org);
      await takeAttempt(db, org.orgId, `portal filing ${request.ip}`, FILING_LIMIT, now);
      const o = await matchOrder(db, org.orgId, request.body.order_number, request.body.email);
      if (!o) throw new AppError('validation', NO_MATCH, [{ path: 'body.order_number', message: NO_MATCH }]);
      return {
        order: {
          number: o.number,
          placed_at: iso(o.placedAt),
          delivered_at: o.deliveredAt === null ? null : iso(o.deliveredAt),
          items: o.items.map((i) => ({ ...i })),
        },
      };
    },
  );
};
