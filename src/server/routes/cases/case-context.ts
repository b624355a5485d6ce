/**
 * @module server/routes/cases/case-context
 * Runs a case operation for a request: in a transaction, as the signed-in user, at the clock's now.
 */
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { type CaseContext, type CaseOutcome, userActor } from '../../../cases/index.ts';
import type { Database } from '../../../store/schema.ts';
import { actorOf, type Deps } from '../../context.ts';
import { idempotent } from '../../idempotency.ts';
import { outcomeView } from './case-views.ts';

export function caseContext(deps: Deps, request: FastifyRequest, trx: Transaction<Database>): CaseContext {
  return { trx, dialect: deps.store.dialect, now: deps.now(), actor: userActor(actorOf(request)) };
}

/**
 * A change answered with the case and its new entries.
 * @example return changeCase(deps, request, (ctx) => escalateCase(ctx, id, body));
 */
export async function changeCase(
  deps: Deps,
  request: FastifyRequest,
  work: (ctx: CaseContext) => Promise<CaseOutcome>,
) {
  const outcome = await deps.store.transact((trx) => work(caseContext(deps, request, trx)));
  return outcomeView(outcome);
}

/**
 * An append answered with 201, once per Idempotency-Key.
 * @example const r = await appendToCase(deps, request, 'add-note', (ctx) => addNote(ctx, id, body));
 */
export async function appendToCase(
  deps: Deps,
  request: FastifyRequest,
  route: string,
  work: (ctx: CaseContext) => Promise<CaseOutcome>,
) {
  return idempotent(deps, actorOf(request), request, route, async (trx) => ({
    status: 201,
    body: outcomeView(await work(caseContext(deps, request, trx))),
  }));
}
