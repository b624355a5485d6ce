/**
 * @module decisions/store-types
 * The decisions table as migrations 0004 and 0007 left it: the authority check, the names of the
 * facts the caller supplied and what was granted sit beside the evaluation. `store/schema.ts` is shared; until it carries these
 * columns, this module widens the Kysely type for the decisions domain only.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DecisionTable } from '../store/schema.ts';
import type { AuthorityOutcome } from './amounts.ts';

export interface DecisionRow extends DecisionTable {
  /** JSON: the `Grant authority` evaluation (see `authority.ts`), null when nothing was granted. */
  authority: string | null;
  /** JSON: names of the facts the caller supplied (they override gathered ones). */
  supplied_facts: string;
  /** What the decision granted (its amount is `amount_minor`), null when it granted nothing. */
  grants: AuthorityOutcome | null;
}

export type DecisionsDatabase = Omit<Database, 'decisions'> & { decisions: DecisionRow };
export type Db = Kysely<DecisionsDatabase>;

/** The same connection or transaction, seen with the widened decisions table. */
export function widen(db: Kysely<Database> | Transaction<Database>): Db {
  return db as unknown as Db;
}
