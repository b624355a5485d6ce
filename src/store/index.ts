/**
 * @module store
 * Storage: the Kysely schema, migrations, and the SQLite/PostgreSQL differences.
 */
export {
  type DialectName,
  fromJsonText,
  isUniqueViolation,
  jsonText,
  jsonValue,
  lockOrg,
  searchTerms,
  toJsonText,
} from './dialect.ts';
export { type WriteMemo, writeMemoOf } from './group-commit.ts';
export { type HotSql, hotSql, insertRows, runHot } from './hot-sql.ts';
export { newId } from './ids.ts';
export { openStore, type Store, type StoreOptions } from './open-store.ts';
export type * from './schema.ts';
