/**
 * @module cases/case-context
 * What every case operation works with: the transaction, the dialect, the instant of the change and
 * who makes it. Operations take it whole so that a route, a job and a test call them the same way.
 */
import type { Transaction } from 'kysely';
import type { DialectName } from '../store/dialect.ts';
import type { Database } from '../store/schema.ts';

/** Who changes a case: a signed-in user, the customer (portal), or the system (jobs). */
export interface CaseActor {
  readonly orgId: string;
  readonly type: 'user' | 'customer' | 'system';
  /** The user's id; `null` for the system. */
  readonly id: string | null;
}

export interface CaseContext {
  readonly trx: Transaction<Database>;
  readonly dialect: DialectName;
  /** Epoch ms of the change: every entry, audit record and `updated_at` of one change share it. */
  readonly now: number;
  readonly actor: CaseActor;
}

/**
 * A user actor.
 * @example userActor({ orgId, userId }) // { orgId, type: 'user', id: userId }
 */
export function userActor(a: { readonly orgId: string; readonly userId: string }): CaseActor {
  return { orgId: a.orgId, type: 'user', id: a.userId };
}
