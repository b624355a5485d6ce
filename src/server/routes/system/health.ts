/**
 * @module server/routes/system/health
 * GET /api/health: liveness and a database round trip.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteModule } from '../../app-type.ts';

export const healthRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Health',
        response: { 200: z.object({ ok: z.boolean(), database: z.string() }) },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.store.db);
      return { ok: true, database: deps.store.dialect };
    },
  );
};
