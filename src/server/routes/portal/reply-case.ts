/**
 * @module server/routes/portal/reply-case
 * POST /api/public/cases/:token: the customer writes on their case (a message on its timeline; a
 * resolved case reopens). Rate-limited per case; `Idempotency-Key` honoured. Answers the case as
 * the customer now sees it.
 */
import { caseByToken, followView, REPLY_LIMIT, replyByLink, takeAttempt } from '../../../portal/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { idempotent } from '../../idempotency.ts';
import { followResponse, replyBody } from './follow-case.schema.ts';
import { followResponseView } from './follow-view.ts';
import { tokenParams } from './portal.schema.ts';

export const replyCaseRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/public/cases/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'Reply on a case by its private link',
        security: [],
        params: tokenParams,
        body: replyBody,
        response: { 201: followResponse },
      },
    },
    async (request, reply) => {
      const { db, dialect } = deps.store;
      const now = deps.now();
      const followed = await caseByToken(db, request.params.token);
      const caseId = followed.row.id;
      await takeAttempt(db, followed.org.orgId, `portal reply ${caseId}`, REPLY_LIMIT, now);
      await idempotent(
        deps,
        { orgId: followed.org.orgId, userId: `portal:${caseId}` },
        request,
        'portal-reply',
        async (trx) => {
          const r = await replyByLink({ trx, dialect, now }, followed, request.body.message);
          return { status: 201, body: { entries: r.entries.map((e) => e.seq) } };
        },
      );
      const view = await followView(db, await caseByToken(db, request.params.token), now);
      return reply.status(201).header('cache-control', 'no-store').send(followResponseView(view));
    },
  );
};
