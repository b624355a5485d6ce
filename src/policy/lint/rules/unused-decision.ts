/**
 * @module policy/lint/rules/unused-decision
 * When a policy lists the decisions it offers (`decisions:` in front matter), every other decision
 * in it must feed one of them. Passing: helper read by Refund. Failing: a helper nobody reads.
 */
import { problem } from '../../messages.ts';
import type { Problem } from '../../model.ts';
import { exampleDoc, frontMatterLine, type LintRule } from '../context.ts';

const doc = (reader: string) =>
  exampleDoc(
    `## Decision: Late\n\n\`\`\`feel\nDays since delivery > 30\n\`\`\`\n\n## Decision: Refund\n\n| ${reader} | → Outcome |\n|---|---|\n| true | "deny" |\n| false | "refund" |`,
    'decisions: [Refund]\n',
  );

export const unusedDecision: LintRule = {
  code: 'unused-decision',
  description: 'Decisions that are neither offered by their policy nor required by another decision.',
  examples: { pass: doc('Late'), fail: doc('Days since delivery > 30') },
  check(ctx) {
    const out: Problem[] = [];
    const required = new Set<string>();
    for (const d of ctx.decisions.values()) for (const r of d.requires) required.add(r);
    for (const doc of ctx.documents) {
      const offered = doc.meta.decisions;
      if (!offered) continue;
      for (const name of offered) {
        if (!ctx.environment.decisions.has(name)) {
          out.push(
            problem({
              code: 'unused-decision',
              severity: 'error',
              message: `Unexpected "${name}" in decisions, expected the name of a decision in this policy`,
              position: { line: frontMatterLine(doc.source, 'decisions'), column: 1 },
              file: doc.file,
            }),
          );
        }
      }
      for (const d of ctx.decisions.values()) {
        if (d.document !== doc || offered.includes(d.name) || required.has(d.name)) continue;
        out.push(
          problem({
            code: 'unused-decision',
            message: `Unexpected unused decision "${d.name}", expected it in decisions: or required by another decision`,
            position: d.section.position,
            file: doc.file,
            decision: d.name,
          }),
        );
      }
    }
    return out;
  },
};
