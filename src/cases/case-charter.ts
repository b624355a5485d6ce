/**
 * @module cases/case-charter
 * The charter a case lives by. A case records the policy versions in force when it was opened and is
 * measured against those for its whole life (a later publication never moves an open case's
 * deadlines). Charters, their calendars and their SLA target resolvers are compiled once and cached.
 */
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { CHARTER_CACHE_SIZE, charterInForce } from '../charter/index.ts';
import { type Calendar, compileCalendar, localDate } from '../hours/index.ts';
import { type Charter, compileCharter } from '../policy/compile/charter.ts';
import type { PolicyDocument, ProcedureSection } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import { targetResolverFromCharter } from '../sla/charter-targets.ts';
import type { TargetResolver } from '../sla/index.ts';
import type { Database } from '../store/schema.ts';

/** Policy id → version, as stored on the case. */
export type PolicyVersions = Readonly<Record<string, number>>;

/** Fraction of a budget after which an SLA warning is due. */
export const WARN_AT = 0.8;

// Least recently used out first, as the charters in force (charter/charter-in-force): a case keeps
// its versions for life, so old cases' charters are here beside today's.
const charters = new LRUCache<string, Charter>({ max: CHARTER_CACHE_SIZE });
const calendarCache = new WeakMap<Charter, Readonly<Record<string, Calendar>>>();
const resolverCache = new WeakMap<Charter, TargetResolver>();

/**
 * The charter in force for a new case, and the versions to record on it.
 * @example const { charter, versions } = await charterForNewCase(db, orgId, 'Europe/London', now);
 */
export async function charterForNewCase(
  db: Kysely<Database>,
  orgId: string,
  timeZone: string,
  now: number,
  charterRevision?: number,
): Promise<{ charter: Charter; versions: PolicyVersions }> {
  const inForce = await charterInForce(db, orgId, localDate(now, timeZone), charterRevision);
  // Keep the compiled charter under the versions' key too, so the case's first recompute is free.
  const key = `${orgId}:${versionKey(inForce.versions)}`;
  if (!charters.has(key)) remember(key, inForce.charter);
  return { charter: inForce.charter, versions: inForce.versions };
}

/**
 * The charter made of exactly the recorded policy versions of a case.
 * @throws Error when a recorded version no longer parses or compiles (published versions are immutable).
 */
export async function charterOfVersions(
  db: Kysely<Database>,
  orgId: string,
  versions: PolicyVersions,
): Promise<Charter> {
  const key = `${orgId}:${versionKey(versions)}`;
  const hit = charters.get(key);
  if (hit) return hit;
  const pairs = Object.entries(versions);
  const rows =
    pairs.length === 0
      ? []
      : await db
          .selectFrom('policy_versions')
          .select(['policy_id', 'version', 'source'])
          .where('org_id', '=', orgId)
          .where((eb) =>
            eb.or(pairs.map(([id, v]) => eb.and([eb('policy_id', '=', id), eb('version', '=', v)]))),
          )
          .orderBy('policy_id')
          .execute();
  const docs: PolicyDocument[] = [];
  for (const r of rows) {
    const p = parsePolicy(r.source, `${r.policy_id}@${r.version}`);
    if (!p.ok)
      throw new Error(`Policy ${r.policy_id} v${r.version} does not parse: ${p.problems[0]?.message}`);
    docs.push(p.value);
  }
  const c = compileCharter(docs);
  if (!c.ok) throw new Error(`Charter does not compile: ${c.problems[0]?.message}`);
  remember(key, c.value);
  return c.value;
}

function remember(key: string, charter: Charter): void {
  charters.set(key, charter);
}

// The charter in force hands out the same versions object until it changes: key it once.
const versionKeys = new WeakMap<PolicyVersions, string>();

function versionKey(versions: PolicyVersions): string {
  let key = versionKeys.get(versions);
  if (key === undefined) {
    key = keyOf(versions);
    versionKeys.set(versions, key);
  }
  return key;
}

function keyOf(versions: PolicyVersions): string {
  return Object.entries(versions)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, v]) => `${id}@${v}`)
    .join(',');
}

/**
 * Every `Hours:` section of the charter compiled to a calendar, by name (cached per charter). A
 * section that does not compile is left out; the SLA engine then reports `unknown-calendar`.
 */
export function calendarsOf(charter: Charter): Readonly<Record<string, Calendar>> {
  const hit = calendarCache.get(charter);
  if (hit) return hit;
  const calendars: Record<string, Calendar> = {};
  for (const doc of charter.documents)
    for (const s of doc.sections) {
      if (s.kind !== 'hours') continue;
      const c = compileCalendar(s, doc.file ? { file: doc.file } : {});
      if (c.ok) calendars[s.name] = c.value;
    }
  calendarCache.set(charter, calendars);
  return calendars;
}

/**
 * The SLA target resolver of a charter: the customer promise from `Response promise`, the internal
 * target from `Response target` (cached per charter, so the SLA engine's memo is reused).
 */
export function resolverOf(charter: Charter): TargetResolver {
  const hit = resolverCache.get(charter);
  if (hit) return hit;
  const resolver = targetResolverFromCharter({
    charter,
    decisions: [
      { decision: 'Response promise', promise: 'customer' },
      { decision: 'Response target', promise: 'internal' },
    ],
    warnAt: WARN_AT,
  });
  resolverCache.set(charter, resolver);
  return resolver;
}

/**
 * The procedure a case of this kind follows: the charter's `Procedure: <Kind> handling` section
 * (e.g. `Procedure: Complaint handling` for complaints), or `null` when the charter has none.
 * @example procedureFor(charter, 'complaint')?.steps.map((s) => s.name) // ['Greet', 'Listen', …]
 */
export function procedureFor(charter: Charter, kind: string): ProcedureSection | null {
  let byKind = procedures.get(charter);
  if (byKind === undefined) {
    byKind = new Map();
    procedures.set(charter, byKind);
  }
  let found = byKind.get(kind);
  if (found === undefined) {
    found = findProcedure(charter, kind);
    byKind.set(kind, found);
  }
  return found;
}
const procedures = new WeakMap<Charter, Map<string, ProcedureSection | null>>();

function findProcedure(charter: Charter, kind: string): ProcedureSection | null {
  const wanted = `${kind} handling`.toLowerCase();
  for (const doc of charter.documents)
    for (const s of doc.sections)
      if (s.kind === 'procedure' && s.name.trim().toLowerCase() === wanted) return s;
  return null;
}
