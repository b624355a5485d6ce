/**
 * @module charter/charter-in-force
 * Which policy versions are in force for an organisation on a date, compiled once and cached by the
 * exact set of versions (so a published change is picked up and old cases replay on old versions).
 */
import type { Kysely } from 'kysely';
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

const cache = new Map<string, CharterInForce>();
/** `org:revision:date` → the charter in force: no query at all while nothing was published. */
const byDay = new Map<string, CharterInForce>();

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
  if (known) return known;
  const found = await lookUp(db, orgId, date);
  if (byDay.size > 1000) byDay.clear();
  byDay.set(dayKey, found);
  return found;
}

async function lookUp(db: Kysely<Database>, orgId: string, date: string): Promise<CharterInForce> {
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
  if (hit) return hit;
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
  if (cache.size > 100) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * Compiles each organisation's charter in force today, so the first request after a start does not
 * wait seconds for parsing and compiling. An organisation whose charter fails is skipped (its
 * requests will report the problem).
 * @example await warmCharters(store.db, Date.now())
 */
export async function warmCharters(db: Kysely<Database>, now: number): Promise<number> {
  const orgs = await db.selectFrom('orgs').select(['org_id', 'time_zone']).execute();
  let warmed = 0;
  for (const o of orgs) {
    try {
      await charterInForce(db, o.org_id, localDate(now, o.time_zone));
      warmed++;
    } catch {
      // Reported when a request needs it.
    }
  }
  return warmed;
}
