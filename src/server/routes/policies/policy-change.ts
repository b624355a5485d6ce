/**
 * @module server/routes/policies/policy-change
 * Runs a policy change for a request: in a transaction, as the signed-in user, at the clock's now.
 */
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { PolicyChangeContext } from '../../../charter/index.ts';
import type { Database } from '../../../store/schema.ts';
import { actorOf, type Deps } from '../../context.ts';

export function policyContext(
  deps: Deps,
  request: FastifyRequest,
  trx: Transaction<Database>,
): PolicyChangeContext {
  const a = actorOf(request);
  return { trx, dialect: deps.store.dialect, now: deps.now(), actor: { orgId: a.orgId, userId: a.userId } };
}

/**
 * A change in one transaction (its audit entries commit with it).
 * @example return changePolicy(deps, request, (ctx) => publishPolicyVersion(ctx, id, 3));
 */
export function changePolicy<T>(
  deps: Deps,
  request: FastifyRequest,
  work: (ctx: PolicyChangeContext) => Promise<T>,
): Promise<T> {
  return deps.store.db.transaction().execute((trx) => work(policyContext(deps, request, trx)));
}
