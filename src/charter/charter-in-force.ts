/**
 * @module charter/charter-in-force
 * Which policy versions are in force for an organisation on a date, compiled once and cached by the
 * exact set of versions (so a published change is picked up and old cases replay on old versions).
 *
 * Compiling a charter takes a few hundred milliseconds of the one thread and keeps ~0.75 MB, so the
 * cache is bounded and evicts the least recently used charter (lru-cache): emptying it when full,
 * as it once did, made every organisation's next request recompile once more were active than it held.
 */
import { type Kysely, sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import { localDate } from '../hours/index.ts';
import { type Charter, compileCharter } from '../policy/compile/charter.ts';
import type { PolicyDocument } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import type { Database } from '../store/schema.ts';

export interface CharterInForce {
  readonly charter: Charter;
  /** policy id → version in force. */
  readonly versions: Readonly<Record<string, number>>;
}

/** Compiled charters kept by default; `CHARTER_CACHE_SIZE` sets another number. */
export const CHARTER_CACHE_SIZE = Math.max(1, Math.floor(Number(process.env.CHARTER_CACHE_SIZE)) || 200);

/** `org:version ids` → the compiled charter. */
let cache = new LRUCache<string, CharterInForce>({ max: CHARTER_CACHE_SIZE });
/**
 * `org:revision:date` → its key in `cache`: no query at all while nothing was published. It names
 * the charter rather than holding it, so only `cache` decides how many charters stay in memory.
 */
let byDay = new LRUCache<string, string>({ max: CHARTER_CACHE_SIZE * 4 });
let compiled = 0;

export interface CharterCacheStats {
  readonly capacity: number;
  readonly cached: number;
  /** Charters compiled since the process started (or the cache was reset). */
  readonly compiled: number;
}

export function charterCacheStats(): CharterCacheStats {
  return { capacity: cache.max, cached: cache.size, compiled };
}

/** Empties the cache and sets how many charters it holds (tests; a server sets it by environment). */
export function resetCharterCache(max = CHARTER_CACHE_SIZE): void {
  cache = new LRUCache({ max });
  byDay = new LRUCache({ max: max * 4 });
  compiled = 0;
}

/**
 * The charter in force on a local date (`YYYY-MM-DD`, the organisation's time zone).
 * @throws Error when the published documents do not compile (publishing lints them first).
 */
export async function charterInForce(
  db: Kysely<Database>,
  orgId: string,
  date: string,
  /** The organisation's `charter_revision` when the caller has just read it. */
  knownRevision?: number,
): Promise<CharterInForce> {
  const revision =
    knownRevision ??
    (await db.selectFrom('orgs').select('charter_revision').where('org_id', '=', orgId).executeTakeFirst())
      ?.charter_revision ??
    -1;
  const dayKey = `${orgId}:${revision}:${date}`;
  const known = byDay.get(dayKey);
  const hit = known === undefined ? undefined : cache.get(known);
  if (hit) return hit;
  const { key, found } = await lookUp(db, orgId, date);
  byDay.set(dayKey, key);
  return found;
}

async function lookUp(
  db: Kysely<Database>,
  orgId: string,
  date: string,
): Promise<{ key: string; found: CharterInForce }> {
  // Sources are fetched only when this set of versions has not been compiled yet.
  const rows = await db
    .selectFrom('policy_versions')
    .select(['id', 'policy_id', 'version', 'effective'])
    .where('org_id', '=', orgId)
    .where('state', '=', 'published')
    .where('effective', '<=', date)
    .orderBy('policy_id')
    .orderBy('effective', 'desc')
    .orderBy('version', 'desc')
    .execute();
  const chosen = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!chosen.has(r.policy_id)) chosen.set(r.policy_id, r);
  const key = `${orgId}:${[...chosen.values()].map((r) => r.id).join(',')}`;
  const hit = cache.get(key);
  if (hit) return { key, found: hit };
  const ids = [...chosen.values()].map((r) => r.id);
  const sources = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .selectFrom('policy_versions')
            .select(['id', 'source'])
            .where('org_id', '=', orgId)
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [r.id, r.source] as const),
  );
  const docs: PolicyDocument[] = [];
  for (const r of chosen.values()) {
    const p = parsePolicy(sources.get(r.id) ?? '', `${r.policy_id}@${r.version}`);
    if (!p.ok)
      throw new Error(`Policy ${r.policy_id} v${r.version} does not parse: ${p.problems[0]?.message}`);
    docs.push(p.value);
  }
  const c = compileCharter(docs);
  if (!c.ok) throw new Error(`Charter does not compile: ${c.problems[0]?.message}`);
  const result: CharterInForce = {
    charter: c.value,
    versions: Object.fromEntries([...chosen.values()].map((r) => [r.policy_id, r.version])),
  };
  compiled++;
  cache.set(key, result);
  return { key, found: result };
}

/**
 * Compiles the charter in force today of the organisations most recently active (by their last
 * audit entry), as many as the cache holds, so their first request after a start does not wait for
 * parsing and compiling; warming more would only evict what was just compiled. An organisation
 * whose charter fails is skipped (its requests will report the problem).
 * @example await warmCharters(store.db, Date.now())
 */
export async function warmCharters(db: Kysely<Database>, now: number): Promise<number> {
  const orgs = await db
    .selectFrom('orgs')
    .select(['org_id', 'time_zone'])
    // The last entry of the chain, by its key (org_id, seq): one index step per organisation.
    .orderBy(
      sql`coalesce((select at from audit_log where audit_log.org_id = orgs.org_id order by seq desc limit 1), 0)`,
      'desc',
    )
    .orderBy('org_id')
    .limit(cache.max)
    .execute();
  let warmed = 0;
  // Least recent first, so the most active end up the most recently used.
  for (const o of orgs.reverse()) {
    try {
      await charterInForce(db, o.org_id, localDate(now, o.time_zone));
      warmed++;
    } catch {
      // Reported when a request needs it.
    }
  }
  return warmed;
}
