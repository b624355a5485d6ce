/**
 * @module policy/lint/rules/unknown-input
 * Every name a decision reads must be a declared fact or another decision (checked when the charter
 * declares its facts). Passing: reads `Days since delivery`, declared. Failing: reads `Days since delivry`.
 */
import { problem } from '../../messages.ts';
import type { Position, Problem } from '../../model.ts';
import { exampleDoc, type LintRule } from '../context.ts';

const doc = (input: string) =>
  exampleDoc(
    `## Facts\n\n| Fact | Type | Values | Description |\n|---|---|---|---|\n| Days since delivery | number | | Days |\n\n## Decision: Refund\n\n| ${input} | → Outcome |\n|---|---|\n| <= 30 | "refund" |\n| > 30 | "deny" |`,
  );

function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[y.length] as number;
}

export const unknownInput: LintRule = {
  code: 'unknown-input',
  description: 'Names read by a decision that are neither declared facts nor decisions.',
  examples: { pass: doc('Days since delivery'), fail: doc('Days since delivry') },
  check(ctx) {
    const env = ctx.environment;
    if (!env.hasVocabulary) return [];
    const known = [...env.facts.keys(), ...env.decisions];
    const out: Problem[] = [];
    for (const d of ctx.decisions.values()) {
      for (const name of d.reads) {
        if (env.facts.has(name) || env.decisions.has(name)) continue;
        const column = d.table?.inputs.find((i) => i.fact === name || i.name === name);
        const position: Position = column?.cell.position ?? d.section.position;
        const near = known.filter((k) => distance(k, name) <= Math.max(2, Math.floor(name.length / 6)));
        const hint = near.length ? `, did you mean ${near.map((n) => `"${n}"`).join(' or ')}` : '';
        out.push(
          problem({
            code: 'unknown-input',
            message: `Unexpected unknown name "${name}", expected a declared fact or a decision${hint}`,
            position,
            file: d.document.file,
            decision: d.name,
          }),
        );
      }
    }
    return out;
  },
};
