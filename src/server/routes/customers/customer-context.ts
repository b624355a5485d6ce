/**
 * @module server/routes/customers/customer-context
 * The context the customers services run in, from the request's actor and the clock.
 */
import type { CustomerContext, Db } from '../../../customers/index.ts';
import type { Actor, Deps } from '../../context.ts';

/**
 * @example await createCustomer(customerContext(deps, actor, trx), input)
 */
export function customerContext(deps: Deps, actor: Actor, db: Db = deps.store.db): CustomerContext {
  return { db, dialect: deps.store.dialect, orgId: actor.orgId, actorId: actor.userId, now: deps.now() };
}
