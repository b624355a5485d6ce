/**
 * @module decisions/store-types
 * The decisions table as migration 0004 left it: the authority check and the names of the facts the
 * caller supplied sit beside the evaluation. `store/schema.ts` is shared; until it carries these
 * columns, this module widens the Kysely type for the decisions domain only.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DecisionTable } from '../store/schema.ts';

export interface DecisionRow extends DecisionTable {
  /** JSON: the `Grant authority` evaluation (see `authority.ts`), null when nothing was granted. */
  authority: string | null;
  /** JSON: names of the facts the caller supplied (they override gathered ones). */
  supplied_facts: string;
}

export type DecisionsDatabase = Omit<Database, 'decisions'> & { decisions: DecisionRow };
export type Db = Kysely<DecisionsDatabase>;

/** The same connection or transaction, seen with the widened decisions table. */
export function widen(db: Kysely<Database> | Transaction<Database>): Db {
  return db as unknown as Db;
}
