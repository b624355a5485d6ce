/**
 * @module server/routes/portal/file-request
 * POST /api/public/:org/cases: a visitor files a question, complaint, refund/return request or
 * compliment. Rate-limited per address; `Idempotency-Key` honoured. The answer carries the case
 * number, the promised deadlines and the private link, which is never stored: a retry with the same
 * key and request gets the same case with a freshly issued link (the old one stops working).
 */
import { FILING_LIMIT, fileRequest, orgBySlug, reissueLink, takeAttempt } from '../../../portal/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { idempotent } from '../../idempotency.ts';
import { fileRequestBody, fileRequestResponse } from './file-request.schema.ts';
import { orgParams } from './portal.schema.ts';
import { deadlineView } from './public-views.ts';

/** The idempotency key space of anonymous portal visitors (keys are random per request). */
export const PORTAL_KEYS = 'portal';

export const fileRequestRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/public/:org/cases',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'File a request (question, complaint, refund or return, compliment)',
        security: [],
        params: orgParams,
        body: fileRequestBody,
        response: { 201: fileRequestResponse },
      },
    },
    async (request, reply) => {
      const { db, dialect } = deps.store;
      const now = deps.now();
      const org = await orgBySlug(db, request.params.org);
      await takeAttempt(db, org.orgId, `portal filing ${request.ip}`, FILING_LIMIT, now);
      const b = request.body;
      let token: string | null = null;
      const r = await idempotent(
        deps,
        { orgId: org.orgId, userId: PORTAL_KEYS },
        request,
        'portal-file-request',
        async (trx) => {
          const filed = await fileRequest(
            { trx, dialect, now, actor: { orgId: org.orgId, type: 'customer', id: null } },
            {
              kind: b.kind,
              subject: b.subject,
              message: b.message,
              orderNumber: b.order_number,
              email: b.email,
            },
          );
          token = filed.portalToken;
          return {
            status: 201,
            body: {
              case_id: filed.caseId,
              case: {
                number: filed.number,
                kind: filed.kind,
                subject: filed.subject,
                status: filed.status,
                channel: filed.channel,
                order_number: filed.orderNumber,
              },
              notice: filed.notice,
              deadlines: filed.deadlines.map(deadlineView),
            },
          };
        },
      );
      const { case_id: caseId, ...answer } = r.body;
      const link =
        r.replayed || token === null
          ? await db.transaction().execute((trx) => reissueLink(trx, dialect, org.orgId, caseId, now))
          : token;
      return reply.status(201).send({ ...answer, follow_url: `/follow/${link}` });
    },
  );
};
