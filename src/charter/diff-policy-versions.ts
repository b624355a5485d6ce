/**
 * @module charter/diff-policy-versions
 * What changes between two texts of a policy: the text line by line, and the meaning — decisions and
 * rules added, removed or changed and concrete inputs whose outcome changes (`policy/diff`), each
 * side compiled with the other documents in force so decisions read across documents resolve.
 */
import { diffLines } from 'diff';
import type { Kysely } from 'kysely';
import { compileCharter } from '../policy/compile/charter.ts';
import { type DecisionDiff, diffCharters } from '../policy/diff/index.ts';
import type { PolicyDocument } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import { AppError } from '../server/errors.ts';
import type { Database } from '../store/schema.ts';
import { charterInForce } from './charter-in-force.ts';
import { orgToday, versionRow } from './policy-context.ts';
import { inForceOf } from './policy-library.ts';

export interface TextChange {
  readonly kind: 'added' | 'removed' | 'unchanged';
  readonly lines: readonly string[];
}

export interface SemanticDiff {
  /** Decisions that changed (added, removed or with different rules or outcomes). */
  readonly decisions: readonly DecisionDiff[];
  /** Why a meaning diff could not be computed (a side does not compile), else empty. */
  readonly problems: readonly string[];
}

export interface PolicyDiff {
  readonly policyId: string;
  /** Version numbers compared; null for a working text not saved yet. */
  readonly from: number | null;
  readonly to: number | null;
  readonly text: readonly TextChange[];
  readonly added: number;
  readonly removed: number;
  readonly semantic: SemanticDiff;
}

/** The text diff of two sources, line by line. */
export function textDiff(
  before: string,
  after: string,
): { changes: TextChange[]; added: number; removed: number } {
  const norm = (s: string) => s.replace(/\r\n?/g, '\n');
  const changes: TextChange[] = [];
  let added = 0;
  let removed = 0;
  for (const c of diffLines(norm(before), norm(after))) {
    const lines = c.value.replace(/\n$/, '').split('\n');
    const kind = c.added ? 'added' : c.removed ? 'removed' : 'unchanged';
    if (kind === 'added') added += lines.length;
    if (kind === 'removed') removed += lines.length;
    changes.push({ kind, lines });
  }
  return { changes, added, removed };
}

function compileWith(base: readonly PolicyDocument[], source: string, label: string) {
  const parsed = parsePolicy(source, label);
  if (!parsed.ok)
    return {
      problems: parsed.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${label} line ${p.position.line}: ${p.message}`),
    };
  const c = compileCharter([...base.filter((d) => d.meta.policy !== parsed.value.meta.policy), parsed.value]);
  if (!c.ok)
    return {
      problems: c.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${label} line ${p.position.line}: ${p.message}`),
    };
  return { charter: c.value, document: parsed.value, problems: [] as string[] };
}

/**
 * Diffs two texts of a policy. `before` null means the policy is new.
 * @example await diffPolicySources(db, orgId, 'refunds', oldText, newText, Date.now(), { from: 3, to: null })
 */
export async function diffPolicySources(
  db: Kysely<Database>,
  orgId: string,
  policyId: string,
  before: string | null,
  after: string,
  now: number,
  versions: { readonly from: number | null; readonly to: number | null },
): Promise<PolicyDiff> {
  const text = textDiff(before ?? '', after);
  const today = await orgToday(db, orgId, now);
  const base = (await charterInForce(db, orgId, today)).charter.documents.filter(
    (d) => d.meta.policy !== policyId,
  );
  const b = compileWith(base, after, versions.to === null ? 'working text' : `version ${versions.to}`);
  const a =
    before === null
      ? compileWith(base, emptyPolicy(policyId), 'nothing')
      : compileWith(base, before, `version ${versions.from}`);
  let semantic: SemanticDiff;
  if (!a.charter || !b.charter) semantic = { decisions: [], problems: [...a.problems, ...b.problems] };
  else {
    // Only decisions this policy defines, or that depend on one of them, can change.
    const own = new Set<string>();
    for (const c of [a.charter, b.charter])
      for (const d of c.decisions.values()) if (d.document.meta.policy === policyId) own.add(d.name);
    const touched = (name: string) => {
      const d = b.charter.decisions.get(name) ?? a.charter.decisions.get(name);
      return own.has(name) || (d?.requires.some((r) => own.has(r)) ?? false);
    };
    const decisions = diffCharters(a.charter, b.charter, { maxInputs: 3000 }).filter(
      (d) => d.status !== 'unchanged' && touched(d.decision),
    );
    semantic = { decisions, problems: [] };
  }
  return {
    policyId,
    from: versions.from,
    to: versions.to,
    text: text.changes,
    added: text.added,
    removed: text.removed,
    semantic,
  };
}

function emptyPolicy(policyId: string): string {
  return `---\npolicy: ${policyId}\ntitle: ${policyId}\nversion: 1\neffective: 2000-01-01\naudience: staff\n---\n`;
}

async function policyRows(db: Kysely<Database>, orgId: string, policyId: string) {
  return db
    .selectFrom('policy_versions')
    .select(['version', 'state', 'effective'])
    .where('org_id', '=', orgId)
    .where('policy_id', '=', policyId)
    .orderBy('version', 'desc')
    .execute();
}

function defaultFrom(rows: Awaited<ReturnType<typeof policyRows>>, today: string): number | null {
  return inForceOf(rows, today)?.version ?? rows.find((r) => r.state !== 'draft')?.version ?? null;
}

/**
 * Diffs two stored versions; `from` defaults to the version in force (else the newest published),
 * `to` to the newest version.
 * @throws AppError `not-found`
 */
export async function diffPolicyVersions(
  db: Kysely<Database>,
  orgId: string,
  policyId: string,
  from: number | undefined,
  to: number | undefined,
  now: number,
): Promise<PolicyDiff> {
  const rows = await policyRows(db, orgId, policyId);
  if (rows.length === 0) throw new AppError('not-found', `No policy ${policyId}.`);
  const today = await orgToday(db, orgId, now);
  const fromVersion = from ?? defaultFrom(rows, today);
  const toVersion = to ?? rows[0]?.version ?? null;
  const before = fromVersion === null ? null : (await versionRow(db, orgId, policyId, fromVersion)).source;
  const after = toVersion === null ? '' : (await versionRow(db, orgId, policyId, toVersion)).source;
  return diffPolicySources(db, orgId, policyId, before, after, now, { from: fromVersion, to: toVersion });
}

/**
 * Diffs a working text (not saved) against a stored version: `from`, else the version in force,
 * else the newest published; a policy with no versions yet is diffed against nothing.
 * @throws AppError `not-found` for a `from` version that does not exist.
 */
export async function diffPolicyWorkingText(
  db: Kysely<Database>,
  orgId: string,
  policyId: string,
  source: string,
  from: number | undefined,
  now: number,
): Promise<PolicyDiff> {
  const rows = await policyRows(db, orgId, policyId);
  const today = await orgToday(db, orgId, now);
  const fromVersion = from ?? defaultFrom(rows, today);
  const before = fromVersion === null ? null : (await versionRow(db, orgId, policyId, fromVersion)).source;
  return diffPolicySources(db, orgId, policyId, before, source, now, { from: fromVersion, to: null });
}
