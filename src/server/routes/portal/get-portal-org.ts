/**
 * @module server/routes/portal/get-portal-org
 * GET /api/public/org: the organisation a portal page is about — the one named by `?slug=`, or the
 * one this installation's portal serves by default.
 */
import { defaultOrg, orgBySlug } from '../../../portal/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { portalOrgQuery, portalOrgResponse } from './get-portal-org.schema.ts';
import { publicOrgView } from './public-views.ts';

export const getPortalOrgRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/public/org',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'The organisation a portal page is about',
        security: [],
        querystring: portalOrgQuery,
        response: { 200: portalOrgResponse },
      },
    },
    async (request) => {
      const db = deps.store.db;
      const slug = request.query.slug;
      const org = slug === undefined ? await defaultOrg(db) : await orgBySlug(db, slug);
      return { org: publicOrgView(org) };
    },
  );
};
