/**
 * @module policy/lint/rules/overlap
 * Rules of a UNIQUE table must not match the same input; under ANY they may only if they agree.
 * Passing: `| <= 30 | "refund" |` and `| > 30 | "deny" |`. Failing: `| <= 30 |` and `| >= 30 |`.
 */
import { equals } from '../../feel/runtime.ts';
import { problem } from '../../messages.ts';
import type { Problem } from '../../model.ts';
import { exampleDoc, type LintRule } from '../context.ts';
import { exampleOf } from '../space.ts';

const table = (second: string) =>
  exampleDoc(
    `## Decision: Refund\n\n| Days since delivery | → Outcome |\n|---|---|\n| <= 30 | "refund" |\n| ${second} | "deny" |`,
  );

export const overlap: LintRule = {
  code: 'overlap',
  description: 'Rules of a UNIQUE (or disagreeing ANY) table that match the same input.',
  examples: { pass: table('> 30'), fail: table('>= 30') },
  check(ctx) {
    const out: Problem[] = [];
    for (const d of ctx.decisions.values()) {
      const model = d.table;
      if (!model || (model.hitPolicy !== 'UNIQUE' && model.hitPolicy !== 'ANY')) continue;
      const space = ctx.space(d);
      if (!space) continue;
      const rules = model.rules;
      for (let i = 0; i < rules.length; i++) {
        for (let j = i + 1; j < rules.length; j++) {
          const a = rules[i];
          const b = rules[j];
          if (!a || !b) continue;
          if (model.hitPolicy === 'ANY') {
            const same = a.outputs.every((o, k) => {
              const p = b.outputs[k];
              return o.kind === 'literal' && p?.kind === 'literal' && equals(o.value, p.value) === true;
            });
            if (same) continue;
          }
          const picks: number[] = [];
          const meets = space.atoms.every((atoms, c) => {
            const k = atoms.findIndex((_, x) => space.cover[i]?.[c]?.[x] && space.cover[j]?.[c]?.[x]);
            picks.push(k);
            return k >= 0;
          });
          if (!meets) continue;
          out.push(
            problem({
              code: 'overlap',
              message: `Unexpected overlap of rule ${b.number} with rule ${a.number}, expected disjoint conditions under ${model.hitPolicy}${model.hitPolicy === 'ANY' ? ' or equal outputs' : ''}`,
              position: b.cells[0]?.position ?? d.section.position,
              file: d.document.file,
              decision: d.name,
              rules: [a.number, b.number],
              example: exampleOf(model, space, picks),
            }),
          );
        }
      }
    }
    return out;
  },
};
