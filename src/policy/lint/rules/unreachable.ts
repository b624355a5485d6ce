/**
 * @module policy/lint/rules/unreachable
 * Under FIRST a rule covered by earlier rules can never fire; under PRIORITY one covered by rules
 * with higher-priority outputs never wins. Passing: `<= 30` then `<= 60`. Failing: `<= 60` then `<= 30`.
 */

import type { TableModel } from '../../compile/table.ts';
import { equals } from '../../feel/runtime.ts';
import { problem } from '../../messages.ts';
import type { Problem } from '../../model.ts';
import { exampleDoc, type LintRule } from '../context.ts';
import { findUncovered } from '../space.ts';

const table = (a: string, b: string) =>
  exampleDoc(
    `## Decision: Refund\nHit policy: FIRST\n\n| Days since delivery | → Outcome |\n|---|---|\n| ${a} | "refund" |\n| ${b} | "store credit" |\n| - | "deny" |`,
  );

/** Priority rank of a rule's outputs (lower is higher priority); null when not literal. */
function rank(model: TableModel, i: number): number[] | null {
  const r = model.rules[i];
  if (!r) return null;
  const out: number[] = [];
  for (const [k, o] of r.outputs.entries()) {
    const allowed = model.outputs[k]?.allowed;
    if (!allowed) continue;
    if (o.kind !== 'literal') return null;
    const idx = allowed.findIndex((v) => equals(v, o.value) === true);
    out.push(idx < 0 ? Number.MAX_SAFE_INTEGER : idx);
  }
  return out;
}

function beats(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export const unreachable: LintRule = {
  code: 'unreachable',
  description: 'Rules that can never fire under FIRST or never win under PRIORITY.',
  examples: { pass: table('<= 30', '<= 60'), fail: table('<= 60', '<= 30') },
  check(ctx) {
    const out: Problem[] = [];
    for (const d of ctx.decisions.values()) {
      const model = d.table;
      if (!model || (model.hitPolicy !== 'FIRST' && model.hitPolicy !== 'PRIORITY')) continue;
      const space = ctx.space(d);
      if (!space) continue;
      model.rules.forEach((rule, i) => {
        let winners: number[];
        if (model.hitPolicy === 'FIRST') winners = model.rules.slice(0, i).map((_, j) => j);
        else {
          const mine = rank(model, i);
          if (!mine) return;
          winners = [];
          for (let j = 0; j < model.rules.length; j++) {
            if (j === i) continue;
            const theirs = rank(model, j);
            if (!theirs) return;
            const c = beats(theirs, mine);
            if (c < 0 || (c === 0 && j < i)) winners.push(j);
          }
        }
        const region = space.cover[i] ?? [];
        if (findUncovered(space, winners, region)) return;
        const by = winners.filter((j) =>
          region.every((col, c) => col.some((ok, a) => ok && space.cover[j]?.[c]?.[a])),
        );
        const numbers = by.map((j) => model.rules[j]?.number ?? j + 1);
        const empty = region.some((col) => !col.includes(true));
        out.push(
          problem({
            code: 'unreachable',
            message: empty
              ? `Unexpected rule ${rule.number} that matches no input, expected satisfiable conditions`
              : `Unexpected rule ${rule.number} covered by rule${numbers.length > 1 ? 's' : ''} ${numbers.join(', ')}, expected it to fire for some input under ${model.hitPolicy}`,
            position: rule.cells[0]?.position ?? d.section.position,
            file: d.document.file,
            decision: d.name,
            rules: [rule.number, ...numbers],
          }),
        );
      });
    }
    return out;
  },
};
