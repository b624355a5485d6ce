/**
 * @module policy/lint/rules/review-overdue
 * A policy is due for review at `effective` + `review`; past that date it is flagged.
 * Passing: effective 2026-01-01, review P12M, today 2026-06-01. Failing: review P3M.
 */
import { add } from '../../feel/runtime.ts';
import { FeelDate, parseDate, parseDuration } from '../../feel/values.ts';
import { problem } from '../../messages.ts';
import type { Problem } from '../../model.ts';
import { exampleDoc, frontMatterLine, type LintRule } from '../context.ts';

/** The date a policy is next due for review, or null when it has no review interval. */
export function reviewDue(effective: string, review: string | undefined): string | null {
  const start = parseDate(effective);
  const every = review ? parseDuration(review) : null;
  if (!start || !every) return null;
  const due = add(start, every);
  return due instanceof FeelDate ? due.toString() : null;
}

export const reviewOverdue: LintRule = {
  code: 'review-overdue',
  description: 'Policies whose review date (effective + review) has passed.',
  examples: {
    pass: exampleDoc('Prose only.', 'review: P12M\n'),
    fail: exampleDoc('Prose only.', 'review: P3M\n'),
  },
  check(ctx) {
    const out: Problem[] = [];
    for (const doc of ctx.documents) {
      const due = reviewDue(doc.meta.effective, doc.meta.review);
      if (!due || due >= ctx.today) continue;
      out.push(
        problem({
          code: 'review-overdue',
          message: `Unexpected review date ${due} in the past, expected a review by then (effective ${doc.meta.effective} + ${doc.meta.review})`,
          position: { line: frontMatterLine(doc.source, 'review'), column: 1 },
          file: doc.file,
        }),
      );
    }
    return out;
  },
};
