/**
 * @module server/routes/portal/get-hours
 * GET /api/public/:org/hours: hours of operation from the public policies' `Hours:` sections (the
 * calendars the SLA clocks count in), as open intervals over the coming days plus the company's zone,
 * so a page can show them in both the company's and the visitor's time.
 */
import { hoursOfOperation, orgBySlug } from '../../../portal/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { hoursQuery, hoursResponse } from './get-hours.schema.ts';
import { orgParams } from './portal.schema.ts';
import { iso } from './public-views.ts';

export const getHoursRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/public/:org/hours',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'Hours of operation over the coming days',
        security: [],
        params: orgParams,
        querystring: hoursQuery,
        response: { 200: hoursResponse },
      },
    },
    async (request) => {
      const org = await orgBySlug(deps.store.db, request.params.org);
      const h = await hoursOfOperation(deps.store.db, org, deps.now(), request.query.days);
      return {
        time_zone: h.timeZone,
        from: iso(h.from),
        to: iso(h.to),
        calendars: h.calendars.map((c) => ({
          name: c.name,
          policy: c.policy,
          time_zone: c.timeZone,
          open_now: c.openNow,
          intervals: c.intervals.map((i) => ({ opens: iso(i.opens), closes: iso(i.closes) })),
        })),
      };
    },
  );
};
