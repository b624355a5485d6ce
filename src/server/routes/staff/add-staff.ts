/**
 * @module server/routes/staff/add-staff
 * POST /api/staff: adds a member of staff with a first password (admins only).
 */
import { addStaff } from '../../../orgs/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { hashPassword } from '../../auth/secrets.ts';
import { ADMINS } from '../../context.ts';
import { addStaffBody, staffMemberSchema } from './staff.schema.ts';
import { inStaffTransaction, staffView } from './staff-context.ts';

export const addStaffRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/staff',
    {
      config: { access: ADMINS },
      schema: {
        tags: ['staff'],
        summary: 'Add a member of staff',
        body: addStaffBody,
        response: { 201: staffMemberSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      // Memory-hard and slow: hashed before the transaction, which it would otherwise hold open.
      const passwordHash = await hashPassword(b.password);
      const added = await inStaffTransaction(deps, request, (ctx) =>
        addStaff(ctx, {
          email: b.email,
          name: b.name,
          role: b.role,
          teamId: b.team_id ?? null,
          passwordHash,
        }),
      );
      return reply.status(201).send(staffView(added));
    },
  );
};
