/**
 * @module server/routes/decisions/decision-context
 * Runs a decisions operation for a request: as the signed-in user, at the clock's now, on the
 * store or inside the request's transaction.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DecisionContext } from '../../../decisions/index.ts';
import type { Database } from '../../../store/schema.ts';
import { actorOf, type Deps } from '../../context.ts';

export function decisionContext(deps: Deps, request: FastifyRequest, db?: Kysely<Database>): DecisionContext {
  const actor = actorOf(request);
  return {
    db: db ?? deps.store.db,
    dialect: deps.store.dialect,
    orgId: actor.orgId,
    actorId: actor.userId,
    role: actor.role,
    now: deps.now(),
  };
}
