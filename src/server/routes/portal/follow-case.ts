/**
 * @module server/routes/portal/follow-case
 * GET /api/public/cases/:token: the case its private link opens, as the customer may see it. The
 * token is hashed and looked up within the organisation it names; a wrong token is a 404. Its path
 * is redacted from the request log (see `private-link-logging.ts`).
 */
import { caseByToken, followView } from '../../../portal/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { followResponse } from './follow-case.schema.ts';
import { followResponseView } from './follow-view.ts';
import { tokenParams } from './portal.schema.ts';

export const followCaseRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/public/cases/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'Follow a case by its private link',
        security: [],
        params: tokenParams,
        response: { 200: followResponse },
      },
    },
    async (request, reply) => {
      const db = deps.store.db;
      const view = await followView(db, await caseByToken(db, request.params.token), deps.now());
      void reply.header('cache-control', 'no-store');
      return followResponseView(view);
    },
  );
};
