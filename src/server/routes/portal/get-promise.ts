/**
 * @module server/routes/portal/get-promise
 * GET /api/public/:org/promise: what the charter's response-times decision promises a request made
 * through the portal (the customer promise the SLA clocks run to, not the internal targets).
 */
import { orgBySlug, responsePromise } from '../../../portal/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { promiseQuery, promiseResponse } from './get-promise.schema.ts';
import { orgParams } from './portal.schema.ts';

export const getPromiseRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/public/:org/promise',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'The response promise for portal requests',
        security: [],
        params: orgParams,
        querystring: promiseQuery,
        response: { 200: promiseResponse },
      },
    },
    async (request) => {
      const org = await orgBySlug(deps.store.db, request.params.org);
      const promise = await responsePromise(deps.store.db, org, deps.now(), request.query.kind);
      return {
        promise: promise && {
          channel: promise.channel,
          priority: promise.priority,
          targets: promise.targets.map((t) => ({ ...t })),
          why: promise.why,
          policy: promise.policy,
        },
      };
    },
  );
};
