/**
 * @module policy/lint/rules/output-value
 * Output cells must produce one of the output's declared values (null means "none" and is allowed).
 * Passing: `→ Outcome: "refund", "deny"` with "deny". Failing: the same with "denied".
 */
import { equals } from '../../feel/runtime.ts';
import { toJson } from '../../feel/values.ts';
import { problem } from '../../messages.ts';
import type { Problem } from '../../model.ts';
import { exampleDoc, type LintRule } from '../context.ts';

const table = (v: string) =>
  exampleDoc(
    `## Decision: Refund\n\n| Days since delivery | → Outcome: "refund", "deny" |\n|---|---|\n| <= 30 | "refund" |\n| > 30 | ${v} |`,
  );

export const outputValue: LintRule = {
  code: 'output-value',
  description: 'Output cells whose value is not among the declared output values.',
  examples: { pass: table('"deny"'), fail: table('"denied"') },
  check(ctx) {
    const out: Problem[] = [];
    for (const d of ctx.decisions.values()) {
      const model = d.table;
      if (!model) continue;
      for (const r of model.rules) {
        r.outputs.forEach((o, k) => {
          const allowed = model.outputs[k]?.allowed;
          if (!allowed || o.kind !== 'literal' || o.value === null) return;
          if (allowed.some((v) => equals(v, o.value) === true)) return;
          const shown = allowed.map((v) => JSON.stringify(toJson(v))).join(', ');
          out.push(
            problem({
              code: 'output-value',
              message: `Unexpected ${JSON.stringify(toJson(o.value))} for ${model.outputs[k]?.name} in rule ${r.number}, expected one of ${shown}`,
              position: r.outputCells[k]?.position ?? d.section.position,
              file: d.document.file,
              decision: d.name,
              rules: [r.number],
            }),
          );
        });
      }
    }
    return out;
  },
};
