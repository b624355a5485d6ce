/**
 * @module charter/lint-policy-source
 * Lints a policy being written together with the other documents in force, so that names read
 * across documents (facts, other policies' decisions) and decisions offered to them are checked as
 * they will be once published. Problems carry a span (line/column to end line/column) for editors.
 */
import type { Kysely } from 'kysely';
import { lintDocuments } from '../policy/lint/index.ts';
import type { PolicyDocument, Problem, ProblemCode, Severity } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import type { Database } from '../store/schema.ts';
import { charterInForce } from './charter-in-force.ts';
import { orgToday } from './policy-context.ts';

export interface PolicyDiagnostic {
  /** 1-based line and column where the problem starts. */
  readonly line: number;
  readonly column: number;
  /** 1-based line and column just past its end (exclusive); equal to the start for a point. */
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly rule: ProblemCode | 'internal';
  readonly message: string;
  readonly decision?: string;
  /** The document, for problems found in another document in force (`policy@version`). */
  readonly file?: string;
}

export interface PolicyLint {
  /** Problems in the source itself, in order. */
  readonly diagnostics: readonly PolicyDiagnostic[];
  /** Problems the source causes in other documents in force (names they read that it no longer offers). */
  readonly elsewhere: readonly PolicyDiagnostic[];
  readonly errors: number;
  readonly warnings: number;
  /** The policy id of the source's front matter, when it parsed. */
  readonly policyId: string | null;
  /** The other documents it was checked with (`policy@version`). */
  readonly checkedWith: readonly string[];
}

/** Problems that one document can cause in another. */
const CROSS_DOCUMENT: ReadonlySet<ProblemCode> = new Set([
  'unknown-input',
  'unused-decision',
  'duplicate-decision',
  'cycle',
  'type-mismatch',
]);

const DRAFT = '\u0000draft';

/**
 * The span of a problem at a position: in a table row the cell it points into (trimmed), elsewhere
 * the rest of the line (trimmed). Positions outside the text are clamped into it.
 */
export function spanAt(
  lines: readonly string[],
  line: number,
  column: number,
): { line: number; column: number; endLine: number; endColumn: number } {
  const l = Math.min(Math.max(1, Math.trunc(line) || 1), Math.max(1, lines.length));
  const text = (lines[l - 1] ?? '').replace(/\r$/, '');
  const c = Math.min(Math.max(1, Math.trunc(column) || 1), text.length + 1);
  const i = c - 1;
  let start = i;
  let end = text.length;
  if (text.trimStart().startsWith('|')) {
    const pipe = (k: number) => text[k] === '|' && text[k - 1] !== '\\';
    let a = i;
    if (pipe(a)) a += 1;
    while (a > 0 && !pipe(a - 1)) a -= 1;
    let b = Math.max(a, i);
    while (b < text.length && !pipe(b)) b += 1;
    start = a;
    end = b;
  }
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  if (start >= end) {
    start = i;
    end = i;
  }
  return { line: l, column: start + 1, endLine: l, endColumn: end + 1 };
}

function diagnostic(p: Problem, lines: readonly string[] | null, file?: string): PolicyDiagnostic {
  const span = lines
    ? spanAt(lines, p.position.line, p.position.column)
    : {
        line: p.position.line,
        column: p.position.column,
        endLine: p.position.line,
        endColumn: p.position.column,
      };
  return {
    ...span,
    severity: p.severity,
    rule: p.code,
    message: p.message,
    ...(p.decision !== undefined ? { decision: p.decision } : {}),
    ...(file !== undefined ? { file } : {}),
  };
}

/** The policy id a source declares, even when the rest of it does not parse. */
function declaredPolicyId(source: string): string | null {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  const m = fm ? /^policy:\s*["']?([a-z0-9][a-z0-9-]*)["']?\s*$/m.exec(fm[1] ?? '') : null;
  return m?.[1] ?? null;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

function decisionNames(doc: PolicyDocument): string[] {
  return doc.sections.flatMap((s) =>
    s.kind === 'decision-table' || s.kind === 'literal-decision' ? [flat(s.name.trim())] : [],
  );
}

/**
 * The other documents that can change the draft's diagnostics or be changed by it: those declaring
 * facts (the vocabulary), those whose decisions the draft mentions, and those mentioning the draft's
 * decisions or those of the version in force (readers, also of a decision removed, and duplicates). Leaving out the rest keeps lint-as-you-type fast.
 */
function related(
  draft: PolicyDocument,
  previous: PolicyDocument | undefined,
  others: readonly PolicyDocument[],
): PolicyDocument[] {
  const draftText = flat(draft.source);
  // Names the draft offers, and names the version in force offered (a reader of a removed one breaks).
  const mine = [...decisionNames(draft), ...(previous ? decisionNames(previous) : [])];
  return others.filter((d) => {
    if (d.meta.policy === draft.meta.policy) return false;
    if (d.sections.some((s) => s.kind === 'facts')) return true;
    if (decisionNames(d).some((n) => draftText.includes(n))) return true;
    const text = flat(d.source);
    return mine.some((n) => text.includes(n));
  });
}

/**
 * Lints `source` as the new version of its policy, with every other document in force today.
 * Never throws on any input: a failure of the engine itself comes back as an `internal` diagnostic.
 * @example const r = await lintPolicySource(db, orgId, text, Date.now());
 */
export async function lintPolicySource(
  db: Kysely<Database>,
  orgId: string,
  source: string,
  now: number,
): Promise<PolicyLint> {
  const today = await orgToday(db, orgId, now);
  const inForce = await charterInForce(db, orgId, today);
  const text = source.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const policyId = declaredPolicyId(text);
  const others = inForce.charter.documents.filter((d) => d.meta.policy !== policyId);
  let problems: Problem[];
  let parsedId: string | null = null;
  let checked: PolicyDocument[] = [];
  try {
    const parsed = parsePolicy(text, DRAFT);
    problems = [...parsed.problems];
    if (parsed.ok) {
      parsedId = parsed.value.meta.policy;
      const id = parsed.value.meta.policy;
      const previous = inForce.charter.documents.find((d) => d.meta.policy === id);
      checked = related(parsed.value, previous, others);
      const withDraft: PolicyDocument[] = [parsed.value, ...checked];
      problems.push(...lintDocuments(withDraft, { today }));
    }
  } catch (e) {
    const internal: Problem = {
      code: 'syntax',
      severity: 'error',
      message: `Unexpected failure of the linter (${e instanceof Error ? e.message : String(e)}), expected a report; please tell us`,
      position: { line: 1, column: 1 },
    };
    return {
      diagnostics: [{ ...diagnostic(internal, lines), rule: 'internal' }],
      elsewhere: [],
      errors: 1,
      warnings: 0,
      policyId,
      checkedWith: [],
    };
  }
  const seen = new Set<string>();
  const diagnostics: PolicyDiagnostic[] = [];
  const elsewhere: PolicyDiagnostic[] = [];
  for (const p of problems) {
    const key = `${p.file}|${p.position.line}|${p.position.column}|${p.code}|${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (p.file === DRAFT || p.file === undefined) diagnostics.push(diagnostic(p, lines));
    else if (CROSS_DOCUMENT.has(p.code)) elsewhere.push(diagnostic(p, null, p.file));
  }
  const all = [...diagnostics, ...elsewhere];
  return {
    diagnostics,
    elsewhere,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
    policyId: parsedId ?? policyId,
    checkedWith: checked.map((d) => `${d.meta.policy}@${d.meta.version}`),
  };
}
