/**
 * @module policy/lint/rules/gap
 * An input no rule matches leaves a single-result decision without an answer.
 * Passing: `| <= 30 |` and `| > 30 |`. Failing: `| < 30 |` and `| > 30 |` (30 is a gap).
 */
import { problem } from '../../messages.ts';
import type { Problem } from '../../model.ts';
import { exampleDoc, type LintRule } from '../context.ts';
import { exampleOf, findUncovered } from '../space.ts';

const table = (first: string) =>
  exampleDoc(
    `## Decision: Refund\n\n| Days since delivery | → Outcome |\n|---|---|\n| ${first} | "refund" |\n| > 30 | "deny" |`,
  );

const SINGLE = new Set(['UNIQUE', 'ANY', 'FIRST', 'PRIORITY']);

export const gap: LintRule = {
  code: 'gap',
  description: 'Input combinations that no rule covers, with a concrete example.',
  examples: { pass: table('<= 30'), fail: table('< 30') },
  check(ctx) {
    const out: Problem[] = [];
    for (const d of ctx.decisions.values()) {
      const model = d.table;
      if (!model || !SINGLE.has(model.hitPolicy)) continue;
      const space = ctx.space(d);
      if (!space) continue;
      const picks = findUncovered(
        space,
        model.rules.map((_, i) => i),
        null,
      );
      if (!picks) continue;
      const example = exampleOf(model, space, picks);
      const shown = Object.entries(example)
        .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
        .join(', ');
      out.push(
        problem({
          code: 'gap',
          message: `Unexpected input no rule matches (${shown}), expected every combination covered or a catch-all rule`,
          position: d.section.position,
          file: d.document.file,
          decision: d.name,
          example,
        }),
      );
    }
    return out;
  },
};
