/**
 * @module charter/policy-library
 * The policy library: every policy of an organisation with its versions (draft, published,
 * retired), the version in force today, its review date and who has acknowledged it.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { reviewDue } from '../policy/lint/index.ts';
import type { PolicyMeta } from '../policy/model.ts';
import { parseFrontMatter } from '../policy/parse/front-matter.ts';
import type { Database, PolicyVersionTable } from '../store/schema.ts';
import { orgToday, versionRow } from './policy-context.ts';

export interface PolicyVersionSummary {
  readonly id: string;
  readonly policyId: string;
  readonly version: number;
  readonly title: string;
  readonly audience: 'public' | 'staff';
  readonly effective: string;
  readonly state: 'draft' | 'published' | 'retired';
  /** True for the one published version in force today. */
  readonly inForce: boolean;
  readonly owner: string | null;
  /** ISO 8601 review interval from the front matter. */
  readonly review: string | null;
  /** `effective` + `review`, or null without a review interval. */
  readonly reviewDue: string | null;
  readonly createdAt: number;
  readonly publishedAt: number | null;
  readonly publishedBy: { readonly id: string; readonly name: string } | null;
  /** SHA-256 of the source: send it back when updating a draft to refuse lost updates. */
  readonly sourceHash: string;
}

export interface Acknowledgements {
  /** The version counted (the one in force); null when none is. */
  readonly version: number | null;
  readonly acknowledged: number;
  /** Staff of the organisation (users not disabled). */
  readonly staff: number;
  /** Whether the caller has acknowledged it. */
  readonly byMe: boolean;
}

export interface PolicySummary {
  readonly policyId: string;
  /** Title of the version in force, else of the newest version. */
  readonly title: string;
  readonly audience: 'public' | 'staff';
  readonly owner: string | null;
  readonly inForceVersion: number | null;
  readonly latestVersion: number;
  /** The newest draft, if any. */
  readonly draftVersion: number | null;
  /** Effective date of the version in force. */
  readonly effective: string | null;
  readonly review: string | null;
  readonly reviewDue: string | null;
  readonly reviewOverdue: boolean;
  readonly acknowledgements: Acknowledgements;
  /** Newest first. */
  readonly versions: readonly PolicyVersionSummary[];
}

export interface PolicyLibrary {
  /** The organisation's local date the library was computed for. */
  readonly today: string;
  readonly policies: readonly PolicySummary[];
}

export interface PolicyVersionDetail extends PolicyVersionSummary {
  readonly source: string;
  readonly acknowledgements: Omit<Acknowledgements, 'version'> & { readonly version: number };
}

export const sourceHash = (source: string): string => createHash('sha256').update(source).digest('hex');

/** Front matter fields of a stored version, read without parsing the Markdown body. */
export function metaOf(source: string): PolicyMeta | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (!m) return null;
  return parseFrontMatter(m[1] ?? '', 2, undefined).meta ?? null;
}

/** The published version in force on `today`: latest effective date on or before it, then highest number. */
export function inForceOf<T extends Pick<PolicyVersionTable, 'state' | 'effective' | 'version'>>(
  rows: readonly T[],
  today: string,
): T | null {
  let best: T | null = null;
  for (const r of rows) {
    if (r.state !== 'published' || r.effective > today) continue;
    if (!best || r.effective > best.effective || (r.effective === best.effective && r.version > best.version))
      best = r;
  }
  return best;
}

function summary(
  row: PolicyVersionTable,
  inForce: boolean,
  names: ReadonlyMap<string, string>,
): PolicyVersionSummary {
  const meta = metaOf(row.source);
  const review = meta?.review ?? null;
  return {
    id: row.id,
    policyId: row.policy_id,
    version: row.version,
    title: row.title,
    audience: row.audience,
    effective: row.effective,
    state: row.state,
    inForce,
    owner: meta?.owner ?? null,
    review,
    reviewDue: reviewDue(row.effective, review ?? undefined),
    createdAt: Number(row.created_at),
    publishedAt: row.published_at === null ? null : Number(row.published_at),
    publishedBy: row.published_by
      ? { id: row.published_by, name: names.get(row.published_by) ?? 'former user' }
      : null,
    sourceHash: sourceHash(row.source),
  };
}

async function staffNames(db: Kysely<Database>, orgId: string): Promise<Map<string, string>> {
  const users = await db.selectFrom('users').select(['id', 'name']).where('org_id', '=', orgId).execute();
  return new Map(users.map((u) => [u.id, u.name]));
}

async function staffCount(db: Kysely<Database>, orgId: string): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', '=', orgId)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Every policy of the organisation, its versions and acknowledgements of the version in force.
 * @example const lib = await listPolicies(db, orgId, userId, Date.now());
 */
export async function listPolicies(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  now: number,
): Promise<PolicyLibrary> {
  const today = await orgToday(db, orgId, now);
  const rows = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('policy_id')
    .orderBy('version', 'desc')
    .execute();
  const names = await staffNames(db, orgId);
  const staff = await staffCount(db, orgId);
  const acks = await db
    .selectFrom('acknowledgements')
    .innerJoin('users', (j) =>
      j
        .onRef('users.org_id', '=', 'acknowledgements.org_id')
        .onRef('users.id', '=', 'acknowledgements.user_id'),
    )
    .select(['acknowledgements.policy_version_id', 'acknowledgements.user_id'])
    .where('acknowledgements.org_id', '=', orgId)
    .where('users.disabled', '=', 0)
    .execute();
  const ackBy = new Map<string, Set<string>>();
  for (const a of acks) {
    const set = ackBy.get(a.policy_version_id) ?? new Set<string>();
    set.add(a.user_id);
    ackBy.set(a.policy_version_id, set);
  }
  const byPolicy = new Map<string, PolicyVersionTable[]>();
  for (const r of rows) byPolicy.set(r.policy_id, [...(byPolicy.get(r.policy_id) ?? []), r]);
  const policies: PolicySummary[] = [];
  for (const [policyId, versions] of byPolicy) {
    const current = inForceOf(versions, today);
    const summaries = versions.map((v) => summary(v, v === current, names));
    const head = summaries.find((s) => s.inForce) ?? summaries[0];
    if (!head) continue;
    const ackSet = current ? (ackBy.get(current.id) ?? new Set<string>()) : new Set<string>();
    const due = current ? head.reviewDue : null;
    policies.push({
      policyId,
      title: head.title,
      audience: head.audience,
      owner: head.owner,
      inForceVersion: current?.version ?? null,
      latestVersion: summaries[0]?.version ?? head.version,
      draftVersion: summaries.find((s) => s.state === 'draft')?.version ?? null,
      effective: current?.effective ?? null,
      review: current ? head.review : null,
      reviewDue: due,
      reviewOverdue: due !== null && due < today,
      acknowledgements: {
        version: current?.version ?? null,
        acknowledged: ackSet.size,
        staff,
        byMe: ackSet.has(userId),
      },
      versions: summaries,
    });
  }
  policies.sort((a, b) => a.title.localeCompare(b.title));
  return { today, policies };
}

/**
 * One version with its source and acknowledgements.
 * @throws AppError `not-found`
 */
export async function getPolicyVersion(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  policyId: string,
  version: number,
  now: number,
): Promise<PolicyVersionDetail> {
  const row = await versionRow(db, orgId, policyId, version);
  const today = await orgToday(db, orgId, now);
  const siblings = await db
    .selectFrom('policy_versions')
    .select(['id', 'state', 'effective', 'version'])
    .where('org_id', '=', orgId)
    .where('policy_id', '=', policyId)
    .execute();
  const current = inForceOf(siblings, today);
  const names = await staffNames(db, orgId);
  const acks = await db
    .selectFrom('acknowledgements')
    .innerJoin('users', (j) =>
      j
        .onRef('users.org_id', '=', 'acknowledgements.org_id')
        .onRef('users.id', '=', 'acknowledgements.user_id'),
    )
    .select(['acknowledgements.user_id'])
    .where('acknowledgements.org_id', '=', orgId)
    .where('acknowledgements.policy_version_id', '=', row.id)
    .where('users.disabled', '=', 0)
    .execute();
  return {
    ...summary(row, current?.id === row.id, names),
    source: row.source,
    acknowledgements: {
      version: row.version,
      acknowledged: acks.length,
      staff: await staffCount(db, orgId),
      byMe: acks.some((a) => a.user_id === userId),
    },
  };
}
