/**
 * @module policy/lint
 * Checks a charter for what makes a policy unclear or imprecise. Parse and compile problems come
 * first; then each rule in `rules/` runs over the decisions that compiled.
 */
import { compileCharterPartial } from '../compile/charter.ts';
import { sortProblems } from '../messages.ts';
import type { PolicyDocument, Problem, Result } from '../model.ts';
import { parsePolicy } from '../parse/index.ts';
import { makeContext } from './context.ts';
import { RULES } from './rules/index.ts';

export type { LintRule } from './context.ts';
export { RULES } from './rules/index.ts';
export { reviewDue } from './rules/review-overdue.ts';

export interface LintOptions {
  /** Local date `YYYY-MM-DD` for review checks. */
  readonly today: string;
}

/**
 * Lints parsed documents together (decisions and facts are shared across a charter).
 * @example lintDocuments([doc], { today: '2026-11-22' })
 */
export function lintDocuments(documents: readonly PolicyDocument[], options: LintOptions): Problem[] {
  const { charter, problems } = compileCharterPartial(documents);
  const ctx = makeContext(documents, charter.decisions, charter.environment, options.today);
  for (const rule of RULES) problems.push(...rule.check(ctx));
  return sortProblems(problems);
}

/**
 * Lints parse results (of `parsePolicy`): their problems, then the documents that parsed, linted
 * together. For callers that already parsed, so nothing is parsed twice.
 * @example lintParsed([parsePolicy(text, 'refunds.md')], { today: '2026-11-22' })
 */
export function lintParsed(results: readonly Result<PolicyDocument>[], options: LintOptions): Problem[] {
  const problems: Problem[] = [];
  const documents: PolicyDocument[] = [];
  for (const r of results) {
    problems.push(...r.problems);
    if (r.ok) documents.push(r.value);
  }
  return sortProblems([...problems, ...lintDocuments(documents, options)]);
}

/**
 * Parses and lints sources (`{ file, text }`); a document that does not parse reports why and is left out.
 * @example lintSources([{ file: 'refunds.md', text }], { today: '2026-11-22' })
 */
export function lintSources(
  sources: readonly { readonly file: string; readonly text: string }[],
  options: LintOptions,
): Problem[] {
  return lintParsed(
    sources.map((s) => parsePolicy(s.text, s.file)),
    options,
  );
}
