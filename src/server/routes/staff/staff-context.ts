/**
 * @module server/routes/staff/staff-context
 * Runs a staff change for a request: in a write transaction, as the signed-in admin, at the clock's
 * now; and shows members and teams as the API answers them.
 */
import type { FastifyRequest } from 'fastify';
import type { StaffContext, StaffMember } from '../../../orgs/index.ts';
import { actorOf, type Deps } from '../../context.ts';

export function inStaffTransaction<T>(
  deps: Deps,
  request: FastifyRequest,
  work: (ctx: StaffContext) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  const now = deps.now();
  return deps.store.transact((db) =>
    work({ db, dialect: deps.store.dialect, orgId: actor.orgId, actorId: actor.userId, now }),
  );
}

export function staffView(m: StaffMember) {
  return {
    id: m.id,
    email: m.email,
    name: m.name,
    role: m.role,
    team_id: m.teamId,
    active: m.active,
    created_at: new Date(m.createdAt).toISOString(),
  };
}
